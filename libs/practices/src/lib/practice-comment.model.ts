import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import type { User } from '@bottega/identity';
import type { PracticeInContext } from './practice.access';
import type { ListedCommentRow } from './practice-comment.repository';

@ObjectType('PracticeComment', {
  implements: () => [Node],
  description: 'A comment on a published practice or story, visible wherever the practice is; deleted ones stay as placeholders.',
})
export class PracticeComment extends Node {
  // bodyHtml and bodySource are field resolvers: whether a hidden comment's body shows depends on the viewer.

  @Field()
  deleted!: boolean;

  @Field({ description: 'Hidden by moderation: a placeholder for all but its author and the practice’s reviewers.' })
  hidden!: boolean;

  @Field(() => Int, { description: 'Pass to `editPracticeComment` as the version you edited.' })
  version!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;

  @Field({ description: 'The language the comment is written in, as ISO 639-1 ("it", "en"), detected from its own words: mark it (`lang`) where the body is shown.' })
  language!: string;

  row!: ListedCommentRow;

  /**
   * Its practice as the viewer reads it, when the page that listed the
   * comment has it already: its viewer fields then answer without waiting.
   */
  seenAs?: PracticeInContext;

  /** Its author, when the page that listed the comment read them with it (null: the account was removed). */
  knownAuthor?: User | null;

  static from(row: ListedCommentRow, seenAs?: PracticeInContext, knownAuthor?: User | null): PracticeComment {
    return Object.assign(new PracticeComment(), {
      id: toGlobalId('PracticeComment', row.id),
      dbId: row.id,
      deleted: row.deletedAt !== null,
      hidden: row.hiddenAt !== null,
      version: row.version,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      language: row.language,
      row,
      seenAs,
      knownAuthor,
    });
  }
}

@ObjectType()
export class PracticeCommentConnection extends Connection(PracticeComment, 'PracticeComment') {}

@ObjectType()
export class PracticeCommentPayload {
  @Field(() => PracticeComment, { nullable: true, description: 'The comment as it is now (a placeholder once deleted); null when refused.' })
  comment!: PracticeComment | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
