import { Injectable } from '@nestjs/common';
import { AccessDirectory, ContentRegistry, NodeRegistry, OutboxChange, always, idsAfter, type ContentItem, type SearchDocument } from '@bottega/core';
import { ModerationAction, ModerationDecisions, flaggable } from '@bottega/moderation';
import { PracticeAccess, type PracticeInContext } from './practice.access';
import { REVIEWERS, practiceFacts, type PracticeFacts } from './practice.audience';
import { PracticeRepository, type PracticeRow } from './practice.repository';
import { PRACTICE_COMMENT_AUDIENCE, practiceCommentFacts } from './practice-comment.audience';
import { PracticeCommentLoaders } from './practice-comment.loaders';
import { PracticeComment } from './practice-comment.model';
import { PracticeCommentRepository, type ListedCommentRow, type PracticeCommentRow } from './practice-comment.repository';

// Comments are flagged and moderated like posts: a member of `FlaggedContent`.
flaggable(PracticeComment);

/** A comment the viewer reaches through its practice, as moderation, follows and notifications see it. */
export function commentItem({ practice, principals }: PracticeInContext, comment: ListedCommentRow): ContentItem {
  return {
    type: 'PracticeComment',
    id: comment.id,
    authorId: comment.authorId,
    communityId: practice.communityId,
    hidden: comment.hiddenAt !== null,
    deleted: comment.deletedAt !== null,
    visible: PRACTICE_COMMENT_AUDIENCE.allows(practiceCommentFacts(practice, comment), principals),
    // The practice's reviewers: its community's coordinators, and staff.
    moderators: always<PracticeFacts>(REVIEWERS).principals(practiceFacts(practice)),
  };
}

/**
 * Comments as moderation, notifications and search see them, registered with
 * the core content registry; `node` shows a comment wherever its practice is
 * read (a placeholder when deleted, or hidden from the viewer).
 */
@Injectable()
export class PracticeCommentContent {
  constructor(
    private readonly registry: ContentRegistry,
    private readonly decisions: ModerationDecisions,
    private readonly nodes: NodeRegistry,
    private readonly directory: AccessDirectory,
    private readonly access: PracticeAccess,
    private readonly practices: PracticeRepository,
    private readonly comments: PracticeCommentRepository,
    private readonly loaders: PracticeCommentLoaders,
  ) {}

  register(): void {
    this.registry.register({
      type: 'PracticeComment',
      model: PracticeComment,
      readable: (context, ids) =>
        Promise.all(
          ids.map(async (id) => {
            const comment = await context.loaders.get(this.loaders.byId).load(id);
            const found = comment && (await this.access.load(context, comment.practiceId));
            return comment && found ? commentItem(found, comment) : null;
          }),
        ),
      present: async (context, id) => {
        const comment = await context.loaders.get(this.loaders.byId).clear(id).load(id);
        return comment && (await this.access.reload(context, comment.practiceId)) ? PracticeComment.from(comment) : null;
      },
      setHidden: (manager, id, hidden) => this.comments.setHidden(manager, id, hidden),
      readersAmong: async (manager, id, userIds) => {
        const [comment] = await this.comments.findByIds([id], manager);
        const [practice] = comment ? await this.practices.findByIds([comment.practiceId], manager) : [];
        return comment && practice
          ? this.directory.readersAmong(manager, PRACTICE_COMMENT_AUDIENCE, practiceCommentFacts(practice, comment), userIds)
          : [];
      },
      hasVisibleContentBy: (userId) => this.comments.hasVisibleBy(userId),
      ids: (manager, after, limit) => idsAfter(manager, 'practice_comment', after, limit, { condition: 'deleted_at IS NULL' }),
      document: async (manager, id) => {
        const [comment] = await this.comments.findByIds([id], manager);
        const [practice] = comment ? await this.practices.findByIds([comment.practiceId], manager) : [];
        if (!comment || !practice || comment.deletedAt) return null;
        return searchDocument(practice, comment, (await this.comments.text(manager, id)) ?? '');
      },
    });
    // Deleted as its author or a reviewer deletes it: a placeholder stays.
    this.decisions.register('PracticeComment', ModerationAction.DELETE, {
      change: OutboxChange.DELETED,
      apply: (manager, item, decision) => this.comments.softDelete(manager, item.id, decision.actorId),
    });
    this.nodes.register('PracticeComment', PracticeComment, (ids, context) =>
      Promise.all(
        ids.map(async (id) => {
          const comment = await context.loaders.get(this.loaders.byId).load(id);
          return comment && (await this.access.load(context, comment.practiceId)) ? PracticeComment.from(comment) : null;
        }),
      ),
    );
  }
}

/** A comment's words, under its practice's title, and who may find it: its audience's restrictions. */
function searchDocument(practice: PracticeRow, comment: PracticeCommentRow, text: string): SearchDocument {
  return {
    type: 'PracticeComment',
    id: comment.id,
    title: practice.title,
    summary: null,
    body: text,
    authorId: comment.authorId,
    communityId: practice.communityId,
    territoryIds: practice.territoryIds,
    tags: practice.tags,
    createdAt: comment.createdAt,
    updatedAt: comment.editedAt ?? comment.createdAt,
    restrictions: PRACTICE_COMMENT_AUDIENCE.restrictions(practiceCommentFacts(practice, comment)),
  };
}
