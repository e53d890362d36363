import { Injectable } from '@nestjs/common';
import { SessionVerifier, type AccessClaims, type Viewer } from '@bottega/core';
import { SessionRepository } from './session.repository';

/** An access token counts only while its session is live and its account not suspended. */
@Injectable()
export class LiveSessionVerifier extends SessionVerifier {
  constructor(private readonly sessions: SessionRepository) {
    super();
  }

  async verify(claims: AccessClaims): Promise<Viewer | null> {
    if (!isUuid(claims.sessionId) || !isUuid(claims.userId)) return null;
    const role = await this.sessions.liveSessionRole(claims.sessionId, claims.userId);
    return role && { userId: claims.userId, sessionId: claims.sessionId, role };
  }
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
