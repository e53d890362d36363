import { Injectable } from '@nestjs/common';
import { AccessDirectory, LoaderFactory, SessionVerifier, byKeys, type AccessClaims, type Loaders, type Viewer } from '@bottega/core';
import { RememberedViewers } from './remembered-viewers';
import { SessionRepository } from './session.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A session as its token claims it, `<session id> <user id>` (a string, so one request's checks share a load). */
type Claimed = string;

/** An access token counts only while its session is live and its account not suspended. */
@Injectable()
export class LiveSessionVerifier extends SessionVerifier {
  /**
   * Batched, so a fan-out checks all its subscribers' sessions in one query;
   * the same statement reads the accounts' principals, which nearly every
   * request then asks for.
   */
  private readonly live: LoaderFactory<Claimed, Viewer | null>;

  constructor(
    sessions: SessionRepository,
    directory: AccessDirectory,
    private readonly remembered: RememberedViewers,
  ) {
    super();
    this.live = new LoaderFactory(async (keys) => {
      const claimed = keys.map((key) => {
        const [sessionId = '', userId = ''] = key.split(' ');
        return { sessionId, userId };
      });
      const live = await sessions.liveSessions(claimed, directory.sql());
      return byKeys(claimed.map((claim) => claim.sessionId), live, (viewer) => viewer.sessionId);
    });
  }

  async verify(claims: AccessClaims, loaders: Loaders): Promise<Viewer | null> {
    if (!UUID.test(claims.sessionId) || !UUID.test(claims.userId)) return null;
    const userId = claims.userId.toLowerCase();
    const sessionId = claims.sessionId.toLowerCase();
    const viewer =
      this.remembered.get(userId, sessionId) ??
      (await this.remembered.read(userId, sessionId, () => loaders.get(this.live).load(`${sessionId} ${userId}`)));
    return viewer && viewer.userId === userId ? viewer : null;
  }
}
