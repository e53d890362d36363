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
}

export function createSessionHolder(): SessionHolder {
  let token: string | null = null;
  return {
    accessToken: () => token,
    setAccessToken: (next) => {
      token = next;
    },
  };
}

export const SessionContext = createContext<SessionHolder>(createSessionHolder());

export function useSession(): SessionHolder {
  return useContext(SessionContext);
}
