import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PgPubSub, sessionsEndedEvent, type GlobalRole } from '@bottega/core';
import { suspendedSql } from '../users/suspension';
import { RefreshTokenEntity, SessionEntity, type SessionRevokedReason } from './session.entity';

export interface RefreshTokenRecord {
  tokenId: string;
  sessionId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
  /** Set only while the account is suspended. */
  userSuspendedAt: Date | null;
}

/** The only code that reads and writes sessions and refresh tokens. */
@Injectable()
export class SessionRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pubsub: PgPubSub,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async createSession(
    manager: EntityManager,
    userId: string,
    client: { userAgent: string | null; ip: string | null },
  ): Promise<SessionEntity> {
    const sessions = manager.getRepository(SessionEntity);
    return sessions.save(sessions.create({ userId, userAgent: client.userAgent, ip: client.ip }));
  }

  async addRefreshToken(manager: EntityManager, sessionId: string, tokenHash: Buffer, expiresAt: Date): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).insert({ sessionId, tokenHash, expiresAt });
  }

  async findRefreshToken(tokenHash: Buffer): Promise<RefreshTokenRecord | null> {
    const rows: RefreshTokenRecord[] = await this.db.query(
      `SELECT t.id AS "tokenId", t.session_id AS "sessionId", s.user_id AS "userId", t.expires_at AS "expiresAt",
              t.used_at AS "usedAt", s.revoked_at AS "sessionRevokedAt",
              CASE WHEN ${suspendedSql('u')} THEN u.suspended_at END AS "userSuspendedAt"
         FROM refresh_token t
         JOIN auth_session s ON s.id = t.session_id
         JOIN app_user u ON u.id = s.user_id
        WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** Marks a token used; false when another request already used it (reuse). */
  async markUsed(manager: EntityManager, tokenId: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: () => 'now()' })
      .where('id = :tokenId AND used_at IS NULL', { tokenId })
      .execute();
    return result.affected === 1;
  }

  async touch(manager: EntityManager, sessionId: string): Promise<void> {
    await manager.query(`UPDATE auth_session SET last_refreshed_at = now() WHERE id = $1`, [sessionId]);
  }

  /** Ends a session; its open sockets are told in the same transaction. */
  async revoke(sessionId: string, reason: SessionRevokedReason): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(
        `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
        [sessionId, reason],
      );
      await this.pubsub.publish(sessionsEndedEvent({ sessionId }), manager);
    });
  }

  /** Ends every live session of an account (on suspension), in the caller's transaction; returns how many. */
  async revokeAllOf(manager: EntityManager, userId: string, reason: SessionRevokedReason): Promise<number> {
    const [, revoked]: [unknown[], number] = await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoked_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
    await this.pubsub.publish(sessionsEndedEvent({ userId }), manager);
    return revoked;
  }

  /**
   * Live sessions among these, with their account's role and principals
   * (`principals`: a relation `(user_id, principal)` for the accounts in
   * `$1::uuid[]`, see `AccessDirectory.sql`); revoked ones and suspended
   * accounts are left out.
   */
  async liveSessions(
    sessions: readonly { sessionId: string; userId: string }[],
    principals: string,
  ): Promise<{ sessionId: string; userId: string; role: GlobalRole; principals: string[] }[]> {
    // The accounts' principals are read once for all of them, then joined to their sessions.
    return this.db.query(
      `WITH held AS (SELECT p.user_id, array_agg(p.principal) AS principals FROM (${principals}) p GROUP BY p.user_id)
       SELECT s.id AS "sessionId", s.user_id AS "userId", u.role, coalesce(held.principals, '{}') AS principals
         FROM auth_session s JOIN app_user u ON u.id = s.user_id LEFT JOIN held ON held.user_id = s.user_id
        WHERE s.id = ANY($2::uuid[]) AND s.revoked_at IS NULL AND NOT ${suspendedSql('u')}`,
      [sessions.map((session) => session.userId), sessions.map((session) => session.sessionId)],
    );
  }
}
