import type { SearchFilter, SearchType } from '../search-engine';
import { ACCESS_SLOTS } from './meilisearch-settings';

/**
 * A value as a Meilisearch filter string literal: in double quotes, with
 * backslashes and double quotes escaped, so that whatever a user typed stays
 * one value and can never close the literal and add a condition. Meilisearch
 * reads every other character inside the quotes as itself.
 */
export function quote(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function anyOf(field: string, values: readonly string[]): string {
  return `${field} IN [${values.map(quote).join(', ')}]`;
}

function epoch(date: Date, name: string): number {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new RangeError(`filter.${name} is not a valid date`);
  return time;
}

/**
 * What a reader may find: each access slot shares a principal with theirs
 * (slots a document does not use hold `everyone`, which every reader holds).
 */
export function accessFilter(principals: readonly string[]): string {
  if (principals.length === 0) throw new RangeError('a reader holds at least the "everyone" principal');
  return ACCESS_SLOTS.map((slot) => anyOf(slot, principals)).join(' AND ');
}

/** The Meilisearch filter for a search: the reader's access, then the user's filter; conditions are ANDed. */
export function searchFilter(filter: SearchFilter, principals: readonly string[]): string {
  const conditions = [accessFilter(principals)];
  if (filter.types !== undefined && filter.types.length > 0) conditions.push(anyOf('type', filter.types));
  if (filter.territoryIds !== undefined && filter.territoryIds.length > 0) conditions.push(anyOf('territoryIds', filter.territoryIds));
  if (filter.tags !== undefined && filter.tags.length > 0) conditions.push(anyOf('tags', filter.tags));
  if (filter.communityIds !== undefined && filter.communityIds.length > 0) conditions.push(anyOf('communityId', filter.communityIds));
  if (filter.authorId !== undefined) conditions.push(`authorId = ${quote(filter.authorId)}`);
  if (filter.from !== undefined) conditions.push(`createdAt >= ${epoch(filter.from, 'from')}`);
  if (filter.to !== undefined) conditions.push(`createdAt < ${epoch(filter.to, 'to')}`);
  return conditions.join(' AND ');
}

/** The filter for "similar" suggestions: the reader's access and the kinds asked for. */
export function similarFilter(types: readonly SearchType[], principals: readonly string[]): string {
  const conditions = [accessFilter(principals)];
  if (types.length > 0) conditions.push(anyOf('type', types));
  return conditions.join(' AND ');
}

/** Documents among these Meilisearch ids. */
export function uidFilter(uids: readonly string[]): string {
  return anyOf('uid', uids);
}

/** Documents naming `scope` among their scopes. */
export function scopeFilter(scope: string): string {
  return `scopes = ${quote(scope)}`;
}
