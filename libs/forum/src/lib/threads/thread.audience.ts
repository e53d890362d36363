import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessDirectory, Audience, USER, restrictedWhile, type Clause } from '@bottega/core';
import { COMMUNITY_AUDIENCE, COMMUNITY_MODERATORS, communityFacts, type CommunityFacts } from '../communities/community.audience';
import type { CommunityEntity } from '../communities/community.entity';
import type { CommunityAccessFacts } from '../communities/community.policy';
import type { CommunityVisibility } from '../communities/community.enums';
import type { ThreadEntity } from './thread.entity';

/**
 * Hidden content (by a moderator, or by enough flags) stays visible to its
 * author, the community's coordinators and site staff; to everyone else a
 * hidden thread does not exist and a hidden post is a placeholder.
 */
export function hiddenFromReaders<F extends CommunityFacts>(hidden: keyof F & string, authorId: keyof F & string): Clause<F> {
  return restrictedWhile<F>(hidden, [{ kind: USER, fact: authorId }, ...COMMUNITY_MODERATORS]);
}

/** Deleted content is nobody's to read (a deleted post leaves a placeholder in its thread). */
export const goneWhile = <F extends CommunityFacts>(deleted: keyof F & string): Clause<F> => restrictedWhile<F>(deleted, []);

export type ThreadFacts = CommunityFacts & {
  threadAuthorId: string | null;
  threadHidden: boolean;
  threadDeleted: boolean;
};

/** Who reads a thread (and that its posts exist). */
export const THREAD_AUDIENCE = COMMUNITY_AUDIENCE.and<ThreadFacts>(
  hiddenFromReaders<ThreadFacts>('threadHidden', 'threadAuthorId'),
  goneWhile<ThreadFacts>('threadDeleted'),
);

export type PostFacts = ThreadFacts & {
  postAuthorId: string | null;
  postHidden: boolean;
  postDeleted: boolean;
};

/** Who reads a post's words; the thread's other readers see a placeholder. */
export const POST_AUDIENCE = THREAD_AUDIENCE.and<PostFacts>(
  hiddenFromReaders<PostFacts>('postHidden', 'postAuthorId'),
  goneWhile<PostFacts>('postDeleted'),
);

/** Whether hidden content is visible: the rule of {@link hiddenFromReaders}, for a post or a thread. */
export type HiddenFacts = CommunityFacts & { authorId: string | null; hidden: boolean };
export const HIDDEN_CONTENT_AUDIENCE = new Audience<HiddenFacts>([hiddenFromReaders<HiddenFacts>('hidden', 'authorId')]);

export function threadFacts(
  thread: Pick<ThreadEntity, 'authorId' | 'hiddenAt' | 'deletedAt'>,
  community: Pick<CommunityEntity, 'id' | 'visibility'>,
): ThreadFacts {
  return {
    ...communityFacts(community),
    threadAuthorId: thread.authorId,
    threadHidden: thread.hiddenAt !== null,
    threadDeleted: thread.deletedAt !== null,
  };
}

/** Where a thread's facts are in SQL, with its community joined as `community` (see `ThreadRepository.query`). */
export const threadColumns = (thread: string, community: string) =>
  ({
    communityId: `${thread}.community_id`,
    visibility: `${community}.visibility`,
    threadAuthorId: `${thread}.author_id`,
    threadHidden: `${thread}.hidden_at IS NOT NULL`,
    threadDeleted: `${thread}.deleted_at IS NOT NULL`,
  }) as const;

/** Who among some accounts may read a community, a thread or a post: the recipients of a notification about it. */
@Injectable()
export class ContentReaders {
  constructor(private readonly directory: AccessDirectory) {}

  /** Readers of a post, a thread, or a whole community: the most specific one named. */
  async among(
    manager: EntityManager,
    content: { communityId?: string | null; threadId?: string | null; postId?: string | null },
    userIds: string[],
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const [row]: FactsRow[] = await manager.query(
      `WITH subject AS (
         SELECT p.id AS post_id, t.id AS thread_id, coalesce($1::uuid, t.community_id) AS community_id
           FROM (SELECT 1) one
           LEFT JOIN post p ON p.id = $3::uuid
           LEFT JOIN thread t ON t.id = coalesce($2::uuid, p.thread_id))
       SELECT c.id AS "communityId", c.visibility,
              t.author_id AS "threadAuthorId", t.hidden_at IS NOT NULL AS "threadHidden",
              (t.id IS NULL OR t.deleted_at IS NOT NULL) AS "threadDeleted",
              p.author_id AS "postAuthorId", p.hidden_at IS NOT NULL AS "postHidden",
              (p.id IS NULL OR p.deleted_at IS NOT NULL) AS "postDeleted"
         FROM subject s
         JOIN community c ON c.id = s.community_id
         LEFT JOIN thread t ON t.id = s.thread_id AND t.community_id = c.id
         LEFT JOIN post p ON p.id = s.post_id AND p.thread_id = t.id`,
      [content.communityId ?? null, content.threadId ?? null, content.postId ?? null],
    );
    if (!row) return [];
    if (content.postId) return this.directory.readersAmong(manager, POST_AUDIENCE, row, userIds);
    if (content.threadId) return this.directory.readersAmong(manager, THREAD_AUDIENCE, row, userIds);
    return this.directory.readersAmong(manager, COMMUNITY_AUDIENCE, row, userIds);
  }
}

type FactsRow = PostFacts & { visibility: CommunityVisibility };

/** What the hidden-content rule needs to know about a post or a thread. */
export interface HideableContent {
  authorId: string | null;
  hiddenAt: Date | null;
}

/** Whether the viewer sees this post or thread past its hiding ({@link hiddenFromReaders}). */
export function canSeeContent(facts: CommunityAccessFacts, content: HideableContent): boolean {
  return HIDDEN_CONTENT_AUDIENCE.allows(
    { ...communityFacts(facts.community), authorId: content.authorId, hidden: content.hiddenAt !== null },
    facts.principals,
  );
}
