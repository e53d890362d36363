export * from './data-source';
export * from './embedded-postgres';
export * from './migrate';
export * from './migrations';
export * from './postgres-errors';
export * from './query-results';
