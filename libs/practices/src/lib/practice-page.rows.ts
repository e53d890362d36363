import type { RequestContext } from '@bottega/core';
import type { Community } from '@bottega/forum';
import { User, type UserEntity, type UserLoaders } from '@bottega/identity';
import { Territory, type TerritoryLoaders } from '@bottega/territories';

/**
 * The people, places and community a practice page shows, read as plain
 * JSON rows inside the practice's own statements (the practice, its
 * adoptions, its comments): the practice's authors and territories are
 * handed to the identity and territory loaders, those of a page of adoptions
 * or comments go with each item, so that their fields answer at once: no
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

/** The user read with {@link userJsonSql}, as the API shows them (null stays null: an account removed). */
export const userOf = (json: UserJson | null): User | null => (json ? User.from(userRow(json)) : null);

/** The territory read with {@link territoryJsonSql}, as the API shows it. */
export const territoryOf = (json: TerritoryJson | null): Territory | null => (json ? Territory.from(territoryRow(json)) : null);

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
