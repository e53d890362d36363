import { SIGNED_IN, type Principals } from '@bottega/core';
import { ExchangeStatus, RegistrationStatus } from './exchange.enums';
import type { ExchangeRow } from './exchange.repository';

/** How long after an exchange ends its attendees may still give (and edit) feedback, unless its managers close it sooner. */
export const FEEDBACK_DAYS = 30;
const DAY = 24 * 3600 * 1000;

type Exchange = Pick<ExchangeRow, 'status' | 'startsAt' | 'endsAt'> & { feedbackClosedAt: Date | null };

/** Whether it has started and was neither a draft nor cancelled: attendance is recorded from then on. */
export const hasStarted = (exchange: Exchange, now: Date): boolean =>
  exchange.status !== ExchangeStatus.DRAFT && exchange.status !== ExchangeStatus.CANCELLED && exchange.startsAt.getTime() <= now.getTime();

/** Whether it took place (completed, or ended and neither a draft nor cancelled): outcomes are recorded from then on. */
export const tookPlace = (exchange: Exchange, now: Date): boolean =>
  exchange.status === ExchangeStatus.COMPLETED ||
  (exchange.status !== ExchangeStatus.DRAFT && exchange.status !== ExchangeStatus.CANCELLED && exchange.endsAt.getTime() <= now.getTime());

/** When feedback closes (closed already, or {@link FEEDBACK_DAYS} after the end); null for an exchange that will not take place. */
export function feedbackClosesAt(exchange: Exchange): Date | null {
  if (exchange.status === ExchangeStatus.DRAFT || exchange.status === ExchangeStatus.CANCELLED) return null;
  const due = new Date(exchange.endsAt.getTime() + FEEDBACK_DAYS * DAY);
  return exchange.feedbackClosedAt && exchange.feedbackClosedAt < due ? exchange.feedbackClosedAt : due;
}

/** Whether feedback is still taken now. */
export function feedbackOpen(exchange: Exchange, now: Date): boolean {
  const closes = feedbackClosesAt(exchange);
  return closes !== null && exchange.feedbackClosedAt === null && now.getTime() < closes.getTime();
}

/** `viewerCanGiveFeedback`: signed in, attended, and feedback is open. */
export function canGiveFeedback(principals: Principals, exchange: Exchange, registration: { status: string } | null, now: Date): boolean {
  return principals.userId !== null && principals.has(SIGNED_IN) && registration?.status === RegistrationStatus.ATTENDED && feedbackOpen(exchange, now);
}
