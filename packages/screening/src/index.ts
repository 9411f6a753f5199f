/** @wengang/screening: 免申即享 — import provincial data, screen it set-wise, hand findings to review. */
export * from './import/fields';
export * from './import/layouts';
export * from './import/readers';
export * from './import/import';
export * from './import/suspicious';
export * from './generate/random';
export * from './generate/population';
export * from './generate/files';
export * from './programmes/common';
export * from './programmes/types';
export * from './programmes/index';
export * from './programmes/units';
export * from './runs/runs';
export * from './runs/handover';
