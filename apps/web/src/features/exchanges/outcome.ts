import type { CombinedError } from '@urql/core';
import type { UserErrorCode } from '../../ui/form-errors';

/** What a mutation came to, as the forms and buttons of this feature show it. */
export type MutationOutcome =
  | { kind: 'done' }
  | { kind: 'userErrors'; errors: readonly { code: UserErrorCode; field?: readonly string[] | null }[] }
  | { kind: 'forbidden' }
  | { kind: 'network' };

/** Reads a mutation's result: its payload's user errors, a refusal (FORBIDDEN), or a failure. */
export function outcomeOf(
  result: { error?: CombinedError | undefined },
  payload: { userErrors: readonly { code: UserErrorCode; field?: readonly string[] | null }[] } | null | undefined,
): MutationOutcome {
  if (!payload) {
    const forbidden = result.error?.graphQLErrors.some((error) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(String(error.extensions['code'])));
    return { kind: forbidden ? 'forbidden' : 'network' };
  }
  if (payload.userErrors.length > 0) return { kind: 'userErrors', errors: payload.userErrors };
  return { kind: 'done' };
}

/** A mutation's result whose payload is aliased `result`, as every mutation of this feature is. */
export interface ResultLike {
  error?: CombinedError | undefined;
  data?: { result?: { userErrors: readonly { code: UserErrorCode; field?: readonly string[] | null }[] } | null } | undefined;
}
