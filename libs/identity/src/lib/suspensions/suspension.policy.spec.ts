import { GlobalRole, type Viewer } from '@bottega/core';
import { isSuspended } from '../users/suspension';
import { canSuspend } from './suspension.policy';

const viewer = (role: GlobalRole): Viewer => ({ userId: 'me', sessionId: 's', role });
const target = (role: GlobalRole, id = 'them') => ({ id, role });

describe('canSuspend', () => {
  it.each([
    [GlobalRole.USER, GlobalRole.USER, false],
    [GlobalRole.MODERATOR, GlobalRole.USER, true],
    [GlobalRole.MODERATOR, GlobalRole.MODERATOR, true],
    [GlobalRole.MODERATOR, GlobalRole.ADMIN, false],
    [GlobalRole.ADMIN, GlobalRole.ADMIN, true],
  ])('%s suspending a %s: %s', (actor, subject, allowed) => {
    expect(canSuspend(viewer(actor), target(subject))).toBe(allowed);
  });

  it('never lets anyone suspend themselves', () => {
    expect(canSuspend(viewer(GlobalRole.ADMIN), target(GlobalRole.ADMIN, 'me'))).toBe(false);
  });
});

describe('isSuspended', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('lasts until lifted, or until its end', () => {
    expect(isSuspended({ suspendedAt: null, suspendedUntil: null }, now)).toBe(false);
    expect(isSuspended({ suspendedAt: now, suspendedUntil: null }, now)).toBe(true);
    expect(isSuspended({ suspendedAt: now, suspendedUntil: new Date('2026-11-26T00:00:00Z') }, now)).toBe(true);
    expect(isSuspended({ suspendedAt: now, suspendedUntil: new Date('2026-11-25T11:00:00Z') }, now)).toBe(false);
  });
});
