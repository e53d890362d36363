import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionHolder } from '../../app/session';
import { BrowserSession } from './browser-session';

const viewer = { id: 'VXNlcjox', handle: 'marco-bianchi', displayName: 'Marco Bianchi' };

function refreshAnswer(expiresInMs: number) {
  return new Response(JSON.stringify({ accessToken: 'token-1', accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString(), viewer }), {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

describe('the browser session', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    localStorage.clear();
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('does not ask the API on load when this browser never signed in', async () => {
    const session = new BrowserSession(createSessionHolder());
    await session.restore();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(session.snapshot()).toEqual({ status: 'anonymous', ended: false, offline: false });
  });

  it('restores with one refresh, even when asked twice at once, and keeps the token in memory', async () => {
    localStorage.setItem('bottega.signedIn', '1');
    fetchMock.mockResolvedValue(refreshAnswer(900_000));
    const holder = createSessionHolder();
    const session = new BrowserSession(holder);
    const [first, second] = await Promise.all([session.restore(), session.restore()]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/session/refresh');
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', headers: { 'x-bottega-client': 'web' } });
    expect([first, second]).toEqual(['token-1', 'token-1']);
    expect(holder.accessToken()).toBe('token-1');
    expect(session.snapshot()).toEqual({ status: 'signedIn', viewer });
  });

  it('is signed out when the refresh is refused, and forgets it was signed in', async () => {
    localStorage.setItem('bottega.signedIn', '1');
    fetchMock.mockResolvedValue(new Response('{}', { status: 401 }));
    const session = new BrowserSession(createSessionHolder());
    await session.restore();
    expect(session.snapshot()).toMatchObject({ status: 'anonymous', ended: false });
    expect(localStorage.getItem('bottega.signedIn')).toBeNull();
  });

  it('renews before a socket opens with a token about to expire, and ends on 4440', async () => {
    const holder = createSessionHolder();
    const session = new BrowserSession(holder);
    session.signedIn({ accessToken: 'old', accessTokenExpiresAt: new Date(Date.now() + 5_000).toISOString() }, viewer);
    fetchMock.mockResolvedValue(refreshAnswer(900_000));
    await expect(holder.hooks().socketToken?.()).resolves.toBe('token-1');
    holder.hooks().socketClosed?.(4440);
    expect(holder.accessToken()).toBeNull();
    expect(session.snapshot()).toEqual({ status: 'anonymous', ended: true, offline: false });
  });

  it('tells the page whenever the person it is for changes, and only then', async () => {
    localStorage.setItem('bottega.signedIn', '1');
    fetchMock.mockImplementation(async (input) =>
      input === '/session/logout' ? new Response(null, { status: 204 }) : refreshAnswer(900_000),
    );
    const holder = createSessionHolder();
    const viewers: (string | null)[] = [];
    const restarts = vi.fn();
    holder.setHooks({ viewerChanged: (id) => viewers.push(id), restartSocket: restarts });
    const session = new BrowserSession(holder);
    await session.restore();
    expect(viewers).toEqual([viewer.id]);
    await holder.hooks().socketToken?.();
    holder.setAccessToken(null);
    await session.freshToken();
    expect(viewers).toEqual([viewer.id]);
    await session.signOut();
    session.signedIn({ accessToken: 'other', accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString() }, { ...viewer, id: 'VXNlcjoy' });
    expect(viewers).toEqual([viewer.id, null, 'VXNlcjoy']);
    expect(restarts).toHaveBeenCalledTimes(3);
  });

  it('says nothing when a reader who never signed in stays anonymous', async () => {
    const holder = createSessionHolder();
    const viewerChanged = vi.fn();
    holder.setHooks({ viewerChanged });
    await new BrowserSession(holder).restore();
    expect(viewerChanged).not.toHaveBeenCalled();
  });
});
