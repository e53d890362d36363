export * from './access-directory';
export * from './audience';
export * from './principals';
