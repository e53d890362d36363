import { Module, type DynamicModule } from '@nestjs/common';
import { CompetencesModule } from '@bottega/competences';
import { ActivityModule, CoreModule } from '@bottega/core';
import { ExchangeActivityModule, ExchangesModule } from '@bottega/exchanges';
import { ForumActivityModule, ForumModule } from '@bottega/forum';
import { IdentityModule } from '@bottega/identity';
import { MonitoringModule } from '@bottega/monitoring';
import { NotificationsModule } from '@bottega/notifications';
import { PracticeActivityModule, PracticesModule } from '@bottega/practices';
import { SearchModule } from '@bottega/search';
import { TerritoriesModule } from '@bottega/territories';
import type { AppConfig } from './config/app-config';

/** Composition only: each capability is a library. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config.core),
        IdentityModule.forRoot(config.identity),
        TerritoriesModule,
        NotificationsModule,
        ForumModule.forRoot(config.forum),
        PracticesModule,
        CompetencesModule.forRoot(config.competences),
        ExchangesModule,
        SearchModule.forRoot(config.search),
        // Activity figures: each feature contributes its part, the report reads them all.
        ActivityModule,
        ForumActivityModule,
        PracticeActivityModule,
        ExchangeActivityModule,
        MonitoringModule,
      ],
    };
  }
}
