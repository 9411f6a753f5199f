/** @wengang/ledger: fund accounts, double-entry ledger, payment batches, bank files, recovery. */
export * from './accounts';
export * from './stop-rules';
export * from './bank-file';
export * from './payments';
export * from './recovery';
export * from './settlement';
export * from './faults';
