import { Injectable } from '@nestjs/common';
import { LoaderFactory, SessionVerifier, byKeys, type AccessClaims, type Loaders, type Viewer } from '@bottega/core';
import { SessionRepository } from './session.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An access token counts only while its session is live and its account not suspended. */
@Injectable()
export class LiveSessionVerifier extends SessionVerifier {
  /** Batched, so a fan-out checks all its subscribers' sessions in one query. */
  private readonly live: LoaderFactory<string, Viewer | null>;

  constructor(sessions: SessionRepository) {
    super();
    this.live = new LoaderFactory(async (sessionIds) =>
      byKeys(
        sessionIds,
        (await sessions.liveSessions(sessionIds)).map((row) => ({ userId: row.userId, sessionId: row.sessionId, role: row.role })),
        (viewer) => viewer.sessionId,
      ),
    );
  }

  async verify(claims: AccessClaims, loaders: Loaders): Promise<Viewer | null> {
    if (!UUID.test(claims.sessionId) || !UUID.test(claims.userId)) return null;
    const viewer = await loaders.get(this.live).load(claims.sessionId.toLowerCase());
    return viewer && viewer.userId === claims.userId ? viewer : null;
  }
}
