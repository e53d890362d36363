import type { Settings } from 'meilisearch';
import { foldTerm, GLOSSARY, type Glossary } from '../../../glossary/glossary';
import { MAX_ACCESS_CLAUSES } from '../search-engine';
import { ENGLISH_STOP_WORDS, ITALIAN_STOP_WORDS } from './meilisearch-stop-words';

/** The filterable fields holding a document's access clauses, one per clause. */
export const ACCESS_SLOTS: readonly string[] = Array.from({ length: MAX_ACCESS_CLAUSES }, (_, index) => `access${index}`);

/** Beyond this many matches Meilisearch stops counting; totals and the last pages are capped there. */
export const MAX_TOTAL_HITS = 10_000;

/**
 * The index settings, a pure function of the glossary: applied as a whole
 * at start, so a changed glossary reaches the index with the next deploy.
 */
export function meilisearchSettings(glossary: Glossary = GLOSSARY): Settings {
  return {
    // Order is rank: a match in the title outweighs one in the summary, and so on.
    searchableAttributes: ['title', 'summary', 'body', 'tags', 'skills', 'places'],
    displayedAttributes: ['*'],
    filterableAttributes: [
      'uid',
      'type',
      'territoryIds',
      'tags',
      'skills',
      'communityId',
      'authorId',
      'createdAt',
      'scopes',
      ...ACCESS_SLOTS,
    ],
    sortableAttributes: ['createdAt', 'updatedAt'],
    rankingRules: ['words', 'typo', 'proximity', 'attributeRank', 'sort', 'wordPosition', 'exactness', 'createdAt:desc'],
    stopWords: stopWords(),
    synonyms: meilisearchSynonyms(glossary),
    typoTolerance: {
      enabled: true,
      // "anzaini" (7 letters) finds "anziani"; "cooperativa socilae" finds "sociale".
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}

function stopWords(): string[] {
  return [...new Set([...ITALIAN_STOP_WORDS, ...ENGLISH_STOP_WORDS])].sort();
}

/**
 * The glossary as Meilisearch synonyms. Meilisearch looks synonyms up by the
 * query's words as typed (lower-cased), so every term is listed both as
 * written and with accents folded: "terza eta" must expand like "terza età".
 * Group terms map to each other; a one-way rule maps its broad term to the
 * narrow ones only.
 */
export function meilisearchSynonyms(glossary: Glossary = GLOSSARY): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (foldTerm(from) === foldTerm(to)) return;
    for (const key of spellings(from)) {
      const targets = synonyms.get(key) ?? new Set<string>();
      for (const target of spellings(to)) targets.add(target);
      synonyms.set(key, targets);
    }
  };
  for (const group of glossary.groups) for (const from of group.terms) for (const to of group.terms) add(from, to);
  for (const rule of glossary.oneWay) for (const to of rule.to) add(rule.from, to);
  return Object.fromEntries([...synonyms].sort(([a], [b]) => a.localeCompare(b)).map(([key, targets]) => [key, [...targets].sort()]));
}

function spellings(term: string): string[] {
  const written = term.toLowerCase().replace(/\s+/g, ' ').trim();
  const folded = foldTerm(term);
  return written === folded ? [written] : [written, folded];
}
