export * from './access-directory';
export * from './account-changes';
export * from './audience';
export * from './principals';
