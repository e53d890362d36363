import { COORDINATOR, SIGNED_IN, STAFF, UserError, UserErrorCode, type Principals } from '@bottega/core';
import { ExchangeStatus, RegistrationStatus } from './exchange.enums';
import type { ExchangeRow } from './exchange.repository';
import type { RegistrationRow } from './registration.repository';

/** Statuses in which an exchange is still edited, its capacity changed and its registrations cancelled. */
export const LIVE: readonly ExchangeStatus[] = [ExchangeStatus.DRAFT, ExchangeStatus.OPEN, ExchangeStatus.CLOSED];

type Exchange = Pick<ExchangeRow, 'communityId' | 'projectLeadIds' | 'hostIds' | 'status' | 'registrationDeadline'>;

/**
 * Who runs an exchange: the coordinators of its host community, the leads of
 * its host project's team, and staff. The same rule guards every managing
 * mutation and answers `viewerCanManage`.
 */
export function canManage(principals: Principals, exchange: Pick<Exchange, 'communityId' | 'projectLeadIds'>): boolean {
  return (
    principals.holds(COORDINATOR, exchange.communityId) ||
    principals.has(STAFF) ||
    (principals.userId !== null && principals.has(SIGNED_IN) && exchange.projectLeadIds.includes(principals.userId))
  );
}

/** Who is told where it takes place: its managers, its hosts and those who hold a seat. */
export function canSeePlace(principals: Principals, exchange: Exchange, registration: Pick<RegistrationRow, 'status'> | null): boolean {
  if (canManage(principals, exchange)) return true;
  if (principals.userId === null || !principals.has(SIGNED_IN)) return false;
  return (
    exchange.hostIds.includes(principals.userId) ||
    registration?.status === RegistrationStatus.REGISTERED ||
    registration?.status === RegistrationStatus.ATTENDED
  );
}

/** Whether the registration keeps or waits for a seat. */
export const isActive = (registration: Pick<RegistrationRow, 'status'> | null): boolean =>
  registration?.status === RegistrationStatus.REGISTERED || registration?.status === RegistrationStatus.WAITLISTED;

/** Why the person may not register now, or null when they may. */
export function registrationRefusal(
  exchange: Pick<Exchange, 'status'>,
  deadlinePassed: boolean,
  registration: Pick<RegistrationRow, 'status'> | null,
): UserError | null {
  const field = ['input', 'exchangeId'];
  switch (exchange.status) {
    case ExchangeStatus.OPEN:
      break;
    case ExchangeStatus.DRAFT:
      return UserError.of(UserErrorCode.INVALID_STATE, 'Registrations to this exchange are not open yet.', field);
    case ExchangeStatus.CLOSED:
      return UserError.of(UserErrorCode.INVALID_STATE, 'Registrations to this exchange are closed.', field);
    case ExchangeStatus.COMPLETED:
      return UserError.of(UserErrorCode.INVALID_STATE, 'This exchange has taken place.', field);
    case ExchangeStatus.CANCELLED:
      return UserError.of(UserErrorCode.INVALID_STATE, 'This exchange was cancelled.', field);
  }
  if (deadlinePassed) return UserError.of(UserErrorCode.INVALID_STATE, 'The registration deadline has passed.', field);
  if (registration?.status === RegistrationStatus.REGISTERED) {
    return UserError.of(UserErrorCode.INVALID_STATE, 'You are already registered to this exchange.', field);
  }
  if (registration?.status === RegistrationStatus.WAITLISTED) {
    return UserError.of(UserErrorCode.INVALID_STATE, 'You are already on the waitlist of this exchange.', field);
  }
  return null;
}

/** `viewerCanRegister`: signed in, and {@link registrationRefusal} has nothing to say now. */
export function canRegister(principals: Principals, exchange: Exchange, registration: Pick<RegistrationRow, 'status'> | null, now: Date): boolean {
  return principals.userId !== null && principals.has(SIGNED_IN) && registrationRefusal(exchange, now > exchange.registrationDeadline, registration) === null;
}
