import ICAL from 'ical.js';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { CommunityFactory } from '@bottega/forum/testing';
import { CANCEL, REGISTER, UPDATE, api, create, exchangeDbId, opened, world, type World } from './support';
import { openReview, reviewers } from './peer-review-support';

const CREATE_FEED = `mutation { createCalendarFeed { url createdAt userErrors { code } } }`;
const REVOKE_FEED = `mutation { revokeCalendarFeed { revoked userErrors { field code } } }`;

interface ParsedEvent {
  uid: string;
  start: string;
  end: string;
  tzid: string;
  sequence: number;
  status: string | null;
  summary: string;
  location: string | null;
  stamp: string;
  lastModified: string;
  registration: string | null;
}

/** Parses a calendar back with ical.js, its own VTIMEZONEs registered, and reads each event's instants. */
function parse(text: string): { events: ParsedEvent[]; zones: ICAL.Component[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      tzid: event.startDate.zone?.tzid ?? '',
      sequence: event.sequence,
      status: (component.getFirstPropertyValue('status') as string | null) ?? null,
      summary: event.summary,
      location: event.location ?? null,
      stamp: (component.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
      lastModified: (component.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      registration: (component.getFirstPropertyValue('x-bottega-registration') as string | null) ?? null,
    };
  });
  return { events, zones };
}

