import { EVERYONE, Principals, SIGNED_IN, STAFF, GlobalRole, type Viewer } from '@bottega/core';
import { FlagObstacle, canModerate, canReviewFlags, flagObstacle, flagWeight } from './moderation.policy';

const viewer = (role = GlobalRole.USER, userId = 'me'): Viewer => ({ userId, sessionId: 's', role });
const holding = (...names: string[]) => new Principals('me', [EVERYONE, SIGNED_IN, 'user:me', ...names]);
const item = { authorId: 'someone', deleted: false, visible: true, moderators: ['coordinator:c', STAFF] };

describe('moderation policy', () => {
  it('lets readers flag what others wrote while they can still see it', () => {
    expect(flagObstacle(viewer(), item)).toBeNull();
    expect(flagObstacle(viewer(GlobalRole.USER, 'someone'), item)).toBe(FlagObstacle.OWN_CONTENT);
    expect(flagObstacle(viewer(), { ...item, visible: false })).toBe(FlagObstacle.GONE);
    expect(flagObstacle(viewer(), { ...item, deleted: true })).toBe(FlagObstacle.GONE);
  });

  it('gives decisions to the moderators the item names, and the queue to coordinators and staff', () => {
    expect(canModerate(item, holding('member:c'))).toBe(false);
    expect(canModerate(item, holding('member:c', 'coordinator:c'))).toBe(true);
    expect(canModerate(item, holding('coordinator:d'))).toBe(false);
    expect(canModerate(item, holding(STAFF))).toBe(true);
    expect(canReviewFlags(viewer(), holding('member:c'))).toBe(false);
    expect(canReviewFlags(viewer(), holding('coordinator:d'))).toBe(true);
    expect(canReviewFlags(viewer(GlobalRole.MODERATOR), holding())).toBe(true);
  });

  it('weighs a flag by the trust its author has earned', () => {
    const now = Date.parse('2026-12-03T10:00:00Z');
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    const options = { threshold: 3, newAccountDays: 2 };
    const weight = (coordinates: boolean, age: number, hasPosts: boolean, opts = options) =>
      flagWeight({ coordinates, accountCreatedAt: daysAgo(age), hasPosts }, opts, now);
    expect(weight(false, 0.001, false)).toBe(0);
    expect(weight(false, 0.5, true)).toBe(0);
    expect(weight(false, 30, false)).toBe(0);
    expect(weight(false, 2, true)).toBe(1);
    expect(weight(true, 0.001, false)).toBe(2);
    expect(weight(true, 30, true, { threshold: 1, newAccountDays: 2 })).toBe(1);
    expect(weight(false, 0, true, { threshold: 3, newAccountDays: 0 })).toBe(1);
  });
});
