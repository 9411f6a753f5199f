export * from './audit';
export * from './workbench';
export * from './applications';
