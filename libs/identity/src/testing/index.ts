export * from './user.factory';
export * from './test-app';
