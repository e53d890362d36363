import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { FollowSubjectType } from './follow.enums';

@Entity({ name: 'follow' })
export class FollowEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'subject_type', type: 'text' })
  subjectType!: FollowSubjectType;

  /** A uuid, or a tag slug. */
  @PrimaryColumn({ name: 'subject_key', type: 'text' })
  subjectKey!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}

/** What one follows: a thread, community or territory by id, or a tag by slug. */
export interface FollowSubject {
  type: FollowSubjectType;
  /** A uuid, or a tag slug. */
  key: string;
}
