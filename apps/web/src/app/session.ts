import { createContext, useContext } from 'react';

/**
 * The signed-in state's seam, filled by the session feature: the access token lives only in
 * memory (the refresh token is an HttpOnly cookie the API sets on /session/*). Every GraphQL
 * request and each graphql-ws (re)connection reads the token current at that moment.
 * Server rendering is anonymous, so it always starts signed out.
 */
export interface SessionHolder {
  accessToken(): string | null;
  setAccessToken(token: string | null): void;
  /** What the live socket asks of the session feature; without hooks it uses the token as it is. */
  hooks(): SessionHooks;
  setHooks(hooks: SessionHooks): void;
}

/** How the session feature takes part in the live socket's life. */
export interface SessionHooks {
  /** The token a (re)connecting socket opens with, renewed first when it is about to expire. */
  socketToken?: () => Promise<string | null>;
  /** The socket closed with this code (4419 token expired, 4440 session ended). */
  socketClosed?: (code: number) => void;
  /** Set by the socket's owner: reopens it (with the token current then) when the signed-in person changes. */
  restartSocket?: () => void;
  /**
   * Set by the page's owner: the person the page is for changed (null: nobody signed in). What was
   * loaded for the previous one (private content, viewerCan* answers) must not be shown to this one.
   */
  viewerChanged?: (viewerId: string | null) => void;
}

export function createSessionHolder(): SessionHolder {
  let token: string | null = null;
  let hooks: SessionHooks = {};
  return {
    accessToken: () => token,
    setAccessToken: (next) => {
      token = next;
    },
    hooks: () => hooks,
    setHooks: (next) => {
      hooks = { ...hooks, ...next };
    },
  };
}

export const SessionContext = createContext<SessionHolder>(createSessionHolder());

export function useSession(): SessionHolder {
  return useContext(SessionContext);
}
