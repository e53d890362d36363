import { GLOSSARY, parseGlossary } from '../../../glossary/glossary';
import { meilisearchSettings, meilisearchSynonyms } from './meilisearch-settings';
import { ENGLISH_STOP_WORDS, ITALIAN_STOP_WORDS } from './meilisearch-stop-words';

const glossary = parseGlossary({
  groups: [
    { terms: ['anziani', 'terza età', 'elderly'], note: 'older people' },
    { terms: ['comunità', 'community'], note: 'the place and the people' },
  ],
  oneWay: [{ from: 'badante', to: ['assistente familiare'] }],
});

describe('meilisearchSettings', () => {
  const settings = meilisearchSettings(glossary);

  it('ranks title over summary over body over tags and skills', () => {
    expect(settings.searchableAttributes).toEqual(['title', 'summary', 'body', 'tags', 'skills', 'places']);
  });

  it('filters on every field a search narrows by, the access slots and the id used to read versions', () => {
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining(['type', 'territoryIds', 'tags', 'skills', 'communityId', 'authorId', 'createdAt', 'scopes', 'uid']),
    );
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(['access0', 'access1', 'access2', 'access3']));
    expect(settings.filterableAttributes).not.toContain('access4');
    expect(settings.sortableAttributes).toEqual(['createdAt', 'updatedAt']);
  });

  it('keeps the default ranking rules and breaks ties by recency', () => {
    expect(settings.rankingRules).toEqual(['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness', 'createdAt:desc']);
  });

  it('tolerates one typo from four letters and two from eight', () => {
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } });
  });

  it('carries Italian and English stop words, without words that carry meaning here', () => {
    expect(settings.stopWords).toEqual(expect.arrayContaining(['il', 'della', 'the', 'of']));
    for (const word of ['non', 'soli', 'solo', 'noi', 'over', 'casa']) expect(settings.stopWords).not.toContain(word);
    expect(new Set(settings.stopWords).size).toBe(settings.stopWords?.length);
  });

  it('is a pure function of the glossary', () => {
    expect(meilisearchSettings(glossary)).toEqual(settings);
    expect(meilisearchSettings(GLOSSARY).synonyms).not.toEqual(settings.synonyms);
  });
});

describe('meilisearchSynonyms', () => {
  const synonyms = meilisearchSynonyms(glossary);

  it('maps every term of a group to the others, with and without accents', () => {
    expect(synonyms['anziani']).toEqual(['elderly', 'terza eta', 'terza età']);
    expect(synonyms['terza età']).toEqual(['anziani', 'elderly']);
    expect(synonyms['terza eta']).toEqual(['anziani', 'elderly']);
    expect(synonyms['community']).toEqual(['comunita', 'comunità']);
    expect(synonyms['comunita']).toEqual(['community']);
  });

  it('maps a one-way rule from the broad term only', () => {
    expect(synonyms['badante']).toEqual(['assistente familiare']);
    expect(synonyms['assistente familiare']).toBeUndefined();
  });

  it('never maps a term to itself', () => {
    for (const [term, targets] of Object.entries(synonyms)) expect(targets).not.toContain(term);
  });

  it('covers every term of the real glossary', () => {
    const all = meilisearchSynonyms(GLOSSARY);
    for (const group of GLOSSARY.groups) for (const term of group.terms) expect(all[term]?.length).toBeGreaterThan(0);
  });
});

describe('stop word lists', () => {
  it('are lower case single words', () => {
    for (const word of [...ITALIAN_STOP_WORDS, ...ENGLISH_STOP_WORDS]) expect(word).toMatch(/^[a-zàèéìòù]+$/);
  });
});
