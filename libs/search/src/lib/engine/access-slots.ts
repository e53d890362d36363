import { EVERYONE } from '@bottega/core';
import { MAX_ACCESS_CLAUSES } from './search-engine';
import { SearchEngineError } from './search-engine.error';

/**
 * A document's access clauses as the engines store them: exactly
 * {@link MAX_ACCESS_CLAUSES} slots, those it does not use admitting
 * everyone, so one condition (a principal of the reader in every slot) reads
 * every document. Clauses are reduced first without changing who is
 * admitted: a clause nobody holds leaves only itself, and a clause that
 * holds all of another's principals adds nothing to it. More clauses than
 * slots after that cannot be stored: loud, not lost.
 */
export function accessSlots(engine: 'postgres' | 'meilisearch', key: string, access: readonly string[][]): string[][] {
  const clauses = reducedClauses(access);
  if (clauses.length > MAX_ACCESS_CLAUSES) {
    throw new SearchEngineError(engine, `${key} has ${clauses.length} access clauses; at most ${MAX_ACCESS_CLAUSES} fit the index`, {
      code: 'too_many_access_clauses',
    });
  }
  return Array.from({ length: MAX_ACCESS_CLAUSES }, (_, index) => [...(clauses[index] ?? [EVERYONE])]);
}

/** The clauses that decide who is admitted, redundant ones left out. */
export function reducedClauses(access: readonly string[][]): string[][] {
  const clauses = access.map((clause) => [...new Set(clause)].sort());
  if (clauses.some((clause) => clause.length === 0)) return [[]];
  // A clause that contains another is implied by it.
  return clauses.filter(
    (clause, index) =>
      !clauses.some(
        (other, at) => at !== index && other.length <= clause.length && other.every((name) => clause.includes(name)) && (other.length < clause.length || at < index),
      ),
  );
}
