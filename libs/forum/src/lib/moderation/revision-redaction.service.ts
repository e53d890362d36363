import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import type { PostEntity } from '../posts/post.entity';
import { PostLoaders } from '../posts/post.loaders';
import { PostRepository } from '../posts/post.repository';
import { PostService } from '../posts/post.service';
import { RedactRevisionInput } from './dto/redaction.inputs';
import { canRedactRevisions } from './forum-moderation.policy';

const VERSION = ['input', 'version'];

/**
 * Removes an earlier version's text from a post's history, for good: when an
 * author edits out personal data, the history must not keep it. The audit
 * entry says who redacted which version and why, never what it said.
 */
@Injectable()
export class RevisionRedaction {
  constructor(
    private readonly posts: PostService,
    private readonly repository: PostRepository,
    private readonly loaders: PostLoaders,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  async redact(input: RedactRevisionInput, context: RequestContext): Promise<Outcome<PostEntity>> {
    const viewer = await context.requireViewer();
    const { post, community, facts } = await this.posts.readable(input.postId, context);
    if (!canRedactRevisions(viewer, facts)) {
      throw new ForbiddenError('Only the coordinators of this community and site moderators redact a post’s history.');
    }
    const reason = input.reason.trim();
    const errors = await validateInput(RedactRevisionInput, { ...input, reason });
    if (errors.length > 0) return refuse(...errors);
    const redacted = await this.repository.transaction(async (manager) => {
      if (!(await this.repository.redactRevision(manager, post.id, input.version, viewer.userId))) return false;
      // A search index may hold the redacted text among the post's versions.
      await this.outbox.record(manager, { kind: 'Post', subjectId: post.id, change: OutboxChange.EDITED, payload: { redactedVersion: input.version } });
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'REDACT_REVISION',
        subject: { type: 'Post', id: post.id },
        reason,
        metadata: { version: input.version, communityId: community.id },
      });
      return true;
    });
    if (!redacted) {
      // Only to explain the refusal: the conditional update above decided.
      const revision = await this.repository.findRevision(post.id, input.version);
      if (!revision) throw new NotFoundError('PostRevision', `${input.postId}@${input.version}`);
      return refuse(
        revision.redactedAt
          ? UserError.of(UserErrorCode.INVALID_STATE, 'This version is already redacted.', VERSION)
          : UserError.of(UserErrorCode.INVALID_STATE, 'This is the post’s current text: edit the post first, then redact this version.', VERSION),
      );
    }
    context.loaders.get(this.loaders.revisions).clear(post.id);
    return succeed(post);
  }
}
