import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FlagReason, ModerationAction, ModerationCaseStatus } from './moderation.enums';

/** One per flagged item of any registered kind; reopened when flagged again after a decision. */
@Entity({ name: 'moderation_case' })
export class ModerationCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The registered content kind: `Post`, `Thread`. */
  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** The community of the item, if any, so a queue filters by community without joins. */
  @Column({ name: 'community_id', type: 'uuid', nullable: true })
  communityId!: string | null;

  /** The principals who review it (its kind's moderators), so each reviewer's queue is one condition. */
  @Column({ type: 'text', array: true })
  moderators!: string[];

  @Column({ type: 'text' })
  status!: ModerationCaseStatus;

  @Column({ name: 'last_flagged_at', type: 'timestamptz', precision: 3 })
  lastFlaggedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: ModerationAction | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

/** One person's flag on an item; at most one per person per item. */
@Entity({ name: 'content_flag' })
export class ContentFlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'flagger_id', type: 'uuid' })
  flaggerId!: string;

  @Column({ type: 'text' })
  reason!: FlagReason;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** How much the flag counts towards hiding the item, fixed when it is raised (see `flagWeight`). */
  @Column({ type: 'smallint' })
  weight!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt!: Date | null;
}
