import { GlobalRole, type Viewer } from '@bottega/core';
import { CommunityRole } from '../communities/community.enums';
import type { CommunityAccessFacts } from '../communities/community.policy';
import { standing } from '../../testing/standing';
import { canSeeContent } from '../threads/thread.audience';
import { ModerationAction } from './moderation.enums';
import { FlagObstacle, actionApplies, canModerateContent, flagObstacle, flagWeight } from './moderation.policy';

const viewer = (role = GlobalRole.USER, userId = 'me'): Viewer => ({ userId, sessionId: 's', role });
const facts = (role: CommunityRole | null = null): CommunityAccessFacts => standing(viewer(), role);
const hidden = { authorId: 'someone', hiddenAt: new Date(), deletedAt: null };

describe('content visibility', () => {
  it('shows hidden content only to its author, the coordinators and staff', () => {
    expect(canSeeContent(standing(null), { ...hidden, hiddenAt: null })).toBe(true);
    expect(canSeeContent(standing(null), hidden)).toBe(false);
    expect(canSeeContent(standing(viewer(), CommunityRole.MEMBER), hidden)).toBe(false);
    expect(canSeeContent(standing(viewer(GlobalRole.USER, 'someone')), hidden)).toBe(true);
    expect(canSeeContent(standing(viewer(), CommunityRole.COORDINATOR), hidden)).toBe(true);
    expect(canSeeContent(standing(viewer(GlobalRole.MODERATOR)), hidden)).toBe(true);
  });
});

describe('moderation policy', () => {
  it('lets readers flag what others wrote while they can still see it', () => {
    expect(flagObstacle(viewer(), facts(), { ...hidden, hiddenAt: null })).toBeNull();
    expect(flagObstacle(viewer(GlobalRole.USER, 'someone'), facts(), hidden)).toBe(FlagObstacle.OWN_CONTENT);
    expect(flagObstacle(viewer(), facts(), hidden)).toBe(FlagObstacle.GONE);
    expect(flagObstacle(viewer(), facts(), { ...hidden, hiddenAt: null, deletedAt: new Date() })).toBe(FlagObstacle.GONE);
  });

  it('gives decisions to coordinators and staff, locks to threads and deletion to posts', () => {
    expect(canModerateContent(viewer(), facts(CommunityRole.MEMBER))).toBe(false);
    expect(canModerateContent(viewer(), facts(CommunityRole.COORDINATOR))).toBe(true);
    expect(canModerateContent(viewer(GlobalRole.MODERATOR), facts())).toBe(true);
    expect(actionApplies(ModerationAction.LOCK, 'Post')).toBe(false);
    expect(actionApplies(ModerationAction.DELETE, 'Thread')).toBe(false);
    expect(actionApplies(ModerationAction.HIDE, 'Thread')).toBe(true);
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
