import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import type { User } from '@bottega/identity';
import type { PostRevisionEntity, PostRow } from './post.entity';
import { ReactionKind } from './post.enums';

/** A {@link ReactionSummary} as plain data, as a personal value is. */
export type SeenReaction = { kind: ReactionKind; count: number; viewerHasReacted: boolean };

@ObjectType('Post', { implements: () => [Node], description: 'A message in a thread; deleted ones stay as placeholders.' })
export class Post extends Node {
  // bodyHtml and bodySource are field resolvers: whether a hidden post's body shows depends on the viewer.

  @Field()
  deleted!: boolean;

  @Field({ description: 'Hidden by moderation: a placeholder for all but its author, the coordinators and staff.' })
  hidden!: boolean;

  @Field(() => Int, { description: 'Pass to `editPost` as the version you edited.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;

  @Field({ description: 'The language the post is written in, as ISO 639-1 ("it", "en"), detected from its own words: mark it (`lang`) where the body is shown.' })
  language!: string;

  entity!: PostRow;

  /**
   * What the request that loaded this post knew of its fields when it did (a
   * page's posts bring their author, and their reactions as its viewer sees
   * them): resolved from here, with no load.
   */
  known?: { author: User | null; reactions: SeenReaction[] | null };

  static from(entity: PostRow): Post {
    return Object.assign(new Post(), {
      id: toGlobalId('Post', entity.id),
      dbId: entity.id,
      deleted: entity.deletedAt !== null,
      hidden: entity.hiddenAt !== null,
      version: entity.version,
      createdAt: entity.createdAt,
      editedAt: entity.editedAt,
      language: entity.language,
      entity,
    });
  }
}

@ObjectType({ description: 'How many people reacted with one kind, and whether the viewer did.' })
export class ReactionSummary {
  @Field(() => ReactionKind)
  kind!: ReactionKind;

  @Field(() => Int)
  count!: number;

  @Field()
  viewerHasReacted!: boolean;
}

@ObjectType({ description: 'One version of a post, as written.' })
export class PostRevision {
  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true, description: 'Markdown as written; null once redacted.' })
  bodySource!: string | null;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Whether a moderator removed this version’s text (see `redactRevision`); it cannot be restored.' })
  redacted!: boolean;

  @Field(() => Date, { nullable: true })
  redactedAt!: Date | null;

  editorDbId!: string | null;

  static from(entity: PostRevisionEntity): PostRevision {
    return Object.assign(new PostRevision(), {
      version: entity.version,
      bodySource: entity.redactedAt ? null : entity.bodySource,
      createdAt: entity.createdAt,
      redacted: entity.redactedAt !== null,
      redactedAt: entity.redactedAt,
      editorDbId: entity.editorId,
    });
  }
}

@ObjectType()
export class PostConnection extends Connection(Post, 'Post') {}

@ObjectType()
export class PostPayload {
  @Field(() => Post, { nullable: true })
  post!: Post | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
