import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ThreadKind } from './thread.enums';

@Entity({ name: 'thread' })
export class ThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'community_id', type: 'uuid' })
  communityId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  kind!: ThreadKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ name: 'accepted_post_id', type: 'uuid', nullable: true })
  acceptedPostId!: string | null;

  @Column({ name: 'locked_at', type: 'timestamptz', precision: 3, nullable: true })
  lockedAt!: Date | null;

  @Column({ name: 'pinned_at', type: 'timestamptz', precision: 3, nullable: true })
  pinnedAt!: Date | null;

  /** Set by moderators or by enough flags; see `hiddenFromReaders`. */
  @Column({ name: 'hidden_at', type: 'timestamptz', precision: 3, nullable: true })
  hiddenAt!: Date | null;

  /** Posts not deleted; kept by the post writes, in their transaction. */
  @Column({ name: 'post_count', type: 'integer', default: 0 })
  postCount!: number;

  @Column({ name: 'participant_count', type: 'integer', default: 0 })
  participantCount!: number;

  /** Optimistic concurrency for edits of the title, tags and territories. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** Soft delete: the thread and its posts are gone for readers, kept for the audit log. */
  @Column({ name: 'deleted_at', type: 'timestamptz', precision: 3, nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy!: string | null;

  @Column({ name: 'last_activity_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastActivityAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

@Entity({ name: 'tag' })
export class TagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;
}
