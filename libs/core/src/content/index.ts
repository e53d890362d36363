export * from './content-registry';
