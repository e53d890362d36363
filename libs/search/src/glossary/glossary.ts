// The terms live in glossary.data.json, not glossary.json: under a require hook (npm run dev, bench) Node resolves
// `./glossary` to a .json file before a .ts one, and importers of this module would get the raw data.
import data from './glossary.data.json';

/** Words that mean the same here: a search for any of them finds the others. */
export interface GlossaryGroup {
  terms: string[];
  /** Why they are equivalent, for the reviewer. */
  note: string;
  /** Terms that also belong to another group on purpose (each such group lists them). */
  shared?: string[];
}

/** A broader word that should find the narrower ones, never the reverse. */
export interface GlossaryOneWay {
  from: string;
  to: string[];
  note?: string;
}

export interface Glossary {
  groups: GlossaryGroup[];
  oneWay: GlossaryOneWay[];
}

export class GlossaryError extends Error {
  override readonly name = 'GlossaryError';
}

/**
 * A term as the engines compare it: accents stripped (they index "comunita"
 * and "comunità" alike), typographic apostrophes straightened, spaces
 * collapsed, lower case.
 */
export function foldTerm(term: string): string {
  return term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const MAX_TERM_LENGTH = 60;

/** Validates glossary data (the JSON file, or a test's); throws {@link GlossaryError} naming the first problem. */
export function parseGlossary(input: unknown): Glossary {
  const root = record(input, 'the glossary');
  onlyKeys(root, ['groups', 'oneWay'], 'the glossary');
  const groups = list(root['groups'], 'groups').map((raw, index) => parseGroup(raw, `groups[${index}]`));
  const oneWay = list(root['oneWay'] ?? [], 'oneWay').map((raw, index) => parseOneWay(raw, `oneWay[${index}]`));

  // A folded term belongs to one group, unless every group holding it says it shares it.
  const owners = new Map<string, number[]>();
  groups.forEach((group, index) => {
    for (const term of group.terms) owners.set(foldTerm(term), [...(owners.get(foldTerm(term)) ?? []), index]);
  });
  for (const [term, indexes] of owners) {
    if (indexes.length < 2) continue;
    const undeclared = indexes.filter((index) => !(groups[index]?.shared ?? []).map(foldTerm).includes(term));
    if (undeclared.length > 0) {
      throw new GlossaryError(`"${term}" is in groups ${indexes.join(' and ')}; list it under "shared" in each if that is deliberate`);
    }
  }
  groups.forEach((group, index) => {
    for (const term of group.shared ?? []) {
      if ((owners.get(foldTerm(term)) ?? []).length < 2) throw new GlossaryError(`groups[${index}] shares "${term}", which no other group holds`);
    }
  });

  const sources = new Set<string>();
  oneWay.forEach((rule, index) => {
    const from = foldTerm(rule.from);
    if (sources.has(from)) throw new GlossaryError(`oneWay[${index}]: "${rule.from}" already has a one-way rule`);
    sources.add(from);
    const fromGroups = owners.get(from) ?? [];
    for (const target of rule.to) {
      if ((owners.get(foldTerm(target)) ?? []).some((group) => fromGroups.includes(group))) {
        throw new GlossaryError(`oneWay[${index}]: "${rule.from}" and "${target}" are already equivalent in one group`);
      }
    }
  });
  return { groups, oneWay };
}

function parseGroup(raw: unknown, where: string): GlossaryGroup {
  const group = record(raw, where);
  onlyKeys(group, ['terms', 'note', 'shared'], where);
  const terms = termList(group['terms'], `${where}.terms`);
  if (terms.length < 2) throw new GlossaryError(`${where}.terms: a group needs at least two terms`);
  const note = group['note'];
  if (typeof note !== 'string' || note.trim() === '') throw new GlossaryError(`${where}.note: say why these terms are equivalent`);
  const parsed: GlossaryGroup = { terms, note };
  if (group['shared'] !== undefined) {
    const shared = termList(group['shared'], `${where}.shared`);
    for (const term of shared) {
      if (!terms.some((own) => foldTerm(own) === foldTerm(term))) throw new GlossaryError(`${where}.shared: "${term}" is not one of its terms`);
    }
    parsed.shared = shared;
  }
  return parsed;
}

function parseOneWay(raw: unknown, where: string): GlossaryOneWay {
  const rule = record(raw, where);
  onlyKeys(rule, ['from', 'to', 'note'], where);
  const from = term(rule['from'], `${where}.from`);
  const to = termList(rule['to'], `${where}.to`);
  if (to.length === 0) throw new GlossaryError(`${where}.to: name at least one narrower term`);
  if (to.some((target) => foldTerm(target) === foldTerm(from))) throw new GlossaryError(`${where}.to: "${from}" cannot expand to itself`);
  const note = rule['note'];
  if (note !== undefined && (typeof note !== 'string' || note.trim() === '')) throw new GlossaryError(`${where}.note: a note is text`);
  return note === undefined ? { from, to } : { from, to, note };
}

/** A list of distinct terms (distinct also once accents are stripped). */
function termList(raw: unknown, where: string): string[] {
  const terms = list(raw, where).map((item, index) => term(item, `${where}[${index}]`));
  const seen = new Set<string>();
  for (const item of terms) {
    if (seen.has(foldTerm(item))) throw new GlossaryError(`${where}: "${item}" appears twice`);
    seen.add(foldTerm(item));
  }
  return terms;
}

function term(raw: unknown, where: string): string {
  if (typeof raw !== 'string') throw new GlossaryError(`${where}: a term is a string`);
  if (raw.trim() === '') throw new GlossaryError(`${where}: a term cannot be empty`);
  if (raw !== raw.trim() || /\s{2,}/.test(raw)) throw new GlossaryError(`${where}: "${raw}" has stray spaces`);
  if (raw !== raw.toLowerCase()) throw new GlossaryError(`${where}: "${raw}" must be lower case`);
  if (/[\u2018\u2019]/.test(raw)) throw new GlossaryError(`${where}: "${raw}" uses a typographic apostrophe; write '`);
  if (raw.length > MAX_TERM_LENGTH) throw new GlossaryError(`${where}: "${raw}" is longer than ${MAX_TERM_LENGTH} characters`);
  return raw;
}

function record(raw: unknown, where: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new GlossaryError(`${where} must be an object`);
  return raw as Record<string, unknown>;
}

function list(raw: unknown, where: string): unknown[] {
  if (!Array.isArray(raw)) throw new GlossaryError(`${where} must be a list`);
  return raw;
}

function onlyKeys(value: Record<string, unknown>, allowed: string[], where: string): void {
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new GlossaryError(`${where}: unknown field "${unknown[0]}"`);
}

/** The field's bilingual glossary (`glossary.data.json`), validated once when first imported. */
export const GLOSSARY: Glossary = parseGlossary(data);

/**
 * What each term expands to, as both engines apply it: every other term of
 * its groups, plus the narrower terms of its one-way rule. Keys and values
 * are the terms as written (with accents); engines fold them as they fold text.
 */
export function glossaryExpansions(glossary: Glossary = GLOSSARY): Map<string, string[]> {
  const expansions = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (foldTerm(from) === foldTerm(to)) return;
    const set = expansions.get(from) ?? new Set<string>();
    set.add(to);
    expansions.set(from, set);
  };
  for (const group of glossary.groups) for (const from of group.terms) for (const to of group.terms) add(from, to);
  for (const rule of glossary.oneWay) for (const to of rule.to) add(rule.from, to);
  return new Map([...expansions].map(([from, to]) => [from, [...to]]));
}
