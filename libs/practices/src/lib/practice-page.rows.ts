import type { RequestContext } from '@bottega/core';
import type { Community } from '@bottega/forum';
import type { User, UserEntity, UserLoaders } from '@bottega/identity';
import type { Territory, TerritoryLoaders } from '@bottega/territories';

/**
 * The people, places and community a practice page shows, read as plain
 * JSON rows inside the practice's own statements (the practice, its
 * adoptions, its comments); people and places are handed to the identity and
 * territory loaders, so that their fields answer from the cache: no
 * statement of their own, no entity hydration. The columns are those the
 * loaders' own rows carry, so a field reads alike whichever way its row came.
 */
export type UserJson = { [K in 'id' | 'email' | 'handle' | 'displayName' | 'role']: UserEntity[K] } & {
  suspendedAt: string | null;
  suspendedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

type TerritoryRow = Parameters<typeof Territory.from>[0];
export type TerritoryJson = Omit<TerritoryRow, 'createdAt'> & { createdAt: string };

/** The user `alias` as one JSON value (never the password hash). */
export const userJsonSql = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'email', ${alias}.email, 'handle', ${alias}.handle, 'displayName', ${alias}.display_name,
     'role', ${alias}.role, 'suspendedAt', ${alias}.suspended_at, 'suspendedUntil', ${alias}.suspended_until,
     'createdAt', ${alias}.created_at, 'updatedAt', ${alias}.updated_at)`;

/** The territory `alias` as one JSON value. */
export const territoryJsonSql = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'istatCode', ${alias}.istat_code, 'name', ${alias}.name,
     'level', ${alias}.level, 'parentId', ${alias}.parent_id, 'path', ${alias}.path::text, 'createdAt', ${alias}.created_at)`;

type CommunityRow = Parameters<typeof Community.from>[0];
/** A community as the forum reads it (its `communityColumns`), through JSON. */
export type CommunityJson = Omit<CommunityRow, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

/** The community row, its dates as dates again. */
export const communityRow = (json: CommunityJson): CommunityRow => ({ ...json, createdAt: new Date(json.createdAt), updatedAt: new Date(json.updatedAt) });

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

function userRow(json: UserJson): Parameters<typeof User.from>[0] {
  return {
    ...json,
    suspendedAt: date(json.suspendedAt),
    suspendedUntil: date(json.suspendedUntil),
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
  } as UserEntity;
}

const territoryRow = (json: TerritoryJson): TerritoryRow => ({ ...json, createdAt: new Date(json.createdAt) });

/** Hands users read with {@link userJsonSql} to this request's user loader (a key it already holds stays as it is). */
export function primeUsers(context: RequestContext, loaders: UserLoaders, users: readonly (UserJson | null)[]): void {
  const byId = context.loaders.get(loaders.byId);
  for (const user of users) if (user) byId.prime(user.id, userRow(user));
}

/** Hands territories read with {@link territoryJsonSql} to this request's territory loader. */
export function primeTerritories(context: RequestContext, loaders: TerritoryLoaders, territories: readonly (TerritoryJson | null)[]): void {
  const byId = context.loaders.get(loaders.byId);
  for (const territory of territories) if (territory) byId.prime(territory.id, territoryRow(territory));
}
