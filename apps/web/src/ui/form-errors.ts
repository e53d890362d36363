import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { graphql, type ResultOf } from '../app/graphql';

/** The fields every mutation payload's `userErrors` carries; spread it in a mutation's selection. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError @_unmask {
    code
    field
    message
  }
`);

export type UserErrorCode = ResultOf<typeof UserErrorFields>['code'];

// Typed against the schema's enum, so a code the API adds fails the typecheck until it has words.
export const USER_ERROR_MESSAGES: Record<UserErrorCode, string> = {
  CAPACITY_FULL: 'ui.userError.CAPACITY_FULL',
  CONFLICT: 'ui.userError.CONFLICT',
  INVALID: 'ui.userError.INVALID',
  INVALID_CREDENTIALS: 'ui.userError.INVALID_CREDENTIALS',
  INVALID_STATE: 'ui.userError.INVALID_STATE',
  INVALID_TOKEN: 'ui.userError.INVALID_TOKEN',
  OUT_OF_RANGE: 'ui.userError.OUT_OF_RANGE',
  REQUIRED: 'ui.userError.REQUIRED',
  TAKEN: 'ui.userError.TAKEN',
  TOO_LONG: 'ui.userError.TOO_LONG',
  TOO_SHORT: 'ui.userError.TOO_SHORT',
  WEAK_PASSWORD: 'ui.userError.WEAK_PASSWORD',
};

/**
 * Puts each of the API's user errors next to its field (`["input", "<field>", …]`), as a message
 * id in the reader's language; returns the ones no field of this form owns.
 */
export function applyUserErrors<T extends FieldValues>(
  errors: readonly { code: UserErrorCode; field?: readonly string[] | null }[],
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): UserErrorCode[] {
  const rest: UserErrorCode[] = [];
  let focused = false;
  for (const error of errors) {
    const name = fieldNameOf(error);
    const field = fields.find((candidate) => candidate === name);
    if (field) {
      setError(field, { type: 'server', message: USER_ERROR_MESSAGES[error.code] }, { shouldFocus: !focused });
      focused = true;
    } else {
      rest.push(error.code);
    }
  }
  return rest;
}

/** The input field a user error is about: `["input", "<field>", …]` or `["<field>"]`. */
function fieldNameOf(error: { field?: readonly string[] | null }): string | undefined {
  return error.field?.[0] === 'input' ? error.field[1] : error.field?.[0];
}

/** For forms without react-hook-form: the first user error of each of `fields`, and the others. */
export function errorsByField<E extends { field?: readonly string[] | null }>(errors: readonly E[], fields: readonly string[]) {
  const byField: Record<string, E> = {};
  const rest: E[] = [];
  for (const error of errors) {
    const name = fieldNameOf(error);
    if (name && fields.includes(name) && !byField[name]) byField[name] = error;
    else rest.push(error);
  }
  return { byField, rest };
}

/** A failed request's error, as urql reports it. */
type RequestError = { readonly graphQLErrors: readonly { readonly extensions?: Readonly<Record<string, unknown>> }[] };

/** The code the API refused a request with (FORBIDDEN, NOT_FOUND…); undefined when it went unanswered. */
export function errorCode(error: RequestError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.['code'];
  return typeof code === 'string' ? code : undefined;
}
