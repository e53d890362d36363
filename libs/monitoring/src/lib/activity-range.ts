import { BadInputError, isIsoDate } from '@bottega/core';
import { ActivityPeriodUnit } from './activity-report.enums';

/** The longest range a report covers. */
export const MAX_RANGE_YEARS = 5;
/** Ranges up to this many days are cut into weeks unless asked otherwise, longer ones into months. */
export const WEEKLY_UP_TO_DAYS = 92;

export interface ActivityRange {
  /** First and last day, included, YYYY-MM-DD in Europe/Rome. */
  from: string;
  to: string;
  period: ActivityPeriodUnit;
}

const day = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** The same calendar day `years` later (29 February becomes 1 March). */
function yearsAfter(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * A report's range, checked: real dates, `to` not before `from`, at most
 * {@link MAX_RANGE_YEARS} years; BAD_USER_INPUT naming the argument otherwise.
 * `fields` names where each date came from (`['from']`, or a query string's).
 */
export function activityRange(
  from: unknown,
  to: unknown,
  period: ActivityPeriodUnit | null | undefined,
  fields: { from: string[]; to: string[] } = { from: ['from'], to: ['to'] },
): ActivityRange {
  if (typeof from !== 'string' || !isIsoDate(from)) throw new BadInputError('The first day is a date, YYYY-MM-DD.', fields.from);
  if (typeof to !== 'string' || !isIsoDate(to)) throw new BadInputError('The last day is a date, YYYY-MM-DD.', fields.to);
  if (to < from) throw new BadInputError('The last day cannot come before the first.', fields.to);
  if (to >= yearsAfter(from, MAX_RANGE_YEARS)) {
    throw new BadInputError(`A report covers at most ${MAX_RANGE_YEARS} years.`, fields.to);
  }
  const days = day(to) - day(from) + 1;
  return { from, to, period: period ?? (days <= WEEKLY_UP_TO_DAYS ? ActivityPeriodUnit.WEEK : ActivityPeriodUnit.MONTH) };
}
