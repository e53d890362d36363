import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReactionKind } from './post.enums';

@Entity({ name: 'post' })
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'thread_id', type: 'uuid' })
  threadId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  replyToId!: string | null;

  /** Markdown as written. */
  @Column({ name: 'body_source', type: 'text' })
  bodySource!: string;

  /** Rendered and sanitized once, when written. */
  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

  @Column({ name: 'body_text', type: 'text' })
  bodyText!: string;

  /** ISO 639-1, detected from the post's own words when written. */
  @Column({ type: 'text', default: 'it' })
  language!: string;

  /** Optimistic concurrency: an edit names the version it started from. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', precision: 3, nullable: true })
  editedAt!: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', precision: 3, nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;

  /** Set by moderators or by enough flags; see `hiddenFromReaders`. */
  @Column({ name: 'hidden_at', type: 'timestamptz', precision: 3, nullable: true })
  hiddenAt!: Date | null;
}

/**
 * A post as pages read it: every column but the plain text kept for search and
 * quotes, and the Markdown source only when the page shows it (a thread page
 * shows the HTML; editing and quoting ask for the source).
 */
export type PostRow = Omit<PostEntity, 'bodyText' | 'bodySource'> & { bodySource?: string };

@Entity({ name: 'post_revision' })
export class PostRevisionEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'body_source', type: 'text' })
  bodySource!: string;

  @Column({ name: 'editor_id', type: 'uuid', nullable: true })
  editorId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  /** Set when a moderator removed this version's text (`body_source` is then empty, for good). */
  @Column({ name: 'redacted_at', type: 'timestamptz', precision: 3, nullable: true })
  redactedAt!: Date | null;

  @Column({ name: 'redacted_by', type: 'uuid', nullable: true })
  redactedBy!: string | null;
}

@Entity({ name: 'post_reaction' })
export class PostReactionEntity {
  @PrimaryColumn({ name: 'post_id', type: 'uuid' })
  postId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: ReactionKind;
}
