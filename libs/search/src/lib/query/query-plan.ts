import { GLOSSARY, foldTerm, glossaryExpansions, type Glossary } from '../../glossary/glossary';

/** Words of a query beyond this are ignored: no reader types more, and each costs the engine. */
export const MAX_QUERY_WORDS = 12;
/** A word longer than this is no word (a pasted token, an attack): it is cut. */
export const MAX_WORD_LENGTH = 40;

/** One concept of the query: a word, or a glossary phrase, with what it may also be found as. */
export interface TermGroup {
  /** As typed (folded). */
  original: string;
  /** The original first, then its corrections and glossary equivalents, folded. */
  alternatives: string[];
  /**
   * How much it counts against the query's other concepts: 1, or less for
   * the verb that frames a question ("come *aprire* un emporio solidale?"),
   * which says what the reader wants to do, not what about.
   */
  weight: number;
}

/** A share of a concept's weight kept by a word that frames the query rather than says what it is about. */
export const FRAMING_WEIGHT = 0.4;

/** Words that open a question, in Italian and English. */
const INTERROGATIVES = new Set([
  'come', 'cosa', 'che', 'quale', 'quali', 'quanto', 'quanta', 'quanti', 'quante', 'dove', 'quando', 'chi', 'perche', 'serve', 'servono',
  'how', 'what', 'which', 'where', 'when', 'who', 'why', 'should', 'can', 'could', 'do', 'does', 'is', 'are',
]);

/** Verbs any question is framed with, whatever it is about. */
const FRAMING_VERBS = new Set([
  'fare', 'faccio', 'fa', 'fanno', 'facciamo', 'usare', 'uso', 'serve', 'servono', 'trovare', 'avere', 'mettere', 'iniziare', 'cominciare', 'partire',
  'gestire', 'organizzare', 'aprire', 'avviare', 'funziona', 'funzionano', 'scegliere', 'posso', 'possiamo', 'devo', 'dobbiamo',
  'do', 'does', 'make', 'use', 'find', 'get', 'start', 'run', 'set', 'need', 'work', 'works', 'choose', 'open',
]);

/** Words that say what kind of person or help is sought, not about what: "*esperto* di migranti". */
const SEEKING_WORDS = new Set([
  'esperto', 'esperta', 'esperti', 'esperte', 'specialista', 'specialisti', 'competenza', 'competenze', 'qualcuno',
  'expert', 'experts', 'specialist', 'specialists', 'expertise', 'someone',
]);

/** Whether the words read as a question: opened by an interrogative ("come", "quali", "how", "servono"). */
export function isQuestion(words: readonly string[]): boolean {
  const first = words[0];
  return first !== undefined && INTERROGATIVES.has(first);
}

/** A query as words: lower case, accents removed, split on anything that is not a letter or digit. */
export function queryWords(text: string): string[] {
  return splitWords(text)
    .slice(0, MAX_QUERY_WORDS)
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
}

function splitWords(text: string): string[] {
  return foldTerm(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The glossary as the planner reads it: each term (folded) to its
 * equivalents (folded), and the longest term in words.
 */
export class QueryGlossary {
  private readonly expansions = new Map<string, string[]>();
  readonly longestTerm: number;

  constructor(glossary: Glossary = GLOSSARY) {
    for (const [from, to] of glossaryExpansions(glossary)) {
      // Read as a query is read, so "co-programming" and "valutazione d'impatto" match what is typed.
      const key = splitWords(from).join(' ');
      this.expansions.set(key, unique([...(this.expansions.get(key) ?? []), ...to.map(foldTerm)]));
    }
    this.longestTerm = Math.max(1, ...[...this.expansions.keys()].map((term) => term.split(' ').length));
  }

  equivalents(term: string): string[] | undefined {
    return this.expansions.get(term);
  }
}

/**
 * The concepts of a query: glossary phrases matched longest first ("anziani
 * soli" is one concept, found also as "terza età" or "loneliness"), the
 * other words alone. `corrections` are the likely intended words for words
 * no document uses ("anzaini" → "anziani"): phrases are matched on them, and
 * each word may also be found as them.
 */
export function planQuery(words: readonly string[], glossary: QueryGlossary, corrections: ReadonlyMap<string, string[]> = new Map()): TermGroup[] {
  // Each position reads as the word itself, or as its best correction when no document uses it.
  const readings = words.map((word) => [word, ...(corrections.get(word) ?? [])]);
  const groups: TermGroup[] = [];
  const question = isQuestion(words);
  let at = 0;
  while (at < words.length) {
    const matched = longestPhrase(readings, at, glossary);
    if (matched) {
      groups.push({ original: words.slice(at, at + matched.length).join(' '), alternatives: unique([matched.phrase, ...matched.equivalents]), weight: 1 });
      at += matched.length;
      continue;
    }
    const word = words[at] ?? '';
    const reading = readings[at] ?? [word];
    const equivalents = reading.flatMap((option) => glossary.equivalents(option) ?? []);
    groups.push({ original: word, alternatives: unique([...reading, ...equivalents]), weight: SEEKING_WORDS.has(word) || (question && FRAMING_VERBS.has(word)) ? FRAMING_WEIGHT : 1 });
    at += 1;
  }
  return groups;
}

function longestPhrase(
  readings: readonly string[][],
  at: number,
  glossary: QueryGlossary,
): { phrase: string; length: number; equivalents: string[] } | null {
  for (let length = Math.min(glossary.longestTerm, readings.length - at); length >= 2; length--) {
    for (const phrase of phrases(readings.slice(at, at + length))) {
      const equivalents = glossary.equivalents(phrase);
      if (equivalents) return { phrase, length, equivalents };
    }
  }
  return null;
}

/** Every phrase the readings spell, the words as typed first. */
function phrases(readings: readonly string[][]): string[] {
  return readings.reduce<string[]>((prefixes, options) => prefixes.flatMap((prefix) => options.map((word) => (prefix ? `${prefix} ${word}` : word))), ['']);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
