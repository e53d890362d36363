export * from './community.factory';
