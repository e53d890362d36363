export * from './directory.factory';
