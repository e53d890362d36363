export * from './community.factory';
export * from './thread.factory';
export { standing } from './standing';
