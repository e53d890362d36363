import { Global, Module } from '@nestjs/common';
import { ActivityRegistry } from './activity-figures';

/** The activity registry, one for the application: features register their figures in it, the report reads them. */
@Global()
@Module({ providers: [ActivityRegistry], exports: [ActivityRegistry] })
export class ActivityModule {}
