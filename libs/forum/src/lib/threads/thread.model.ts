import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import type { User } from '@bottega/identity';
import { languageOf } from '@bottega/markdown';
import type { ThreadEntity } from './thread.entity';
import type { ThreadRow } from './thread.repository';
import { ThreadKind } from './thread.enums';

@ObjectType('Thread', { implements: () => [Node], description: 'A discussion or a question in a community.' })
export class Thread extends Node {
  @Field(() => ThreadKind)
  kind!: ThreadKind;

  @Field()
  title!: string;

  @Field({ description: 'The language the title is written in, as ISO 639-1 ("it", "en"): mark it (`lang`) where it is shown.' })
  get language(): string {
    return languageOf(this.title);
  }

  @Field({ description: 'A question with an accepted answer (locked or not).' })
  answered!: boolean;

  @Field({ description: 'Closed to replies, except from its coordinators and staff.' })
  locked!: boolean;

  @Field()
  pinned!: boolean;

  @Field({ description: 'Hidden by moderation; only its author, the coordinators and staff see it.' })
  hidden!: boolean;

  @Field(() => Int, { description: 'Grows with each edit of the title, tags or territories; `editThread` names the one it started from.' })
  version!: number;

  @Field(() => Int, { description: 'Posts in the thread, the first one included, deleted ones not.' })
  postCount!: number;

  @Field(() => Int, { description: 'People who posted in the thread.' })
  participantCount!: number;

  @Field()
  lastActivityAt!: Date;

  @Field()
  createdAt!: Date;

  entity!: ThreadEntity;

  /** The tags, when the row came with them (see `ThreadRow`); otherwise the `tags` field loads them. */
  tagSlugs!: string[] | null;

  /** The author, when the request that loaded this thread had it with the row (a list of threads): resolved from here, with no load. */
  known?: { author: User | null };

  static from(entity: ThreadEntity | ThreadRow): Thread {
    return Object.assign(new Thread(), {
      id: toGlobalId('Thread', entity.id),
      dbId: entity.id,
      kind: entity.kind,
      title: entity.title,
      answered: entity.kind === ThreadKind.QUESTION && entity.acceptedPostId !== null,
      locked: entity.lockedAt !== null,
      version: entity.version,
      pinned: entity.pinnedAt !== null,
      hidden: entity.hiddenAt !== null,
      postCount: entity.postCount,
      participantCount: entity.participantCount,
      lastActivityAt: entity.lastActivityAt,
      createdAt: entity.createdAt,
      entity,
      tagSlugs: 'tags' in entity ? entity.tags : null,
    });
  }
}

@ObjectType()
export class ThreadConnection extends Connection(Thread, 'Thread') {}

@ObjectType()
export class ThreadPayload {
  @Field(() => Thread, { nullable: true })
  thread!: Thread | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class DeleteThreadPayload {
  @Field(() => ID, { nullable: true, description: 'The id of the thread deleted; null when it was not.' })
  deletedThreadId!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
