import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { GlobalRole } from '@bottega/core';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** citext: unique regardless of case. */
  @Column({ type: 'citext' })
  email!: string;

  /**
   * What the email looks like (see `skeleton`), unique so that no two accounts
   * can be mistaken for each other. Null only for rows written outside the API.
   */
  @Column({ name: 'email_skeleton', type: 'text', nullable: true, select: false })
  emailSkeleton!: string | null;

  /** Unique, for @mentions; citext, so unique regardless of case. */
  @Column({ type: 'citext' })
  handle!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ type: 'text', default: GlobalRole.USER })
  role!: GlobalRole;

  @Column({ name: 'suspended_at', type: 'timestamptz', precision: 3, nullable: true })
  suspendedAt!: Date | null;

  /** Null with `suspendedAt` set: suspended until lifted. See `isSuspended`. */
  @Column({ name: 'suspended_until', type: 'timestamptz', precision: 3, nullable: true })
  suspendedUntil!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
