export * from './community.factory';
export * from './thread.factory';
