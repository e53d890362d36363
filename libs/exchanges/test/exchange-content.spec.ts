import { OutboxRunner } from '@bottega/core';
import { startTestApp, type TestApp } from '@bottega/identity/testing';
import { NODE, api, create, opened, world, type World } from './support';

const SEARCH = `query($query: String!, $filter: SearchFilterInput) { search(query: $query, filter: $filter) {
  totalCount edges { highlight { title } node { __typename ... on PeerExchange { id title } } } facets { types { type count } } } }`;
const FLAG = `mutation($input: FlagContentInput!) { flagContent(input: $input) { userErrors { code } } }`;
const MODERATE = `mutation($input: ModerateInput!) { moderate(input: $input) { userErrors { code } } }`;

/** Exchanges through the shared seams: search finds them through their audience, moderation hides them. */
describe('exchanges as content', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  const indexed = () => t.app.get(OutboxRunner).wake();
  const found = async (user: Parameters<typeof call.data>[0], query: string, filter: Record<string, unknown> = {}) =>
    (await call.data(user, SEARCH, { query, filter })).search;

  it('is found by its title, description and agenda, under its territory’s region, drafts only by those inside', async () => {
    const [skill] = await t.db.query(`SELECT id FROM skill WHERE key = 'crowdfunding'`);
    const open = await opened(t, w, {
      title: 'Laboratorio di raccolta fondi per cooperative',
      description: 'Come scrivere un bando con le fondazioni di comunità.',
      agenda: [{ startsAt: new Date(Date.now() + 14 * 86_400_000 + 3_600_000).toISOString(), title: 'Crowdfunding civico', note: 'Con esempi' }],
      skillIds: [Buffer.from(`Skill:${skill.id}`).toString('base64url')],
    });
    const draft = await create(t, w, { title: 'Bozza sul crowdfunding civico in quartiere' });
    await indexed();
    for (const query of ['raccolta fondi', 'fondazioni di comunità', 'crowdfunding civico']) {
      const result = await found(null, query, { types: ['PEER_EXCHANGE'] });
      expect(result.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([open.id]);
    }
    expect((await found(null, '', { types: ['PEER_EXCHANGE'], territoryIds: [w.lombardia.globalId] })).totalCount).toBe(1);
    expect((await found(null, 'crowdfunding')).facets.types).toContainEqual({ type: 'PEER_EXCHANGE', count: 1 });
    const inside = await found(w.coordinator, 'crowdfunding civico', { types: ['PEER_EXCHANGE'] });
    expect(inside.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([open.id, draft.id].sort());
  });

  it('is flagged and hidden like any content: gone for readers, kept for those who run it', async () => {
    const exchange = await opened(t, w, { title: 'Visita da nascondere alla comunità' });
    const moderator = await t.users.moderator().create();
    expect((await call.data(w.member, FLAG, { input: { subjectId: exchange.id, reason: 'SPAM' } })).flagContent.userErrors).toEqual([]);
    expect((await call.data(moderator, MODERATE, { input: { subjectId: exchange.id, action: 'HIDE', reason: 'Pubblicità' } })).moderate.userErrors).toEqual([]);
    expect((await call.data(w.member, NODE, { id: exchange.id })).node).toBeNull();
    expect((await call.data(null, NODE, { id: exchange.id })).node).toBeNull();
    expect((await call.data(w.coordinator, NODE, { id: exchange.id })).node).toMatchObject({ id: exchange.id });
    const [hidden] = await t.db.query(
      `SELECT change FROM outbox_event WHERE kind = 'PeerExchange' AND subject_id = (SELECT id FROM peer_exchange WHERE title = $1) ORDER BY version DESC LIMIT 1`,
      ['Visita da nascondere alla comunità'],
    );
    expect(hidden).toEqual({ change: 'HIDDEN' });
  });
});
