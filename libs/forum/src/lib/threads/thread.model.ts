import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import type { ThreadEntity } from './thread.entity';

export enum ThreadKind {
  DISCUSSION = 'DISCUSSION',
  QUESTION = 'QUESTION',
}
registerEnumType(ThreadKind, { name: 'ThreadKind' });

export enum ThreadStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  LOCKED = 'LOCKED',
}
registerEnumType(ThreadStatus, {
  name: 'ThreadStatus',
  valuesMap: {
    OPEN: { description: 'Open to replies; for a question, no answer accepted yet.' },
    ANSWERED: { description: 'A question with an accepted answer, still open to replies.' },
    LOCKED: { description: 'Closed to replies by a coordinator or moderator.' },
  },
});

export function threadStatus(thread: Pick<ThreadEntity, 'lockedAt' | 'acceptedPostId'>): ThreadStatus {
  if (thread.lockedAt) return ThreadStatus.LOCKED;
  return thread.acceptedPostId ? ThreadStatus.ANSWERED : ThreadStatus.OPEN;
}

@ObjectType('Thread', { implements: () => [Node], description: 'A discussion or a question in a community.' })
export class Thread extends Node {
  @Field(() => ThreadKind)
  kind!: ThreadKind;

  @Field()
  title!: string;

  @Field(() => ThreadStatus)
  status!: ThreadStatus;

  @Field()
  pinned!: boolean;

  @Field({ description: 'Hidden by moderation; only its author, the coordinators and staff see it.' })
  hidden!: boolean;

  @Field(() => Int, { description: 'Posts in the thread, the first one included, deleted ones not.' })
  postCount!: number;

  @Field(() => Int, { description: 'People who posted in the thread.' })
  participantCount!: number;

  @Field()
  lastActivityAt!: Date;

  @Field()
  createdAt!: Date;

  entity!: ThreadEntity;

  static from(entity: ThreadEntity): Thread {
    return Object.assign(new Thread(), {
      id: toGlobalId('Thread', entity.id),
      dbId: entity.id,
      kind: entity.kind,
      title: entity.title,
      status: threadStatus(entity),
      pinned: entity.pinnedAt !== null,
      hidden: entity.hiddenAt !== null,
      postCount: entity.postCount,
      participantCount: entity.participantCount,
      lastActivityAt: entity.lastActivityAt,
      createdAt: entity.createdAt,
      entity,
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
