export * from './activity-figures';
export * from './activity.module';
