/** The officer workbench (issue #5): cases, workflows as data, review, publicity, deadlines. */
export * from './workflows';
export * from './cases';
export * from './hooks';
export * from './principal';
export * from './deadlines';
export * from './machine';
export * from './duplicates';
export * from './queue';
export * from './case-view';
export * from './review';
export * from './publicity';
export * from './jobs';
export * from './application-sync';
