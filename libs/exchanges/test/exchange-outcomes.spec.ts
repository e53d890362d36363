import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { PgPubSub, toGlobalId } from '@bottega/core';
import { CANCEL, COMPLETE, api, create, errorsOf, exchangeDbId, listen, opened, unknownId, until, world, type World } from './support';
import { AFTERMATH, ATTENDANCE, OUTCOMES, aftermath, heldWith, publishedPractice, reschedule } from './outcome-support';

const NOTIFICATIONS = `{ notifications(first: 20) { nodes { kind subject { id } } } }`;

describe('recordOutcomes', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;
  let people: TestUser[];

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
    people = await Promise.all(Array.from({ length: 4 }, () => t.users.create()));
  });
  afterAll(() => t.close());

  const record = async (user: TestUser | null, input: Record<string, unknown>) => (await call.data(user, OUTCOMES, { input })).recordOutcomes;
  const attend = (exchangeId: string, entries: [TestUser, string][]) =>
    call.data(w.coordinator, ATTENDANCE, { input: { exchangeId, entries: entries.map(([user, status]) => ({ userId: user.globalId, status })) } });

  it('publishes outcomes with follow-ups and adopted practices, recorded as adopted in the host territory, and tells those who attended', async () => {
    const [a, b, c] = people as [TestUser, TestUser, TestUser];
    const exchange = await heldWith(t, w, [a, b, c]);
    await attend(exchange.id, [
      [a, 'ATTENDED'],
      [b, 'ATTENDED'],
      [c, 'NO_SHOW'],
    ]);
    const practice = await publishedPractice(t);
    const recorded = await record(w.coordinator, {
      exchangeId: exchange.id,
      summary: 'Abbiamo visto **tre portinerie**.',
      learnings: '- Formare i custodi\n- Coinvolgere il Municipio',
      followUpActions: [{ description: ' Scrivere il bando per i custodi ', ownerId: w.lead.globalId, dueOn: '2027-02-15' }],
      adoptedPracticeIds: [practice.globalId, practice.globalId],
    });
    expect(recorded.userErrors).toEqual([]);
    expect(recorded.peerExchange.outcomes).toEqual({
      summary: { markdown: 'Abbiamo visto **tre portinerie**.', html: '<p>Abbiamo visto <strong>tre portinerie</strong>.</p>\n' },
      learnings: { markdown: '- Formare i custodi\n- Coinvolgere il Municipio', html: expect.stringContaining('<li>Formare i custodi</li>') },
      version: 1,
      updatedBy: { id: w.coordinator.globalId },
      followUpActions: [{ description: 'Scrivere il bando per i custodi', dueOn: '2027-02-15', owner: { id: w.lead.globalId } }],
      adoptedPractices: [{ id: practice.globalId, title: 'Custodi sociali nei condomini popolari', adoptionCount: 1 }],
    });
    const adoptions = await t.db.query(`SELECT territory_id, project_id, outcome, recorded_by, notes FROM practice_adoption WHERE practice_id = $1`, [practice.id]);
    expect(adoptions).toEqual([
      {
        territory_id: w.milano.id,
        project_id: w.project.id,
        outcome: 'ADOPTING',
        recorded_by: w.coordinator.id,
        notes: 'Adottata con lo scambio tra pari «Visita al portierato sociale di Quarto Oggiaro».',
      },
    ]);
    const kinds = async (user: TestUser) => (await call.data(user, NOTIFICATIONS)).notifications.nodes.map((n: { kind: string }) => n.kind);
    expect(await kinds(a)).toContain('EXCHANGE_OUTCOMES');
    expect(await kinds(b)).toContain('EXCHANGE_OUTCOMES');
    expect(await kinds(c)).not.toContain('EXCHANGE_OUTCOMES');
    // Anyone who reads the exchange reads its outcomes.
    expect((await call.data(null, AFTERMATH, { id: exchange.id })).node.outcomes.summary.markdown).toBe('Abbiamo visto **tre portinerie**.');

    // Edited at its version, after completion too; a practice left out is no longer adopted there, and nobody is told twice.
    await call.data(w.coordinator, COMPLETE, { input: { exchangeId: exchange.id } });
    const other = await publishedPractice(t, 'Il budget di salute per l’abitare');
    const edited = await record(w.coordinator, { exchangeId: exchange.id, version: 1, summary: 'Tre portinerie e un condominio solidale.', adoptedPracticeIds: [other.globalId] });
    expect(edited.userErrors).toEqual([]);
    expect(edited.peerExchange.outcomes).toMatchObject({ version: 2, learnings: { markdown: '' }, followUpActions: [], adoptedPractices: [{ id: other.globalId, adoptionCount: 1 }] });
    expect(await t.db.query(`SELECT count(*)::int AS n FROM practice_adoption WHERE practice_id = $1`, [practice.id])).toEqual([{ n: 0 }]);
    expect(await t.db.query(`SELECT adoption_count FROM practice WHERE id = $1`, [practice.id])).toEqual([{ adoption_count: 0 }]);
    expect((await kinds(a)).filter((kind: string) => kind === 'EXCHANGE_OUTCOMES')).toHaveLength(1);

    // A stale version is a conflict.
    const before = await aftermath(t);
    expect((await record(w.coordinator, { exchangeId: exchange.id, version: 1, summary: 'Vecchio' })).userErrors).toEqual([
      { field: ['input', 'version'], code: 'CONFLICT', message: 'These outcomes changed since you opened them; reload them and edit again.' },
    ]);
    expect(await aftermath(t)).toEqual(before);
  });

  it('refuses outcomes before the exchange took place, of a cancelled one, and bad input, changing nothing', async () => {
    const upcoming = await opened(t, w);
    const cancelled = await opened(t, w);
    await call.data(w.coordinator, CANCEL, { input: { exchangeId: cancelled.id, reason: 'Sede chiusa' } });
    await reschedule(t, cancelled.id, 4, 1);
    const underWay = await opened(t, w);
    await reschedule(t, underWay.id, 1, -1);
    const held = await heldWith(t, w, []);
    const draft = await create(t, w);
    const practice = await publishedPractice(t);
    const input = (exchangeId: string, extra: Record<string, unknown> = {}) => ({ exchangeId, summary: 'Com’è andata', ...extra });

    const before = await aftermath(t);
    const notYet = { field: ['input', 'exchangeId'], code: 'INVALID_STATE', message: 'Outcomes are recorded once the exchange has taken place.' };
    expect((await record(w.coordinator, input(upcoming.id))).userErrors).toEqual([notYet]);
    expect((await record(w.coordinator, input(underWay.id))).userErrors).toEqual([notYet]);
    expect((await record(w.coordinator, input(cancelled.id))).userErrors).toEqual([notYet]);
    expect(await call.code(null, OUTCOMES, { input: input(held.id) })).toBe('UNAUTHENTICATED');
    expect(await call.code(w.member, OUTCOMES, { input: input(held.id) })).toBe('FORBIDDEN');
    expect(await call.code(w.outsider, OUTCOMES, { input: input(draft.id) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, OUTCOMES, { input: input(unknownId('PeerExchange')) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, OUTCOMES, { input: input(held.id, { adoptedPracticeIds: [unknownId('Practice')] }) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, OUTCOMES, { input: input(held.id, { followUpActions: [{ description: 'Bando', ownerId: unknownId('User'), dueOn: '2027-01-01' }] }) })).toBe(
      'NOT_FOUND',
    );
    // A malformed or impossible due day is refused before anything runs.
    for (const dueOn of ['15/02/2027', '2027-02-30']) {
      expect(await call.code(w.coordinator, OUTCOMES, { input: input(held.id, { followUpActions: [{ description: 'Bando', ownerId: w.lead.globalId, dueOn }] }) })).toBe(
        'BAD_USER_INPUT',
      );
    }
    expect(errorsOf((await record(w.coordinator, input(held.id, { summary: '   ' }))).userErrors)).toEqual([['input.summary', 'REQUIRED']]);
    expect(
      errorsOf(
        (await record(w.coordinator, input(held.id, { followUpActions: [{ description: 'x'.repeat(501), ownerId: w.lead.globalId, dueOn: '2027-01-01' }] }))).userErrors,
      ),
    ).toEqual([['input.followUpActions.0.description', 'TOO_LONG']]);
    expect(errorsOf((await record(w.coordinator, input(held.id, { adoptedPracticeIds: [practice.globalId], summary: '' }))).userErrors)).toEqual([['input.summary', 'REQUIRED']]);
    expect(await aftermath(t)).toEqual(before);
    expect((await record(w.coordinator, input(draft.id))).userErrors).toEqual([notYet]);
    expect(await aftermath(t)).toEqual(before);
  });

  it('records adoptions where the outcomes say they were taken up, and moves them when that changes', async () => {
    const held = await heldWith(t, w, []);
    const practice = await publishedPractice(t, 'Sportello di quartiere per le pratiche digitali');
    const where = async () => t.db.query(`SELECT territory_id, project_id FROM practice_adoption WHERE practice_id = $1`, [practice.id]);
    const first = await record(w.coordinator, { exchangeId: held.id, summary: 'Bene', adoptedPracticeIds: [practice.globalId], adoptedInTerritoryId: w.lombardia.globalId });
    expect(first.userErrors).toEqual([]);
    expect(await where()).toEqual([{ territory_id: w.lombardia.id, project_id: null }]);
    // The same place again keeps the adoption; the host territory replaces it.
    await record(w.coordinator, { exchangeId: held.id, version: 1, summary: 'Bene', adoptedPracticeIds: [practice.globalId], adoptedInTerritoryId: w.lombardia.globalId });
    expect(await where()).toEqual([{ territory_id: w.lombardia.id, project_id: null }]);
    await record(w.coordinator, { exchangeId: held.id, version: 2, summary: 'Bene', adoptedPracticeIds: [practice.globalId] });
    expect(await where()).toEqual([{ territory_id: w.milano.id, project_id: w.project.id }]);
    expect(await t.db.query(`SELECT adoption_count FROM practice WHERE id = $1`, [practice.id])).toEqual([{ adoption_count: 1 }]);
    const before = await aftermath(t);
    expect(await call.code(w.coordinator, OUTCOMES, { input: { exchangeId: held.id, summary: 'Bene', adoptedInTerritoryId: unknownId('Territory') } })).toBe('NOT_FOUND');
    expect(await aftermath(t)).toEqual(before);
  });

  it('tells subscribers live, writes the outbox, and lets one of two simultaneous editors of the same version win', async () => {
    const held = await heldWith(t, w, []);
    await record(w.coordinator, { exchangeId: held.id, summary: 'Prima versione' });
    const outbox = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM outbox_event WHERE kind = 'PeerExchange' AND subject_id = $1`, [exchangeDbId(held.id)]))[0].n;
    const before = await outbox();
    const socket = t.client.as(w.member.accessToken).socket();
    try {
      const stream = listen(socket, `subscription($id: ID!) { peerExchangeUpdated(id: $id) { change peerExchange { outcomes { version } } } }`, { id: held.id });
      await until(() => t.app.get(PgPubSub).listenerCount(`peer-exchange:${exchangeDbId(held.id)}`) === 1, 'the subscriber');
      const results = await Promise.all(
        ['Seconda versione, di Chiara', 'Seconda versione, della capofila'].map((summary, index) =>
          record(index === 0 ? w.coordinator : w.lead, { exchangeId: held.id, version: 1, summary }),
        ),
      );
      expect(results.map((r) => r.userErrors.map((e: { code: string }) => e.code)).sort()).toEqual([[], ['CONFLICT']]);
      await until(() => stream.events.length === 1, 'the change');
      expect(stream.events[0].peerExchangeUpdated).toEqual({ change: 'DETAILS', peerExchange: { outcomes: { version: 2 } } });
      expect(await outbox()).toBe(before + 1);
    } finally {
      await socket.dispose();
    }
  });

  it('records a practice as adopted only when it is published', async () => {
    const held = await heldWith(t, w, []);
    const [draft] = (await t.db.query(
      `INSERT INTO practice (slug, kind, status, title, community_id) VALUES ('bozza-visibile', 'PRACTICE', 'DRAFT', 'Una bozza', $1) RETURNING id`,
      [w.community.id],
    )) as [{ id: string }];
    await t.db.query(`INSERT INTO practice_author (practice_id, user_id, position) VALUES ($1, $2, 0)`, [draft.id, w.coordinator.id]);
    const before = await aftermath(t);
    const refused = await record(w.coordinator, { exchangeId: held.id, summary: 'Bene', adoptedPracticeIds: [toGlobalId('Practice', draft.id)] });
    expect(refused.userErrors).toEqual([
      { field: ['input', 'adoptedPracticeIds', '0'], code: 'INVALID_STATE', message: 'Only a published practice is recorded as adopted.' },
    ]);
    expect(await aftermath(t)).toEqual(before);
  });
});
