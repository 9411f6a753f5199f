/** @wengang/kernel: pure domain helpers shared by every layer (no I/O). */
export * from './types';
export * from './text';
export * from './dates';
export * from './money';
export * from './resident-id';
export * from './credit-code';
export * from './enterprise-size';
export * from './industries';
export * from './regions';
export * from './calendar';
export * from './phone';
export * from './bank-account';
