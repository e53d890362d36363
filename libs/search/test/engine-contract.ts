import { randomUUID } from 'node:crypto';
import type { IndexedDocument, SearchEngine, SearchFilter, SearchOrder, SearchResponse } from '../src/lib/engine/search-engine';

const LOMBARDIA = randomUUID();
const LECCO = randomUUID();
const PIEMONTE = randomUUID();
const TORINO = randomUUID();
const COMMUNITY = randomUUID();
const SECRET_COMMUNITY = randomUUID();
const AUTHOR = randomUUID();

const ANONYMOUS = ['everyone'];
const MEMBER = ['everyone', 'signed-in', `member:${SECRET_COMMUNITY}`];

let sequence = 0;
/** A document with sensible defaults; `key` follows `type` and `id`. */
export function doc(fields: Partial<IndexedDocument> & Pick<IndexedDocument, 'title'>): IndexedDocument {
  sequence += 1;
  const type = fields.type ?? 'Practice';
  const id = fields.id ?? randomUUID();
  const created = new Date(Date.UTC(2026, 0, 1) + sequence * 3_600_000);
  return {
    key: `${type}:${id}`,
    type,
    id,
    version: 1,
    summary: null,
    body: '',
    language: 'it',
    authorId: AUTHOR,
    communityId: COMMUNITY,
    territoryIds: [],
    places: [],
    tags: [],
    skills: [],
    createdAt: created,
    updatedAt: created,
    access: [],
    scopes: [`Community:${COMMUNITY}`],
    ...fields,
  };
}

/**
 * What every search engine must do, the same cases with the same expected
 * hits: run against PostgreSQL always, and against Meilisearch when
 * `MEILI_HOST` is set.
 */
