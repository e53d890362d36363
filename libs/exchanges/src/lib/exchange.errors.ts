import { UserError, UserErrorCode } from '@bottega/core';
import { ExchangeStatus } from './exchange.enums';

/** Why an exchange that is over changes no more. */
export function over(status: ExchangeStatus): UserError {
  return UserError.of(
    UserErrorCode.INVALID_STATE,
    status === ExchangeStatus.CANCELLED ? 'This exchange was cancelled.' : 'This exchange has taken place.',
    ['input', 'exchangeId'],
  );
}

/** A user error that rolls back the transaction it is thrown in. */
export class Refused extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
  }
}
