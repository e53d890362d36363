export * from './content-registry';
export * from './search-document';