export function engineContract(name: string, create: () => Promise<SearchEngine>, dispose: (engine: SearchEngine) => Promise<void>): void {
  describe(`${name} search engine contract`, () => {
    let engine: SearchEngine;
    const search = (
      text: string,
      options: { filter?: SearchFilter; principals?: string[]; order?: SearchOrder; offset?: number; limit?: number; facets?: boolean } = {},
    ) =>
      engine.search({
        query: { text },
        filter: options.filter ?? {},
        principals: options.principals ?? ANONYMOUS,
        order: options.order ?? 'RELEVANCE',
        offset: options.offset ?? 0,
        limit: options.limit ?? 10,
        ...(options.facets === undefined ? {} : { facets: options.facets }),
      });
    const ids = (response: SearchResponse) => response.hits.map((hit) => hit.id);

    const cooperativa = doc({
      title: 'Una cooperativa sociale per il lavoro',
      summary: 'Inserimento lavorativo di persone fragili',
      body: 'La cooperativa di tipo B accompagna nel lavoro chi ne è escluso.',
      territoryIds: [LECCO, LOMBARDIA],
      tags: ['lavoro'],
    });
    const comunita = doc({
      type: 'Thread',
      title: 'Portineria di comunità nel quartiere',
      body: 'Un punto di riferimento per la comunità: piccoli servizi, ascolto, relazioni tra vicini.',
      territoryIds: [TORINO, PIEMONTE],
      tags: ['quartiere'],
    });
    const anziani = doc({
      title: 'Anziani soli: visite a domicilio',
      summary: 'Volontari che visitano gli anziani che vivono da soli',
      body: 'Contro l’isolamento sociale degli anziani, una rete di volontari e di vicini.',
      territoryIds: [LECCO, LOMBARDIA],
      tags: ['anziani'],
    });
    const assistente = doc({
      title: 'Sportello per l’assistente familiare',
      body: 'Incontro tra famiglie e assistenti familiari, con formazione e contratti regolari.',
      territoryIds: [TORINO, PIEMONTE],
      tags: ['cura'],
    });
    const english = doc({
      type: 'Post',
      title: 'Food bank volunteers',
      body: 'Our food bank relies on volunteers from the neighbourhood <b>every</b> week & more.',
      language: 'en',
      tags: ['cibo'],
    });
    const secret = doc({
      title: 'Anziani e cooperativa: il piano riservato',
      body: 'Solo per i membri della comunità riservata.',
      communityId: SECRET_COMMUNITY,
      access: [[`member:${SECRET_COMMUNITY}`, 'staff']],
      scopes: [`Community:${SECRET_COMMUNITY}`],
    });
    const profile = doc({
      type: 'CompetenceProfile',
      title: 'Giulia Bianchi',
      summary: 'Cooperativa Il Ponte',
      body: 'Raccolta fondi, crowdfunding',
      skills: ['raccolta-fondi'],
      communityId: null,
      scopes: [],
    });
    const all = [cooperativa, comunita, anziani, assistente, english, secret, profile];

    beforeAll(async () => {
      engine = await create();
      await engine.prepare();
      await engine.apply({ upserts: all, removals: [] });
    });
    afterAll(() => dispose(engine));

    it('finds inflected forms (Italian stemming): "cooperative" finds "cooperativa"', async () => {
      expect(ids(await search('cooperative'))).toContain(cooperativa.id);
    });

    it('ignores accents both ways: "comunita" finds "comunità"', async () => {
      expect(ids(await search('comunita'))).toEqual([comunita.id]);
      expect(ids(await search('COMUNITÀ'))).toEqual([comunita.id]);
    });

    it('tolerates typos: "anzaini" finds "anziani", "cooperativa socilae" finds the social cooperative', async () => {
      expect(ids(await search('anzaini'))[0]).toBe(anziani.id);
      expect(ids(await search('cooperativa socilae'))[0]).toBe(cooperativa.id);
    });

    it('finds the words of a phrase apart when they are not together: "valutazione d’impatto"', async () => {
      const valutazione = doc({
        title: 'Misurare quello che cambia',
        body: 'La valutazione del progetto guarda all’impatto sulle persone, non solo al numero delle attività.',
      });
      await engine.apply({ upserts: [valutazione], removals: [] });
      try {
        expect(ids(await search('valutazione d’impatto'))).toContain(valutazione.id);
      } finally {
        await engine.apply({ upserts: [], removals: [{ key: valutazione.key, version: valutazione.version + 1 }] });
      }
    });

    it('finds synonyms from the glossary: "badante" finds the "assistente familiare"', async () => {
      expect(ids(await search('badante'))).toContain(assistente.id);
    });

    it('finds English words in English documents, and ranks the best match first', async () => {
      expect(ids(await search('food bank'))[0]).toBe(english.id);
      expect(ids(await search('anziani soli'))[0]).toBe(anziani.id);
    });

    it('filters by territory with its descendants, by type, tag, community, author and date', async () => {
      expect(ids(await search('', { filter: { territoryIds: [LOMBARDIA] } })).sort()).toEqual([anziani.id, cooperativa.id].sort());
      expect(ids(await search('', { filter: { types: ['Thread'] } }))).toEqual([comunita.id]);
      expect(ids(await search('', { filter: { tags: ['cura'] } }))).toEqual([assistente.id]);
      expect(ids(await search('', { filter: { communityIds: [SECRET_COMMUNITY] }, principals: MEMBER }))).toEqual([secret.id]);
      expect((await search('', { filter: { authorId: randomUUID() } })).total).toBe(0);
      expect(ids(await search('', { filter: { from: english.createdAt, to: secret.createdAt } }))).toEqual([english.id]);
    });

    it('counts facets over what the reader may see', async () => {
      const response = await search('');
      expect(response.total).toBe(6);
      expect(response.facets.types).toEqual(
        expect.arrayContaining([
          { value: 'Practice', count: 3 },
          { value: 'Thread', count: 1 },
          { value: 'Post', count: 1 },
          { value: 'CompetenceProfile', count: 1 },
        ]),
      );
      expect(response.facets.territories).toEqual(expect.arrayContaining([{ value: LOMBARDIA, count: 2 }, { value: LECCO, count: 2 }]));
      expect(response.facets.skills).toEqual([{ value: 'raccolta-fondi', count: 1 }]);
    });

    it('counts no facets when asked not to, with the same hits and total', async () => {
      const counted = await search('cooperativa');
      const uncounted = await search('cooperativa', { facets: false });
      expect(uncounted.facets).toEqual({ types: [], territories: [], tags: [], skills: [] });
      expect(ids(uncounted)).toEqual(ids(counted));
      expect(uncounted.total).toBe(counted.total);
      expect(counted.facets.types.length).toBeGreaterThan(0);
    });

    it('never returns nor counts what the reader may not read, and does for who may', async () => {
      const anonymous = await search('cooperativa');
      expect(ids(anonymous)).not.toContain(secret.id);
      const member = await search('cooperativa', { principals: MEMBER });
      expect(ids(member)).toContain(secret.id);
      expect(member.total).toBe(anonymous.total + 1);
      expect(ids(await search('riservato'))).toEqual([]);
    });

    it('browses by newest first, with stable pages', async () => {
      const newest = await search('', { order: 'NEWEST', limit: 2 });
      expect(ids(newest)).toEqual([profile.id, english.id]);
      const pages = [await search('', { limit: 2 }), await search('', { limit: 2, offset: 2 }), await search('', { limit: 2, offset: 4 })];
      const seen = pages.flatMap(ids);
      expect(new Set(seen).size).toBe(6);
      expect(ids(await search('', { limit: 2, offset: 2 }))).toEqual(ids(pages[1]!));
    });

    it('highlights matches with <mark> only, escaping the content', async () => {
      const hit = (await search('volunteers')).hits.find((found) => found.id === english.id);
      expect(hit?.title).toBe('Food bank <mark>volunteers</mark>');
      expect(hit?.snippet).toContain('<mark>volunteers</mark>');
      // The content's markup is escaped (or dropped), never passed on.
      expect(hit?.snippet).not.toContain('<b>');
      expect(hit?.snippet).toContain('&amp; more');
      expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    });

    it('applies edits, keeps the newer version against an older one, and removes', async () => {
      const item = doc({ title: 'Emporio solidale di quartiere' });
      await engine.apply({ upserts: [item], removals: [] });
      await engine.apply({ upserts: [{ ...item, version: 3, title: 'Market solidale del centro' }], removals: [] });
      await engine.apply({ upserts: [{ ...item, version: 2, title: 'Versione vecchia' }], removals: [] });
      expect((await search('centro')).hits.map((hit) => hit.title)).toEqual(['Market solidale del <mark>centro</mark>']);
      expect(ids(await search('vecchia'))).toEqual([]);
      await engine.apply({ upserts: [], removals: [{ key: item.key, version: 2 }] });
      expect(ids(await search('centro'))).toEqual([item.id]);
      await engine.apply({ upserts: [], removals: [{ key: item.key, version: 3 }] });
      expect(ids(await search('centro'))).toEqual([]);
    });

    it('lists the documents that depend on a scope', async () => {
      expect((await engine.dependents(`Community:${SECRET_COMMUNITY}`)).sort()).toEqual([secret.key]);
    });

    it('suggests similar documents to a question being written', async () => {
      const similar = await engine.similar({
        title: 'Come raggiungere gli anziani soli?',
        body: 'Cerchiamo idee per le visite a domicilio',
        types: ['Practice', 'Thread'],
        principals: ANONYMOUS,
        limit: 3,
      });
      expect(similar[0]?.id).toBe(anziani.id);
      expect(similar.map((hit) => hit.id)).not.toContain(secret.id);
    });

    it('answers hostile queries with an empty result, never an error', async () => {
      expect((await search('!!! ??? ...')).total).toBe(0);
      expect((await search('" OR type = "Thread')).hits.map((hit) => hit.type)).not.toContain('nothing');
      expect((await search('x'.repeat(200))).total).toBe(0);
      expect((await search('', { filter: { tags: ['" OR 1=1 --'] } })).total).toBe(0);
      expect((await search("anziani') OR ('1'='1")).hits.every((hit) => hit.id !== secret.id)).toBe(true);
    });

    it('rebuilds the index aside and swaps it in', async () => {
      async function* batches() {
        yield all.slice(0, 3);
        yield all.slice(3);
      }
      expect(await engine.rebuild(batches())).toEqual({ documents: all.length });
      expect((await search('')).total).toBe(6);
      expect(ids(await search('comunita'))).toEqual([comunita.id]);
      expect((await engine.health()).ok).toBe(true);
    });
  });
}
