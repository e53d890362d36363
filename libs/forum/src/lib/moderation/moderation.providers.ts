import { PostModerationResolver, ThreadModerationResolver } from './content-moderation.resolver';
import { ModeratedContentLocator } from './moderated-content';
import { ContentFlagResolver, ModerationCaseResolver } from './moderation-case.resolver';
import { ModerationQueue } from './moderation-queue';
import { ContentFlagEntity, ModerationCaseEntity } from './moderation.entity';
import { ModerationLoaders } from './moderation.loaders';
import { ModerationNotifier } from './moderation.notifier';
import { ModerationRepository } from './moderation.repository';
import { ModerationResolver } from './moderation.resolver';
import { ModerationService } from './moderation.service';
import { PostingLimits } from './posting-limits';
import { RevisionRedaction } from './revision-redaction.service';

/** Registered by the forum module, so its wiring stays one line each. */
export const MODERATION_ENTITIES = [ModerationCaseEntity, ContentFlagEntity];

export const MODERATION_PROVIDERS = [
  ModerationRepository,
  ModerationLoaders,
  ModeratedContentLocator,
  ModerationService,
  ModerationNotifier,
  ModerationQueue,
  ModerationResolver,
  ModerationCaseResolver,
  ContentFlagResolver,
  PostModerationResolver,
  ThreadModerationResolver,
  PostingLimits,
  RevisionRedaction,
];
