import type { SessionHolder } from '../../app/session';

export interface SignedInViewer {
  id: string;
  handle: string;
  displayName: string;
}

export interface SessionAccess {
  accessToken: string;
  accessTokenExpiresAt: string;
}

/**
 * restoring: the page has not asked the API yet (the server render, and until the refresh answers);
 * ended: the API ended the session (signed out elsewhere, revoked, suspended).
 */
export type SessionState =
  | { status: 'restoring' }
  | { status: 'anonymous'; ended: boolean; offline: boolean }
  | { status: 'signedIn'; viewer: SignedInViewer };

/** Renew this long before the access token expires, so no request or socket meets an expired one. */
const RENEW_AHEAD_MS = 20_000;
const CLIENT_HEADER = { 'x-bottega-client': 'web' };
const LOCK = 'bottega-session';
/**
 * Whether this browser holds a refresh cookie, as far as the page can know (the cookie is HttpOnly):
 * set on sign-in and each renewal, cleared on sign-out and refusal, so readers who never signed in
 * are not sent to /session/refresh (and its 401) on every page.
 */
const MARKER = 'bottega.signedIn';

function marked(): boolean {
  try {
    return localStorage.getItem(MARKER) === '1';
  } catch {
    return true;
  }
}

function mark(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(MARKER, '1');
    else localStorage.removeItem(MARKER);
  } catch {
    // Storage refused: the page then asks the API on each load.
  }
}

interface RefreshAnswer extends SessionAccess {
  viewer: SignedInViewer;
}

/**
 * The browser side of the cookie session (libs/identity/README.md): the refresh token is an
 * HttpOnly cookie the API rotates on each `POST /session/refresh`; the access token stays in
 * memory (the app's SessionHolder). A refresh token presented twice ends the session, so tabs
 * refresh one at a time under a Web Lock.
 */
export class BrowserSession {
  private state: SessionState = { status: 'restoring' };
  private readonly listeners = new Set<() => void>();
  private expiresAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewing: Promise<string | null> | undefined;
  /** Whom the page was last loaded for: nobody, as the server renders it. */
  private viewerId: string | null = null;

  constructor(private readonly holder: SessionHolder) {
    holder.setHooks({
      socketToken: () => this.freshToken(),
      socketClosed: (code) => {
        if (code === 4440) this.end(true);
      },
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): SessionState => this.state;

  /** On page load: one refresh, which either signs the tab in or finds no session. */
  async restore(): Promise<string | null> {
    if (!marked()) {
      this.set({ status: 'anonymous', ended: false, offline: false });
      return null;
    }
    return this.renew();
  }

  /** After login or register: the API set the cookie and handed this access token. */
  signedIn(access: SessionAccess, viewer: SignedInViewer): void {
    this.accept(access);
    this.set({ status: 'signedIn', viewer });
  }

  async signOut(): Promise<void> {
    try {
      await fetch('/session/logout', { method: 'POST', headers: CLIENT_HEADER, credentials: 'same-origin' });
    } finally {
      this.end(false);
    }
  }

  /** The access token, renewed first when it expires within the renewal margin. */
  async freshToken(): Promise<string | null> {
    const token = this.holder.accessToken();
    if (token && this.expiresAt - Date.now() > RENEW_AHEAD_MS / 2) return token;
    if (!token && this.state.status !== 'signedIn') return null;
    return this.renew();
  }

  /** One refresh at a time in this tab, and across tabs when the browser has Web Locks. */
  private renew(): Promise<string | null> {
    this.renewing ??= this.exclusive(() => this.refresh()).finally(() => {
      this.renewing = undefined;
    });
    return this.renewing;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? (locks.request(LOCK, task) as Promise<T>) : task();
  }

  private async refresh(): Promise<string | null> {
    let response: Response;
    try {
      response = await fetch('/session/refresh', { method: 'POST', headers: CLIENT_HEADER, credentials: 'same-origin' });
    } catch {
      // Offline: keep what we have and try again shortly; a signed-in tab stays signed in until told otherwise.
      if (this.state.status === 'restoring') this.set({ status: 'anonymous', ended: false, offline: true });
      this.schedule(15_000);
      return this.holder.accessToken();
    }
    if (response.status === 429) {
      const wait = Number(response.headers.get('retry-after') ?? '30') * 1000;
      if (this.state.status === 'restoring') this.set({ status: 'anonymous', ended: false, offline: true });
      this.schedule(wait);
      return this.holder.accessToken();
    }
    if (!response.ok) {
      this.end(this.state.status === 'signedIn');
      return null;
    }
    const answer = (await response.json()) as RefreshAnswer;
    this.accept(answer);
    this.set({ status: 'signedIn', viewer: answer.viewer });
    return answer.accessToken;
  }

  private accept(access: SessionAccess): void {
    mark(true);
    this.holder.setAccessToken(access.accessToken);
    this.expiresAt = new Date(access.accessTokenExpiresAt).getTime();
    this.schedule(Math.max(1000, this.expiresAt - Date.now() - RENEW_AHEAD_MS));
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renew(), delay);
  }

  private end(byServer: boolean): void {
    clearTimeout(this.timer);
    mark(false);
    const wasSignedIn = this.state.status === 'signedIn';
    this.holder.setAccessToken(null);
    this.expiresAt = 0;
    this.set({ status: 'anonymous', ended: byServer && wasSignedIn, offline: false });
  }

  /** Publishes the state; when it is for another person, the socket reopens and the page reloads its data. */
  private set(state: SessionState): void {
    this.state = state;
    const viewerId = state.status === 'signedIn' ? state.viewer.id : state.status === 'anonymous' ? null : this.viewerId;
    if (viewerId !== this.viewerId) {
      this.viewerId = viewerId;
      const hooks = this.holder.hooks();
      hooks.restartSocket?.();
      hooks.viewerChanged?.(viewerId);
    }
    for (const listener of this.listeners) listener();
  }
}
