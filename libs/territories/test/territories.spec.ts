import { startTestApp, type TestApp } from '@bottega/testing';
import { DirectoryFactory } from '../src/testing';

const LOMBARD_PROVINCES = ['IT-BG', 'IT-BS', 'IT-CO', 'IT-CR', 'IT-LC', 'IT-LO', 'IT-MB', 'IT-MI', 'IT-MN', 'IT-PV', 'IT-SO', 'IT-VA'];

describe('territories', () => {
  let t: TestApp;
  let directory: DirectoryFactory;
  beforeAll(async () => {
    t = await startTestApp();
    directory = new DirectoryFactory(t.db);
  });
  afterAll(() => t.close());

  it('is seeded with Lombardy and its twelve provinces, Piedmont with Novara and Verbano-Cusio-Ossola', async () => {
    const data = await t.client.data(`{
      lombardia: territory(code: "IT-25") { name level children { code } }
      vco: territory(code: "it-vb") { name level parent { name } ancestors { code } }
      novara: territory(code: "IT-NO") { istatCode }
      all: territories(first: 50) { totalCount }
    }`);
    expect(data.lombardia).toMatchObject({ name: 'Lombardia', level: 'REGION' });
    expect(data.lombardia.children.map((c: { code: string }) => c.code).sort()).toEqual(LOMBARD_PROVINCES);
    expect(data.vco).toEqual({ name: 'Verbano-Cusio-Ossola', level: 'PROVINCE', parent: { name: 'Piemonte' }, ancestors: [{ code: 'IT-21' }] });
    expect(data.novara.istatCode).toBe('003');
    expect(data.all.totalCount).toBe(22);
  });

  it('filters by descendants of a territory, level and name prefix', async () => {
    const lombardia = await directory.territory('IT-25');
    const data = await t.client.data(
      `query($within: ID!) {
        provinces: territories(first: 50, filter: { within: $within, level: PROVINCE }) { totalCount }
        withRegion: territories(first: 50, filter: { within: $within }) { totalCount }
        ver: territories(filter: { namePrefix: "VER" }) { nodes { name } }
        wildcard: territories(filter: { namePrefix: "%" }) { totalCount }
      }`,
      { within: lombardia.globalId },
    );
    expect(data.provinces.totalCount).toBe(12);
    expect(data.withRegion.totalCount).toBe(13);
    expect(data.ver.nodes.map((n: { name: string }) => n.name)).toEqual(['Verbano-Cusio-Ossola', 'Vercelli']);
    expect(data.wildcard.totalCount).toBe(0);
  });

  describe('cursor pagination', () => {
    const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
      territories(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor node { code name } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;

    async function walkForward(size: number): Promise<string[]> {
      const codes: string[] = [];
      let after: string | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const { territories }: { territories: any } = await t.client.data(PAGE, { first: size, after });
        codes.push(...territories.edges.map((e: { node: { code: string } }) => e.node.code));
        if (!territories.pageInfo.hasNextPage) return codes;
        after = territories.pageInfo.endCursor;
      }
      throw new Error('pagination did not end');
    }

    it('walks every item once, forwards and backwards, in name order', async () => {
      const { territories: all } = await t.client.data(PAGE, { first: 100 });
      const expected = all.edges.map((e: { node: { code: string } }) => e.node.code);
      expect(await walkForward(5)).toEqual(expected);

      const backwards: string[] = [];
      let before: string | null = null;
      for (let guard = 0; guard < 50; guard++) {
        const { territories }: { territories: any } = await t.client.data(PAGE, { last: 4, before });
        backwards.unshift(...territories.edges.map((e: { node: { code: string } }) => e.node.code));
        if (!territories.pageInfo.hasPreviousPage) break;
        before = territories.pageInfo.startCursor;
      }
      expect(backwards).toEqual(expected);
    });

    it('stays stable when rows are inserted between pages', async () => {
      const { territories: first } = await t.client.data(PAGE, { first: 3 });
      await t.db.query(
        `INSERT INTO territory (code, name, level, parent_id, path) VALUES ('IT-MI-AAA', 'Aaa Distretto', 'DISTRICT', (SELECT id FROM territory WHERE code = 'IT-MI'), '')`,
      );
      try {
        const { territories: second } = await t.client.data(PAGE, { first: 3, after: first.pageInfo.endCursor });
        const seen = [...first.edges, ...second.edges].map((e: { node: { code: string } }) => e.node.code);
        expect(new Set(seen).size).toBe(6);
        expect(seen).not.toContain('IT-MI-AAA');
      } finally {
        await t.db.query(`DELETE FROM territory WHERE code = 'IT-MI-AAA'`);
      }
    });

    it.each([
      ['a page over 100', { first: 101 }, 'first'],
      ['a negative page', { last: -1 }, 'last'],
      ['both first and last', { first: 2, last: 2 }, 'first'],
      ['a forged cursor', { first: 2, after: 'bm90LWEtY3Vyc29y' }, 'after'],
    ])('refuses %s as BAD_USER_INPUT', async (_case, variables, field) => {
      const { body } = await t.client.request(PAGE, variables);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: [field] });
    });

    it('answers an empty page for first: 0 and still counts', async () => {
      const { territories } = await t.client.data(PAGE, { first: 0 });
      expect(territories.edges).toEqual([]);
      expect(territories.totalCount).toBe(22);
    });
  });

  describe('node and nodes', () => {
    it('fetch any object by global id, null for unknown or malformed ids', async () => {
      const milano = await directory.territory('IT-MI');
      const organization = await directory.organization({ name: 'Comune di Lecco', kind: 'PUBLIC_BODY' });
      const unknown = Buffer.from('Territory:00000000-0000-4000-8000-000000000000').toString('base64url');
      const data = await t.client.data(
        `query($ids: [ID!]!, $one: ID!) {
          node(id: $one) { id ... on Territory { code } }
          nodes(ids: $ids) { __typename id ... on Organization { name kind } }
        }`,
        { one: milano.globalId, ids: [organization.globalId, unknown, 'garbage', milano.globalId] },
      );
      expect(data.node).toEqual({ id: milano.globalId, code: 'IT-MI' });
      expect(data.nodes).toEqual([
        { __typename: 'Organization', id: organization.globalId, name: 'Comune di Lecco', kind: 'PUBLIC_BODY' },
        null,
        null,
        { __typename: 'Territory', id: milano.globalId },
      ]);
    });

    it('refuses more than 100 ids at once', async () => {
      const error = await t.client.error(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array(101).fill('x') });
      expect(error.code).toBe('BAD_USER_INPUT');
    });
  });
});
