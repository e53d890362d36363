import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ResultOf } from '../../app/graphql';
import type { LoginMutation } from './session.queries';

type UserError = NonNullable<ResultOf<typeof LoginMutation>['login']>['userErrors'][number];
export type UserErrorCode = UserError['code'];

// Typed against the schema's enum, so a code the API adds fails the typecheck until it has words.
export const USER_ERROR_MESSAGES: Record<UserErrorCode, string> = {
  CAPACITY_FULL: 'session.userError.CAPACITY_FULL',
  CONFLICT: 'session.userError.CONFLICT',
  INVALID: 'session.userError.INVALID',
  INVALID_CREDENTIALS: 'session.userError.INVALID_CREDENTIALS',
  INVALID_STATE: 'session.userError.INVALID_STATE',
  INVALID_TOKEN: 'session.userError.INVALID_TOKEN',
  OUT_OF_RANGE: 'session.userError.OUT_OF_RANGE',
  REQUIRED: 'session.userError.REQUIRED',
  TAKEN: 'session.userError.TAKEN',
  TOO_LONG: 'session.userError.TOO_LONG',
  TOO_SHORT: 'session.userError.TOO_SHORT',
  WEAK_PASSWORD: 'session.userError.WEAK_PASSWORD',
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
    const name = error.field?.[0] === 'input' ? error.field[1] : error.field?.[0];
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
