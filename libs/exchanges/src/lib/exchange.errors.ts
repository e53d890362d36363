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

/** The user error a transaction was rolled back with (a {@link Refused}), or null when it committed; any other error passes. */
export async function refusal(transaction: Promise<unknown>): Promise<UserError | null> {
  try {
    await transaction;
    return null;
  } catch (error) {
    if (error instanceof Refused) return error.userError;
    throw error;
  }
}
