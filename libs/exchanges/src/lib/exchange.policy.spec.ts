import { EVERYONE, Principals, SIGNED_IN, STAFF } from '@bottega/core';
import { COORDINATOR } from '@bottega/forum';
import { ExchangeStatus } from './exchange.enums';
import { canManage, canRegister, canSeePlace, registrationRefusal } from './exchange.policy';

const exchange = {
  communityId: 'c',
  projectLeadIds: ['l'],
  hostIds: ['h'],
  status: ExchangeStatus.OPEN,
  registrationDeadline: new Date('2030-01-01T00:00:00Z'),
};
const reader = (id: string | null, ...more: string[]) => new Principals(id, id ? [EVERYONE, SIGNED_IN, `user:${id}`, ...more] : [EVERYONE]);

describe('exchange policy', () => {
  it('lets the community’s coordinators, the project’s leads and staff run an exchange, and nobody else', () => {
    expect(canManage(reader('k', `${COORDINATOR}:c`), exchange)).toBe(true);
    expect(canManage(reader('l'), exchange)).toBe(true);
    expect(canManage(reader('s', STAFF), exchange)).toBe(true);
    expect(canManage(reader('k', `${COORDINATOR}:d`), exchange)).toBe(false);
    expect(canManage(reader('h'), exchange)).toBe(false);
    expect(canManage(reader(null), exchange)).toBe(false);
    // A suspended lead holds no principal.
    expect(canManage(new Principals('l', []), exchange)).toBe(false);
  });

  it('tells the place to managers, hosts and those holding a seat, not to the waitlisted', () => {
    expect(canSeePlace(reader('h'), exchange, null)).toBe(true);
    expect(canSeePlace(reader('r'), exchange, { status: 'REGISTERED' })).toBe(true);
    expect(canSeePlace(reader('r'), exchange, { status: 'ATTENDED' })).toBe(true);
    expect(canSeePlace(reader('w'), exchange, { status: 'WAITLISTED' })).toBe(false);
    expect(canSeePlace(reader('x'), exchange, { status: 'CANCELLED' })).toBe(false);
    expect(canSeePlace(reader(null), exchange, null)).toBe(false);
  });

  it('admits registrations to open exchanges before the deadline, once, and says why not otherwise', () => {
    expect(registrationRefusal(exchange, false, null)).toBeNull();
    expect(registrationRefusal(exchange, false, { status: 'CANCELLED' })).toBeNull();
    expect(registrationRefusal(exchange, true, null)?.message).toBe('The registration deadline has passed.');
    expect(registrationRefusal(exchange, false, { status: 'WAITLISTED' })?.code).toBe('INVALID_STATE');
    for (const status of [ExchangeStatus.DRAFT, ExchangeStatus.CLOSED, ExchangeStatus.COMPLETED, ExchangeStatus.CANCELLED]) {
      expect(registrationRefusal({ status }, false, null)?.code).toBe('INVALID_STATE');
    }
    expect(canRegister(reader('r'), exchange, null, new Date('2029-12-31T23:59:59Z'))).toBe(true);
    expect(canRegister(reader('r'), exchange, null, new Date('2030-01-01T00:00:01Z'))).toBe(false);
    expect(canRegister(reader(null), exchange, null, new Date('2029-01-01T00:00:00Z'))).toBe(false);
  });
});
