import { AppError, ErrorCode } from '@bottega/core';
import { activityRange } from './activity-range';
import { ActivityPeriodUnit } from './activity-report.enums';

function refusal(run: () => unknown): { code: ErrorCode; field: unknown } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, field: error.details['field'] };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('an activity report’s range', () => {
  it('is cut into weeks up to 92 days, into months beyond, unless asked', () => {
    expect(activityRange('2025-01-01', '2025-04-02', null).period).toBe(ActivityPeriodUnit.WEEK);
    expect(activityRange('2025-01-01', '2025-04-03', null).period).toBe(ActivityPeriodUnit.MONTH);
    expect(activityRange('2025-01-01', '2025-12-31', ActivityPeriodUnit.WEEK).period).toBe(ActivityPeriodUnit.WEEK);
    expect(activityRange('2025-03-01', '2025-03-01', null)).toEqual({ from: '2025-03-01', to: '2025-03-01', period: ActivityPeriodUnit.WEEK });
  });

  it('covers at most five years', () => {
    expect(activityRange('2020-01-01', '2024-12-31', null).period).toBe(ActivityPeriodUnit.MONTH);
    expect(refusal(() => activityRange('2020-01-01', '2025-01-01', null))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: ['to'] });
    expect(activityRange('2020-02-29', '2025-02-28', null).to).toBe('2025-02-28');
    expect(refusal(() => activityRange('2020-02-29', '2025-03-01', null)).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('refuses a last day before the first, and what is not a date', () => {
    expect(refusal(() => activityRange('2025-02-01', '2025-01-31', null))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: ['to'] });
    expect(refusal(() => activityRange('2025-02-30', '2025-03-01', null))).toEqual({ code: ErrorCode.BAD_USER_INPUT, field: ['from'] });
    expect(refusal(() => activityRange('2025-01-01', undefined, null, { from: ['from'], to: ['query', 'to'] }))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      field: ['query', 'to'],
    });
  });
});
