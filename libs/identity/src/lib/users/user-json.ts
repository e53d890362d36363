import type { RequestContext } from '@bottega/core';
import type { UserEntity } from './user.entity';
import type { UserLoaders } from './user.loaders';
import { User } from './user.model';

/**
 * An account read as one JSON value inside another feature's statement (a
 * page's authors, with the page), so that it needs no statement of its own
 * and no entity hydration. The columns are those the user loader's rows
 * carry (never the password hash), so a field reads alike whichever way its
 * row came.
 */
export type UserJson = { [K in 'id' | 'email' | 'handle' | 'displayName' | 'role']: UserEntity[K] } & {
  suspendedAt: string | null;
  suspendedUntil: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The account `alias` (of `app_user`) as one {@link UserJson} value. */
export const userJsonSql = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'email', ${alias}.email, 'handle', ${alias}.handle, 'displayName', ${alias}.display_name,
     'role', ${alias}.role, 'suspendedAt', ${alias}.suspended_at, 'suspendedUntil', ${alias}.suspended_until,
     'createdAt', ${alias}.created_at, 'updatedAt', ${alias}.updated_at)`;

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

/** The loader's row for an account read with {@link userJsonSql}. */
export function userRowOf(json: UserJson): UserEntity {
  return {
    ...json,
    suspendedAt: date(json.suspendedAt),
    suspendedUntil: date(json.suspendedUntil),
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
  } as UserEntity;
}

/** The account read with {@link userJsonSql}, as the API shows it (null stays null: an account removed). */
export const userOf = (json: UserJson | null): User | null => (json ? User.from(userRowOf(json)) : null);

/** Hands accounts read with {@link userJsonSql} to this request's user loader (a key it already holds stays as it is). */
export function primeUsers(context: RequestContext, loaders: UserLoaders, users: readonly (UserJson | null)[]): void {
  const byId = context.loaders.get(loaders.byId);
  for (const user of users) if (user) byId.prime(user.id, userRowOf(user));
}
