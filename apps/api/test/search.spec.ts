import { OutboxRunner } from '@bottega/core';
import { SEARCH_ENGINE, type SearchEngine } from '@bottega/search';
import { CommunityFactory } from '@bottega/forum/testing';
import { UserFactory, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { startTestApp, until, type TestApp } from '@bottega/testing';

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) { thread { id } userErrors { code message } } }`;
const REPLY = `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } userErrors { code message } } }`;
const DELETE = `mutation($input: DeletePostInput!) { deletePost(input: $input) { post { id } userErrors { code } } }`;
const SEARCH = `query($query: String!, $filter: SearchFilterInput, $first: Int, $after: String, $orderBy: SearchOrderBy) {
  search(query: $query, filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount engine processingTimeMs
    pageInfo { hasNextPage endCursor }
    edges { cursor highlight { title snippet } node { __typename ... on Thread { id title } ... on Post { id } ... on Practice { id } ... on CompetenceProfile { id } } }
    facets { types { type count } territories { territory { code } count } tags { value count } skills { value count } }
  } }`;

interface Hit {
  highlight: { title: string; snippet: string };
  node: { __typename: string; id: string; title?: string };
}
interface SearchResult {
  totalCount: number;
  engine: string;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Hit[];
  facets: { types: { type: string; count: number }[]; territories: { territory: { code: string }; count: number }[]; tags: { value: string; count: number }[] };
}

/** The search API over the real app: the index follows what is written through the API, and never shows what a reader may not read. */
describe('search', () => {
  let t: TestApp;
  let author: TestUser;
  let member: TestUser;
  let publicCommunity: string;
  let privateCommunity: string;
  let lecco: string;

  beforeAll(async () => {
    t = await startTestApp();
    const users = new UserFactory(t.app);
    [author, member] = await Promise.all([users.create(), users.create()]);
    const communities = new CommunityFactory(t.db);
    publicCommunity = (await communities.create({ coordinatorId: author.id })).globalId;
    privateCommunity = (await communities.create({ visibility: 'PRIVATE', coordinatorId: author.id, memberIds: [member.id] })).globalId;
    lecco = (await new DirectoryFactory(t.db).territory('IT-LC')).globalId;
  });
  afterAll(() => t.close());

  const search = async (viewer: TestUser | null, variables: Record<string, unknown>): Promise<SearchResult> =>
    (await (viewer ? t.client.as(viewer.accessToken) : t.client).data<{ search: SearchResult }>(SEARCH, variables)).search;
  const start = async (input: Record<string, unknown>) => {
    const { startThread } = await t.client.as(author.accessToken).data<any>(START, { input: { kind: 'QUESTION', ...input } });
    expect(startThread.userErrors).toEqual([]);
    return startThread.thread.id as string;
  };
  /** Waits until the indexer has applied everything written so far. */
  const indexed = () => t.app.get(OutboxRunner).wake();

  it('finds what was just written, with highlights, facets and the ancestors of its territories', async () => {
    const id = await start({
      communityId: publicCommunity,
      title: 'Come raggiungere gli anziani soli nei piccoli comuni?',
      body: 'Nel nostro comune molte persone della terza età vivono da sole: cerchiamo idee per le visite a domicilio.',
      tags: ['anziani'],
      territoryIds: [lecco],
    });
    await indexed();
    const result = await search(null, { query: 'anziani soli' });
    expect(result.engine).toBe('postgres');
    expect(result.edges[0]?.node).toEqual({ __typename: 'Thread', id, title: 'Come raggiungere gli anziani soli nei piccoli comuni?' });
    expect(result.edges[0]?.highlight.title).toContain('<mark>anziani</mark> <mark>soli</mark>');
    expect(result.facets.types).toEqual([{ type: 'THREAD', count: 1 }]);
    expect(result.facets.territories.map((facet) => facet.territory.code).sort()).toEqual(['IT-25', 'IT-LC']);
    expect(result.facets.tags).toEqual([{ value: 'anziani', count: 1 }]);
    const lombardia = (await new DirectoryFactory(t.db).territory('IT-25')).globalId;
    expect((await search(null, { query: '', filter: { territoryIds: [lombardia] } })).totalCount).toBe(1);
  });

  it('never shows nor counts private content to those who may not read it, and does to members', async () => {
    const secret = await start({ communityId: privateCommunity, title: 'Emporio solidale: il bilancio riservato', body: 'Numeri del bilancio.' });
    await indexed();
    const outsider = await new UserFactory(t.app).create();
    for (const viewer of [null, outsider]) {
      const result = await search(viewer, { query: 'bilancio emporio' });
      expect(result.edges.map((edge) => edge.node.id)).not.toContain(secret);
      expect(result.totalCount).toBe(0);
    }
    const seen = await search(member, { query: 'bilancio emporio' });
    expect(seen.edges.map((edge) => edge.node.id)).toEqual([secret]);
    expect(seen.totalCount).toBe(1);
  });

  it('follows replies, deletions and threads: a deleted reply leaves the index', async () => {
    const thread = await start({ communityId: publicCommunity, title: 'Banco alimentare di quartiere', body: 'Come organizzare la raccolta.' });
    const { replyToThread } = await t.client
      .as(member.accessToken)
      .data<any>(REPLY, { input: { threadId: thread, body: 'Noi usiamo una cella frigorifera condivisa con la parrocchia.' } });
    await indexed();
    const found = await search(null, { query: 'cella frigorifera' });
    expect(found.edges.map((edge) => edge.node)).toEqual([{ __typename: 'Post', id: replyToThread.post.id }]);
    await t.client.as(member.accessToken).data(DELETE, { input: { postId: replyToThread.post.id } });
    await indexed();
    expect((await search(null, { query: 'cella frigorifera' })).totalCount).toBe(0);
  });

  it('pages with cursors, without repeating or skipping a hit', async () => {
    for (let i = 0; i < 7; i++) await start({ communityId: publicCommunity, title: `Orto condiviso numero ${i}`, body: 'Un orto sociale.' });
    await indexed();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      const result: SearchResult = await search(null, { query: 'orto', first: 3, after });
      seen.push(...result.edges.map((edge) => edge.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('refuses bad input with BAD_USER_INPUT, and answers hostile queries with nothing', async () => {
    const error = async (variables: Record<string, unknown>) => (await t.client.error(SEARCH, variables)).code;
    expect(await error({ query: 'x'.repeat(201) })).toBe('BAD_USER_INPUT');
    expect(await error({ query: 'orto', first: 0 })).toBe('BAD_USER_INPUT');
    expect(await error({ query: 'orto', first: 51 })).toBe('BAD_USER_INPUT');
    expect(await error({ query: 'orto', after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
    expect(await error({ query: 'orto', filter: { territoryIds: ['nope'] } })).toBe('BAD_USER_INPUT');
    expect(await error({ query: 'orto', filter: { communityIds: [lecco] } })).toBe('BAD_USER_INPUT');
    expect((await search(null, { query: '!!! ??? ;' })).totalCount).toBe(0);
    expect((await search(null, { query: '" OR type = "Thread', filter: { tags: ['" OR 1=1 --'] } })).totalCount).toBe(0);
  });

  it('suggests existing questions like the one being written', async () => {
    const { similar } = await t.client.data<any>(`query { similar(title: "Idee per gli anziani soli", body: "visite a domicilio") { __typename ... on Thread { title } } }`);
    expect(similar[0]).toEqual({ __typename: 'Thread', title: 'Come raggiungere gli anziani soli nei piccoli comuni?' });
  });

  it('loses nothing and repeats nothing when the engine fails while people write, once it is back', async () => {
    await t.db.query(`ALTER TABLE search_document RENAME TO search_document_away`);
    let restored = false;
    try {
      const ids = [];
      for (let i = 0; i < 3; i++) ids.push(await start({ communityId: publicCommunity, title: `Sportello badanti ${i}`, body: 'Assistenza familiare.' }));
      const { error } = await t.client.request<any>(SEARCH, { query: 'sportello' }).then((response) => ({ error: response.body.errors?.[0] }));
      expect(error?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      await t.db.query(`ALTER TABLE search_document_away RENAME TO search_document`);
      restored = true;
      await until(async () => (await search(null, { query: 'sportello' })).totalCount === 3, 'the index to catch up', 15_000);
      const hits = (await search(null, { query: 'sportello' })).edges.map((edge) => edge.node.id);
      expect(hits.sort()).toEqual([...ids].sort());
    } finally {
      if (!restored) await t.db.query(`ALTER TABLE search_document_away RENAME TO search_document`);
    }
  });

  it('counts facets only when they are asked for, as @skip and @include decide', async () => {
    const engine = t.app.get<SearchEngine>(SEARCH_ENGINE);
    const spy = jest.spyOn(engine, 'search');
    try {
      const asked = async (selection: string, variables: Record<string, unknown> = {}) => {
        spy.mockClear();
        const declared = selection.includes('$on') ? '($on: Boolean = true)' : '';
        const { body } = await t.client.request<any>(`query${declared} { search(query: "anziani") { totalCount ${selection} } }`, variables);
        expect(body.errors).toBeUndefined();
        return spy.mock.calls.map(([request]) => request.facets);
      };
      expect(await asked('')).toEqual([false]);
      expect(await asked('facets { types { type count } }')).toEqual([true]);
      expect(await asked('... on SearchResultConnection { facets { tags { value } } }')).toEqual([true]);
      expect(await asked('facets @include(if: $on) { types { type } }', { on: false })).toEqual([false]);
      expect(await asked('facets @skip(if: $on) { types { type } }')).toEqual([false]);
      expect(await asked('facets @skip(if: $on) { types { type } }', { on: false })).toEqual([true]);
    } finally {
      spy.mockRestore();
    }
  });
});
