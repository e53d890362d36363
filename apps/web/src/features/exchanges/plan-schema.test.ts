import { describe, expect, it } from 'vitest';
import { EMPTY_PLAN, planSchema, romeInstant, romeLocal, type PlanValues } from './plan-schema';

const NOW = new Date('2027-03-01T10:00:00Z');
const valid: PlanValues = {
  ...EMPTY_PLAN,
  title: 'Visita all’emporio solidale',
  hostCommunityId: 'community',
  hostTerritoryId: 'territory',
  startsAt: '2027-04-10T09:30',
  endsAt: '2027-04-10T13:00',
  registrationDeadline: '2027-04-05T18:00',
  capacity: '12',
};

function issues(values: Partial<PlanValues>, creating = true): Record<string, string> {
  const result = planSchema({ now: () => NOW, creating }).safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the planning form’s rules', () => {
  it('accept a complete plan', () => {
    expect(issues({})).toEqual({});
  });

  it('read the schedule as Italian time, summer and winter alike', () => {
    expect(romeInstant('2027-04-10T09:30')).toBe('2027-04-10T09:30:00+02:00');
    expect(romeInstant('2027-01-10T09:30')).toBe('2027-01-10T09:30:00+01:00');
    expect(romeLocal('2027-04-10T07:30:00Z')).toBe('2027-04-10T09:30');
    expect(romeInstant('10/04/2027')).toBeNull();
  });

  it('want the end after the start', () => {
    expect(issues({ endsAt: '2027-04-10T09:30' })).toEqual({ endsAt: 'exchanges.plan.error.endsBeforeStart' });
    expect(issues({ endsAt: '2027-04-09T18:00' })).toEqual({ endsAt: 'exchanges.plan.error.endsBeforeStart' });
  });

  it('close registrations by the start', () => {
    expect(issues({ registrationDeadline: '2027-04-10T09:31' })).toEqual({ registrationDeadline: 'exchanges.plan.error.deadlineAfterStart' });
    expect(issues({ registrationDeadline: '2027-04-10T09:30' })).toEqual({});
  });

  it('start a new exchange in the future, while an edit may keep a past start', () => {
    const past = { startsAt: '2027-02-01T09:00', endsAt: '2027-02-01T12:00', registrationDeadline: '2027-01-30T12:00' };
    expect(issues(past)).toEqual({ startsAt: 'exchanges.plan.error.startsInPast' });
    expect(issues(past, false)).toEqual({});
  });

  it('want every date and time', () => {
    expect(issues({ startsAt: '', registrationDeadline: 'tomorrow' })).toEqual({
      startsAt: 'exchanges.plan.error.required',
      registrationDeadline: 'exchanges.plan.error.dateTime',
    });
  });

  it('take a capacity of 0 or more whole seats', () => {
    expect(issues({ capacity: '0' })).toEqual({});
    expect(issues({ capacity: '' })).toEqual({ capacity: 'exchanges.plan.error.required' });
    expect(issues({ capacity: '-1' })).toEqual({ capacity: 'exchanges.plan.error.capacity' });
    expect(issues({ capacity: '2.5' })).toEqual({ capacity: 'exchanges.plan.error.capacity' });
    expect(issues({ capacity: 'dieci' })).toEqual({ capacity: 'exchanges.plan.error.capacity' });
  });

  it('want a title of 8 to 200 characters, an https link and the hosts', () => {
    expect(issues({ title: 'Corto', onlineUrl: 'http://meet.example/x', hostCommunityId: '' })).toEqual({
      title: 'exchanges.plan.error.titleShort',
      onlineUrl: 'exchanges.plan.error.onlineUrl',
      hostCommunityId: 'exchanges.plan.error.required',
    });
    expect(issues({ title: 'x'.repeat(201) })).toEqual({ title: 'exchanges.plan.error.titleLong' });
    expect(issues({ onlineUrl: 'https://meet.example/laboratorio' })).toEqual({});
  });
});
