import { toGlobalId } from '@bottega/core';
import type { TestApp, TestUser } from '@bottega/identity/testing';
import { REGISTER, api, exchangeDbId, opened, type World } from './support';

export const AFTERMATH_FIELDS = `id status
  outcomes { summary { markdown html } learnings { markdown html } version updatedBy { id }
             followUpActions { description dueOn owner { id } } adoptedPractices { id title adoptionCount } }
  feedbackSummary { count average distribution } feedbackClosesAt viewerCanGiveFeedback viewerFeedback { rating comment }`;

const mutation = (name: string, input: string, fields: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${fields} userErrors { field code message } } }`;

export const ATTENDANCE = mutation('recordAttendance', 'RecordAttendanceInput', `peerExchange { id registeredCount } registrations { id status user { id } }`);
export const OUTCOMES = mutation('recordOutcomes', 'RecordOutcomesInput', `peerExchange { ${AFTERMATH_FIELDS} }`);
export const FEEDBACK = mutation('giveFeedback', 'GiveFeedbackInput', `feedback { rating comment user { id } } peerExchange { feedbackSummary { count average distribution } }`);
export const CLOSE_FEEDBACK = mutation('closeFeedback', 'PeerExchangeInput', `peerExchange { id feedbackClosesAt viewerCanGiveFeedback }`);
export const AFTERMATH = `query($id: ID!) { node(id: $id) { ... on PeerExchange { ${AFTERMATH_FIELDS}
  feedback(first: 50) { totalCount nodes { rating comment user { id } } } } } }`;

/** Moves the exchange's schedule so that it started `startedHoursAgo` and ended `endedHoursAgo` (negative: still to end). */
export async function reschedule(t: TestApp, globalId: string, startedHoursAgo: number, endedHoursAgo: number): Promise<void> {
  await t.db.query(
    `UPDATE peer_exchange SET registration_deadline = now() - make_interval(hours => $2 + 24), starts_at = now() - make_interval(hours => $2),
            ends_at = now() - make_interval(hours => $3) WHERE id = $1`,
    [exchangeDbId(globalId), startedHoursAgo, endedHoursAgo],
  );
}

/** An open exchange with these people registered in order (beyond its capacity, waitlisted), that took place an hour ago. */
export async function heldWith(t: TestApp, w: World, people: TestUser[], input: Record<string, unknown> = {}): Promise<any> {
  const exchange = await opened(t, w, input);
  for (const person of people) {
    const { registerForExchange } = await api(t).data(person, REGISTER, { input: { exchangeId: exchange.id } });
    expect(registerForExchange.userErrors).toEqual([]);
  }
  await reschedule(t, exchange.id, 4, 1);
  return exchange;
}

/** A published practice in Milan, readable by everyone. */
export async function publishedPractice(t: TestApp, title = 'Custodi sociali nei condomini popolari'): Promise<{ id: string; globalId: string }> {
  const slug = `pratica-${Math.random().toString(36).slice(2, 10)}`;
  const [practice] = (await t.db.query(
    `INSERT INTO practice (slug, kind, status, title, published_at) VALUES ($1, 'PRACTICE', 'PUBLISHED', $2, now() - interval '1 year') RETURNING id`,
    [slug, title],
  )) as [{ id: string }];
  return { id: practice.id, globalId: toGlobalId('Practice', practice.id) };
}

/** Everything the aftermath of exchanges writes, to show an operation changed nothing. */
export async function aftermath(t: TestApp): Promise<unknown> {
  const tables = [
    `SELECT id, status, attendance_recorded_at, updated_at FROM peer_exchange_registration ORDER BY id`,
    `SELECT * FROM peer_exchange_outcome ORDER BY exchange_id`,
    `SELECT * FROM peer_exchange_follow_up ORDER BY exchange_id, position`,
    `SELECT * FROM peer_exchange_adopted_practice ORDER BY exchange_id, position`,
    `SELECT * FROM peer_exchange_feedback ORDER BY exchange_id, user_id`,
    `SELECT id, feedback_closed_at, version, updated_at FROM peer_exchange ORDER BY id`,
    `SELECT * FROM practice_adoption ORDER BY id`,
    `SELECT id, adoption_count FROM practice ORDER BY id`,
    `SELECT kind, count(*)::int AS n FROM outbox_event GROUP BY kind ORDER BY kind`,
    `SELECT count(*)::int AS n FROM notification`,
  ];
  return Promise.all(tables.map((sql) => t.db.query(sql)));
}
