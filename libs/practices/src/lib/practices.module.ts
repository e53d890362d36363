import { Module, type OnModuleInit } from '@nestjs/common';
import { AccessDirectory, NodeRegistry } from '@bottega/core';
import { FollowSubjectType, FollowTargets, NotificationsModule } from '@bottega/notifications';
import { TerritoriesModule } from '@bottega/territories';
import { PracticeContent } from './practice-content';
import { PracticeReviewService } from './practice-review.service';
import { PracticeAccess } from './practice.access';
import { PRACTICE_PRINCIPALS } from './practice.audience';
import { PracticeLoaders } from './practice.loaders';
import { Practice } from './practice.model';
import { PracticeNotifier } from './practice.notifier';
import { PracticeRepository } from './practice.repository';
import { PracticeResolver } from './practice.resolver';
import { PracticeService } from './practice.service';
import { PracticeAdoptionLoaders } from './practice-adoption.loaders';
import { PracticeAdoption } from './practice-adoption.model';
import { PracticeAdoptionRepository } from './practice-adoption.repository';
import { PracticeAdoptionFieldResolver, PracticeAdoptionResolver } from './practice-adoption.resolver';
import { PracticeAdoptionService } from './practice-adoption.service';
import { PracticeBookmarkLoaders } from './practice-bookmark.loaders';
import { PracticeBookmarkRepository } from './practice-bookmark.repository';
import { PracticeBookmarkResolver } from './practice-bookmark.resolver';
import { PracticeBookmarkService } from './practice-bookmark.service';
import { PracticeCommentContent } from './practice-comment-content';
import { PracticeCommentLoaders } from './practice-comment.loaders';
import { PracticeCommentRepository } from './practice-comment.repository';
import { PracticeCommentFieldResolver, PracticeCommentResolver } from './practice-comment.resolver';
import { PracticeCommentService } from './practice-comment.service';
import { PracticeDiffResolver } from './practice-diff.resolver';
import { PracticeDiffService } from './practice-diff.service';
import { PracticeLinkRepository } from './practice-link.repository';
import { PracticeLinkResolver } from './practice-link.resolver';
import { PracticeLinkService } from './practice-link.service';
import { PracticeMediaLoaders } from './practice-media.loaders';
import { PracticeMedia } from './practice-media.model';
import { PracticeMediaRepository } from './practice-media.repository';
import { MediaConsentResolver, PracticeMediaFieldResolver, PracticeMediaResolver } from './practice-media.resolver';
import { PracticeMediaService } from './practice-media.service';

/** Practices and stories: structured records of what worked, written, reviewed and published. */
@Module({
  imports: [TerritoriesModule, NotificationsModule],
  providers: [
    PracticeRepository,
    PracticeLoaders,
    PracticeAccess,
    PracticeService,
    PracticeReviewService,
    PracticeResolver,
    PracticeContent,
    PracticeNotifier,
    PracticeMediaRepository,
    PracticeMediaLoaders,
    PracticeMediaService,
    PracticeMediaResolver,
    PracticeMediaFieldResolver,
    MediaConsentResolver,
    PracticeAdoptionRepository,
    PracticeAdoptionLoaders,
    PracticeAdoptionService,
    PracticeAdoptionResolver,
    PracticeAdoptionFieldResolver,
    PracticeBookmarkRepository,
    PracticeBookmarkLoaders,
    PracticeBookmarkService,
    PracticeBookmarkResolver,
    PracticeLinkRepository,
    PracticeLinkService,
    PracticeLinkResolver,
    PracticeDiffService,
    PracticeDiffResolver,
    PracticeCommentRepository,
    PracticeCommentLoaders,
    PracticeCommentService,
    PracticeCommentResolver,
    PracticeCommentFieldResolver,
    PracticeCommentContent,
  ],
  exports: [PracticeLoaders, PracticeAccess],
})
export class PracticesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly directory: AccessDirectory,
    private readonly access: PracticeAccess,
    private readonly content: PracticeContent,
    private readonly mediaLoaders: PracticeMediaLoaders,
    private readonly adoptionLoaders: PracticeAdoptionLoaders,
    private readonly follows: FollowTargets,
    private readonly commentContent: PracticeCommentContent,
  ) {}

  onModuleInit(): void {
    this.directory.register(PRACTICE_PRINCIPALS);
    this.content.register();
    // Comments: flagged, moderated and reached by `node` wherever their practice is read.
    this.commentContent.register();
    // Followers of a practice hear when it is published (see practice.notifier.ts).
    this.follows.register('Practice', FollowSubjectType.PRACTICE);
    // A practice is visible to its audience (see practice.audience.ts).
    this.nodes.register('Practice', Practice, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const found = await this.access.load(context, id);
          return found && Practice.from(found.practice);
        }),
      ),
    );
    // A medium is visible wherever its practice is.
    this.nodes.register('PracticeMedia', PracticeMedia, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const media = await context.loaders.get(this.mediaLoaders.byId).load(id);
          return media && (await this.access.load(context, media.practiceId)) ? PracticeMedia.from(media) : null;
        }),
      ),
    );
    // So is an adoption.
    this.nodes.register('PracticeAdoption', PracticeAdoption, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const adoption = await context.loaders.get(this.adoptionLoaders.byId).load(id);
          return adoption && (await this.access.load(context, adoption.practiceId)) ? PracticeAdoption.from(adoption) : null;
        }),
      ),
    );
  }
}
