import type { UserEntity } from './user.entity';

/**
 * An account is suspended from `suspended_at` until `suspended_until` (or
 * until lifted, when it has no end). The same rule is SQL in {@link suspendedSql}.
 */
export function isSuspended(user: Pick<UserEntity, 'suspendedAt' | 'suspendedUntil'>, now = new Date()): boolean {
  return user.suspendedAt !== null && (user.suspendedUntil === null || user.suspendedUntil > now);
}

/** SQL condition "the account `alias` is suspended now" (see {@link isSuspended}). */
export function suspendedSql(alias: string): string {
  return `(${alias}.suspended_at IS NOT NULL AND (${alias}.suspended_until IS NULL OR ${alias}.suspended_until > now()))`;
}
