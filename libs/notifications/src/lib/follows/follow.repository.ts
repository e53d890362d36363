import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { FollowEntity } from './follow.entity';
import type { FollowSubject } from './follow.entity';

/** The only code that reads and writes follows. */
@Injectable()
export class FollowRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async add(userId: string, subject: FollowSubject, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO follow (user_id, subject_type, subject_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [userId, subject.type, subject.key],
    );
  }

  async remove(userId: string, subject: FollowSubject): Promise<void> {
    await this.db.query(`DELETE FROM follow WHERE user_id = $1 AND subject_type = $2 AND subject_key = $3`, [
      userId,
      subject.type,
      subject.key,
    ]);
  }

  /** One person's follows; paging is the caller's. */
  of(userId: string): SelectQueryBuilder<FollowEntity> {
    return this.db.getRepository(FollowEntity).createQueryBuilder('follow').where('follow.userId = :userId', { userId });
  }

  async isFollowing(userId: string, subjects: FollowSubject[]): Promise<Set<string>> {
    if (subjects.length === 0) return new Set();
    const rows: { type: string; key: string }[] = await this.db.query(
      `SELECT subject_type AS type, subject_key AS key FROM follow
        WHERE user_id = $1 AND (subject_type, subject_key) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [userId, subjects.map((s) => s.type), subjects.map((s) => s.key)],
    );
    return new Set(rows.map((row) => `${row.type}:${row.key}`));
  }

  /** Everyone who follows any of the subjects, once each. */
  async followersOf(subjects: FollowSubject[], manager: EntityManager = this.db.manager): Promise<string[]> {
    if (subjects.length === 0) return [];
    const rows: { userId: string }[] = await manager.query(
      `SELECT DISTINCT user_id AS "userId" FROM follow
        WHERE (subject_type, subject_key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [subjects.map((s) => s.type), subjects.map((s) => s.key)],
    );
    return rows.map((row) => row.userId);
  }
}
