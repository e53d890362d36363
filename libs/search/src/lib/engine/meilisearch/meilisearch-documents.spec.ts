import type { IndexedDocument } from '../search-engine';
import { SearchEngineError } from '../search-engine.error';
import { fromMeilisearchDocument, toMeilisearchDocument, uidOfKey } from './meilisearch-documents';

const id = '0b7c6a52-4f7e-4d8e-9b0a-2f6f3c1d9e11';

function document(overrides: Partial<IndexedDocument> = {}): IndexedDocument {
  return {
    key: `Thread:${id}`,
    type: 'Thread',
    id,
    version: 7,
    title: 'Anziani soli in città',
    summary: 'Un <b>riassunto</b>',
    body: 'Come rompere l’isolamento',
    language: 'it',
    authorId: 'a1',
    communityId: 'c1',
    territoryIds: ['lombardia', 'lecco'],
    places: ['Lombardia', 'Lecco'],
    tags: ['anziani'],
    skills: [],
    createdAt: new Date('2026-03-01T10:00:00.000Z'),
    updatedAt: new Date('2026-03-02T10:00:00.000Z'),
    access: [['community:c1:member', 'role:admin'], ['user:a1', 'visible']],
    scopes: [`Thread:${id}`, 'Community:c1'],
    ...overrides,
  };
}

describe('toMeilisearchDocument', () => {
  it('names the document <type>-<id>, stores dates as epoch milliseconds and access in fixed slots', () => {
    const stored = toMeilisearchDocument(document());
    expect(stored).toEqual({
      uid: `Thread-${id}`,
      type: 'Thread',
      id,
      version: 7,
      title: 'Anziani soli in città',
      summary: 'Un <b>riassunto</b>',
      body: 'Come rompere l’isolamento',
      language: 'it',
      authorId: 'a1',
      communityId: 'c1',
      territoryIds: ['lombardia', 'lecco'],
      places: ['Lombardia', 'Lecco'],
      tags: ['anziani'],
      skills: [],
      createdAt: Date.parse('2026-03-01T10:00:00.000Z'),
      updatedAt: Date.parse('2026-03-02T10:00:00.000Z'),
      access0: ['community:c1:member', 'role:admin'],
      access1: ['user:a1', 'visible'],
      access2: ['everyone'],
      access3: ['everyone'],
      accessClauses: 2,
      scopes: [`Thread:${id}`, 'Community:c1'],
    });
  });

  it('fills every slot with everyone for a public document', () => {
    const stored = toMeilisearchDocument(document({ access: [] }));
    expect([stored.access0, stored.access1, stored.access2, stored.access3]).toEqual([['everyone'], ['everyone'], ['everyone'], ['everyone']]);
  });

  it('keeps an empty clause empty: nobody may read it', () => {
    expect(toMeilisearchDocument(document({ access: [[]] })).access0).toEqual([]);
  });

  it('refuses more access clauses than slots', () => {
    const tooMany = document({ access: [['a'], ['b'], ['c'], ['d'], ['e']] });
    expect(() => toMeilisearchDocument(tooMany)).toThrow(SearchEngineError);
    expect(() => toMeilisearchDocument(tooMany)).toThrow(/5 access clauses/);
  });

  it('refuses ids Meilisearch would reject, and keys that do not match type and id', () => {
    expect(() => toMeilisearchDocument(document({ id: 'a b', key: 'Thread:a b' }))).toThrow(SearchEngineError);
    expect(() => toMeilisearchDocument(document({ id: 'x"y', key: 'Thread:x"y' }))).toThrow(/cannot be a Meilisearch document id/);
    expect(() => toMeilisearchDocument(document({ key: 'Post:1' }))).toThrow(/is not "Thread:/);
    expect(() => toMeilisearchDocument(document({ createdAt: new Date('nope') }))).toThrow(/invalid createdAt/);
  });

  it('strips the highlight sentinels from the text so content cannot fake a match', () => {
    const stored = toMeilisearchDocument(document({ title: 'a\u0001b\u0002c', summary: null, body: '\u0001x' }));
    expect([stored.title, stored.summary, stored.body]).toEqual(['a b c', null, ' x']);
  });
});

describe('fromMeilisearchDocument', () => {
  it('reads back what was stored', () => {
    for (const access of [[], [['p']], [['everyone']], [['a'], ['b'], ['c'], ['d']]]) {
      const original = document({ access });
      expect(fromMeilisearchDocument(toMeilisearchDocument(original))).toEqual(original);
    }
    const withoutSummary = document({ summary: null, authorId: null, communityId: null });
    expect(fromMeilisearchDocument(toMeilisearchDocument(withoutSummary))).toEqual(withoutSummary);
  });
});

describe('uidOfKey', () => {
  it('turns a key into the Meilisearch id', () => {
    expect(uidOfKey(`CompetenceProfile:${id}`)).toBe(`CompetenceProfile-${id}`);
    expect(() => uidOfKey('no-colon')).toThrow(SearchEngineError);
    expect(() => uidOfKey(':1')).toThrow(SearchEngineError);
  });
});
