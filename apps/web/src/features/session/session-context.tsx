import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useSession } from '../../app/session';
import { BrowserSession, type SessionState } from './browser-session';

const BrowserSessionContext = createContext<BrowserSession | null>(null);
const RESTORING: SessionState = { status: 'restoring' };

/** Holds the tab's session; restores it with the refresh cookie once the page is interactive. */
export function SessionProvider(props: { children: ReactNode }) {
  const holder = useSession();
  const [session] = useState(() => new BrowserSession(holder));
  useEffect(() => {
    void session.restore();
  }, [session]);
  return <BrowserSessionContext.Provider value={session}>{props.children}</BrowserSessionContext.Provider>;
}

export function useBrowserSession(): BrowserSession {
  const session = useContext(BrowserSessionContext);
  if (!session) throw new Error('useBrowserSession outside SessionProvider');
  return session;
}

/** The signed-in state; `restoring` on the server and until the browser has asked the API. */
export function useSessionState(): SessionState {
  const session = useContext(BrowserSessionContext);
  return useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.snapshot ?? restoring,
    restoring,
  );
}

const noSubscription = () => () => undefined;
const restoring = () => RESTORING;

/** A path of this site to return to after signing in (never another origin). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/register')) return '/';
  return next;
}
