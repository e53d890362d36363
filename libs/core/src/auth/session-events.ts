import type { BusEvent } from '../pubsub/pg-pubsub';

/** Topic of "these sessions have ended" events; open sockets of an ended session are closed. */
export const SESSION_ENDED_TOPIC = 'session-ended';

/** One session ended (sign-out, refresh-token reuse), or every session of an account (suspension). */
export type SessionsEnded = { sessionId: string; userId?: never } | { userId: string; sessionId?: never };

export function sessionsEndedEvent(ended: SessionsEnded): BusEvent {
  return { topic: SESSION_ENDED_TOPIC, sessionId: ended.sessionId ?? null, userId: ended.userId ?? null };
}
