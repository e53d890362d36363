export * from './graphql-client';
export * from './test-app';
export * from './test-database';
export * from './providers';
export * from './audience-agreement';
export * from './global-ids';
export * from './waiting';
export * from './chromium';