describe('iCalendar feeds', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.baseUrl}${path}`, { headers });
  const as = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });

  it('serves one exchange in Europe/Rome across both daylight-saving changes, with a VTIMEZONE that has both rules', async () => {
    // The last Sunday of March 2027 (summer time from 02:00) and the last of October (winter time from 03:00).
    const march = await opened(t, w, { startsAt: '2027-03-28T08:00:00Z', endsAt: '2027-03-28T10:00:00Z', registrationDeadline: '2027-03-27T08:00:00Z' });
    const october = await opened(t, w, { startsAt: '2027-10-31T09:00:00Z', endsAt: '2027-10-31T11:30:00Z', registrationDeadline: '2027-10-30T09:00:00Z' });
    const marchIcs = await get(`/exchanges/${march.id}.ics`);
    expect(marchIcs.status).toBe(200);
    expect(marchIcs.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await marchIcs.text();
    expect(text).toContain('DTSTART;TZID=Europe/Rome:20270328T100000');
    expect(text).toContain('DTEND;TZID=Europe/Rome:20270328T120000');
    const parsed = parse(text);
    expect(parsed.events).toEqual([
      expect.objectContaining({ uid: `peer-exchange-${exchangeDbId(march.id)}@bottega`, start: '2027-03-28T08:00:00.000Z', end: '2027-03-28T10:00:00.000Z', tzid: 'Europe/Rome', status: 'CONFIRMED' }),
    ]);
    const rules = parsed.zones[0]!.getAllSubcomponents().map((rule) => [rule.name, rule.getFirstPropertyValue('tzoffsetto')?.toString(), String(rule.getFirstPropertyValue('rrule'))]);
    expect(rules).toEqual(
      expect.arrayContaining([
        ['daylight', '+02:00', expect.stringContaining('BYMONTH=3;BYDAY=-1SU')],
        ['standard', '+01:00', expect.stringContaining('BYMONTH=10;BYDAY=-1SU')],
      ]),
    );
    const octoberText = await (await get(`/exchanges/${october.id}.ics`)).text();
    expect(octoberText).toContain('DTSTART;TZID=Europe/Rome:20271031T100000');
    expect(parse(octoberText).events[0]).toMatchObject({ start: '2027-10-31T09:00:00.000Z', end: '2027-10-31T11:30:00.000Z' });
  });

  it('keeps the UID, moves SEQUENCE, DTSTAMP and LAST-MODIFIED with each change, and marks a cancelled exchange CANCELLED', async () => {
    const exchange = await opened(t, w);
    await t.db.query(`UPDATE peer_exchange SET updated_at = updated_at - interval '1 minute' WHERE id = $1`, [exchangeDbId(exchange.id)]);
    const first = parse(await (await get(`/exchanges/${exchange.id}.ics`)).text()).events[0]!;
    expect(first.sequence).toBe(exchange.version - 1);
    const moved = (await call.data(w.coordinator, UPDATE, { input: { exchangeId: exchange.id, version: exchange.version, title: 'Visita spostata al pomeriggio' } })).updatePeerExchange;
    expect(moved.userErrors).toEqual([]);
    const second = parse(await (await get(`/exchanges/${exchange.id}.ics`)).text()).events[0]!;
    expect(second).toMatchObject({ uid: first.uid, sequence: first.sequence + 1, summary: 'Visita spostata al pomeriggio', status: 'CONFIRMED' });
    expect(Date.parse(second.stamp)).toBeGreaterThan(Date.parse(first.stamp));
    expect(second.lastModified).toBe(second.stamp);
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: exchange.id, reason: 'Maltempo' } });
    const third = parse(await (await get(`/exchanges/${exchange.id}.ics`)).text()).events[0]!;
    expect(third).toMatchObject({ uid: first.uid, sequence: first.sequence + 2, status: 'CANCELLED' });
  });

  it('reads as the API reads: drafts and private exchanges are 404 to those who may not read them, the place only for those who hold a seat', async () => {
    const exchange = await opened(t, w);
    const anonymous = await get(`/exchanges/${exchange.id}.ics`);
    expect(anonymous.headers.get('cache-control')).toBe('public, max-age=300');
    expect(parse(await anonymous.text()).events[0]!.location).toBeNull();
    const participant = await t.users.create();
    await call.data(participant, REGISTER, { input: { exchangeId: exchange.id } });
    const seated = await get(`/exchanges/${exchange.id}.ics`, as(participant));
    expect(seated.headers.get('cache-control')).toBe('private, no-cache');
    expect(parse(await seated.text()).events[0]!.location).toBe('Via Pascarella 21, Milano');

    const draft = await create(t, w);
    expect((await get(`/exchanges/${draft.id}.ics`)).status).toBe(404);
    expect((await get(`/exchanges/${draft.id}.ics`, as(w.outsider))).status).toBe(404);
    expect((await get(`/exchanges/${draft.id}.ics`, as(w.coordinator))).status).toBe(200);
    const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id, memberIds: [w.member.id] });
    const hidden = await opened(t, w, { hostCommunityId: secret.globalId });
    const refused = await get(`/exchanges/${hidden.id}.ics`, as(w.outsider));
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await get(`/exchanges/${hidden.id}.ics`, as(w.member))).status).toBe(200);
    expect((await get(`/exchanges/${hidden.id}.ics`, { authorization: 'Bearer forged' })).status).toBe(401);
    expect((await get(`/exchanges/not-an-id.ics`)).status).toBe(400);
    expect((await get(`/exchanges/${hidden.id}.json`)).status).toBe(404);
  });

  it('answers a matching If-None-Match with 304, and a changed exchange with a new ETag', async () => {
    const exchange = await opened(t, w);
    const first = await get(`/exchanges/${exchange.id}.ics`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect((await get(`/exchanges/${exchange.id}.ics`, { 'if-none-match': etag })).status).toBe(304);
    await call.data(w.coordinator, UPDATE, { input: { exchangeId: exchange.id, version: exchange.version, title: 'Un titolo cambiato per la visita' } });
    const changed = await get(`/exchanges/${exchange.id}.ics`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  describe('personal feeds', () => {
    it('lists the exchanges where the person holds or waits for a seat, with their status, behind a token stored only as a hash', async () => {
      const person = await t.users.create();
      const seat = await opened(t, w, { capacity: 5 });
      const full = await opened(t, w, { capacity: 0 });
      const cancelled = await opened(t, w);
      const elsewhere = await opened(t, w);
      for (const exchange of [seat, full, cancelled]) await call.data(person, REGISTER, { input: { exchangeId: exchange.id } });
      await call.data(w.coordinator, CANCEL, { input: { exchangeId: cancelled.id, reason: 'Annullato per prova' } });

      expect(await call.code(null, CREATE_FEED)).toBe('UNAUTHENTICATED');
      const { createCalendarFeed } = await call.data(person, CREATE_FEED);
      expect(createCalendarFeed.url).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const token = createCalendarFeed.url.slice('/calendar/'.length, -'.ics'.length);
      const stored = await t.db.query(`SELECT encode(token_hash, 'hex') AS hash FROM exchange_calendar_feed WHERE user_id = $1`, [person.id]);
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(stored)).not.toContain(token);

      const response = await get(createCalendarFeed.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      const events = parse(await response.text()).events;
      const byUid = (id: string) => events.find((event) => event.uid === `peer-exchange-${exchangeDbId(id)}@bottega`);
      expect(events).toHaveLength(3);
      expect(byUid(seat.id)).toMatchObject({ registration: 'REGISTERED', status: 'CONFIRMED', location: 'Via Pascarella 21, Milano' });
      expect(byUid(full.id)).toMatchObject({ registration: 'WAITLISTED', status: 'TENTATIVE', location: null, summary: `${full.title} (lista d’attesa)` });
      // A cancelled exchange stays, marked so, for calendar applications to strike it out.
      expect(byUid(cancelled.id)).toMatchObject({ registration: 'REGISTERED', status: 'CANCELLED' });

      // A peer who accepted to review has it in their feed too, with its place, though they hold no registration.
      const review = await openReview(t, w);
      const [reviewer] = await reviewers(t, w, review.id, ['ACCEPT']);
      const own = (await call.data(reviewer!.user, CREATE_FEED)).createCalendarFeed.url;
      expect(parse(await (await get(own)).text()).events).toEqual([
        expect.objectContaining({ uid: `peer-exchange-${exchangeDbId(review.id)}@bottega`, registration: 'REVIEWER', status: 'CONFIRMED', location: 'Via Pascarella 21, Milano' }),
      ]);
      expect(byUid(elsewhere.id)).toBeUndefined();
    });

    it('drops an exchange of a private community the person left, and answers 404 once revoked, replaced or unknown', async () => {
      const person = await t.users.create();
      const secret = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id, memberIds: [person.id] });
      const inside = await opened(t, w, { hostCommunityId: secret.globalId });
      const open = await opened(t, w);
      await call.data(person, REGISTER, { input: { exchangeId: inside.id } });
      await call.data(person, REGISTER, { input: { exchangeId: open.id } });
      const { url } = (await call.data(person, CREATE_FEED)).createCalendarFeed;
      expect(parse(await (await get(url)).text()).events).toHaveLength(2);
      await t.db.query(`DELETE FROM community_membership WHERE user_id = $1 AND community_id = $2`, [person.id, secret.id]);
      expect(parse(await (await get(url)).text()).events.map((event) => event.uid)).toEqual([`peer-exchange-${exchangeDbId(open.id)}@bottega`]);

      const replaced = (await call.data(person, CREATE_FEED)).createCalendarFeed.url;
      expect((await get(url)).status).toBe(404);
      expect((await get(replaced)).status).toBe(200);
      expect((await call.data(person, REVOKE_FEED)).revokeCalendarFeed).toEqual({ revoked: true, userErrors: [] });
      expect((await get(replaced)).status).toBe(404);
      expect((await call.data(person, REVOKE_FEED)).revokeCalendarFeed).toEqual({ revoked: false, userErrors: [{ field: ['input'], code: 'INVALID_STATE' }] });
      expect(await call.code(null, REVOKE_FEED)).toBe('UNAUTHENTICATED');
      expect((await get(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
      expect((await get(`/calendar/short.ics`)).status).toBe(404);
    });

    it('is rate-limited per client address, like other public routes', async () => {
      const exchange = await opened(t, w);
      await t.db.query(`INSERT INTO rate_limit_counter (key, window_start, hits)
        SELECT key, date_trunc('minute', now()), 60 FROM (VALUES ('calendar:ip:127.0.0.1'), ('calendar:ip:::1'), ('calendar:ip:::ffff:127.0.0.1')) k(key)
        ON CONFLICT (key, window_start) DO UPDATE SET hits = 60`);
      const limited = await get(`/exchanges/${exchange.id}.ics`);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await limited.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
      await t.db.query(`DELETE FROM rate_limit_counter WHERE key LIKE 'calendar:%'`);
    });
  });
});
