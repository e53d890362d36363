import { GlobalRole, type Viewer } from '@bottega/core';
import { CommunityRole, CommunityVisibility } from '../communities/community.enums';
import type { CommunityAccessFacts } from '../communities/community.policy';
import { canSeeContent, visibleContentSql } from './content-visibility';
import { ModerationAction } from './moderation.enums';
import { FlagObstacle, actionApplies, canModerateContent, flagObstacle, flagWeight } from './moderation.policy';

const viewer = (role = GlobalRole.USER, userId = 'me'): Viewer => ({ userId, sessionId: 's', role });
const facts = (viewerRole: CommunityRole | null = null): CommunityAccessFacts => ({
  visibility: CommunityVisibility.PUBLIC,
  viewerRole,
  invited: false,
});
const hidden = { authorId: 'someone', hiddenAt: new Date(), deletedAt: null };

describe('content visibility', () => {
  it('shows hidden content only to its author, the coordinators and staff', () => {
    expect(canSeeContent(null, facts(), { ...hidden, hiddenAt: null })).toBe(true);
    expect(canSeeContent(null, facts(), hidden)).toBe(false);
    expect(canSeeContent(viewer(), facts(CommunityRole.MEMBER), hidden)).toBe(false);
    expect(canSeeContent(viewer(GlobalRole.USER, 'someone'), facts(), hidden)).toBe(true);
    expect(canSeeContent(viewer(), facts(CommunityRole.COORDINATOR), hidden)).toBe(true);
    expect(canSeeContent(viewer(GlobalRole.MODERATOR), facts(), hidden)).toBe(true);
  });

  it('writes the same rule as SQL, with no condition for staff', () => {
    expect(visibleContentSql({ hiddenAt: 't.hidden_at', authorId: 't.author_id', communityId: 't.community_id' }, viewer(GlobalRole.ADMIN))).toBeNull();
    const sql = visibleContentSql({ hiddenAt: 't.hidden_at', authorId: 't.author_id', communityId: 't.community_id' }, null);
    expect(sql?.sql).toMatch(/t\.hidden_at IS NULL OR t\.author_id = :hiddenViewerId OR EXISTS/);
    expect(sql?.params).toEqual({ hiddenViewerId: null });
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
