import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@bottega/notifications';
import { ModerationCases } from './moderation-cases';
import { ContentFlagResolver, ModerationCaseResolver } from './moderation-case.resolver';
import { ModerationDecisions } from './moderation-decisions';
import { ModerationQueue } from './moderation-queue';
import { ModerationSubjects } from './moderation-subjects';
import { ContentFlagEntity, ModerationCaseEntity } from './moderation.entity';
import { ModerationLoaders } from './moderation.loaders';
import { ModerationNotifier } from './moderation.notifier';
import { MODERATION_OPTIONS, type ModerationOptions } from './moderation.options';
import { ModerationRepository } from './moderation.repository';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';

/**
 * Flags, the moderation queue and decisions, for every kind of content
 * registered in the core `ContentRegistry`; kinds add their own decisions
 * (deleting, locking) through {@link ModerationDecisions}.
 */
@Module({})
export class ModerationModule {
  static forRoot(options: ModerationOptions): DynamicModule {
    return {
      module: ModerationModule,
      global: true,
      imports: [TypeOrmModule.forFeature([ModerationCaseEntity, ContentFlagEntity]), NotificationsModule],
      providers: [
        { provide: MODERATION_OPTIONS, useValue: options },
        ModerationRepository,
        ModerationLoaders,
        ModerationSubjects,
        ModerationDecisions,
        ModerationCases,
        ModerationService,
        ModerationNotifier,
        ModerationQueue,
        ModerationResolver,
        ModerationCaseResolver,
        ContentFlagResolver,
      ],
      exports: [MODERATION_OPTIONS, ModerationDecisions, ModerationCases],
    };
  }
}
