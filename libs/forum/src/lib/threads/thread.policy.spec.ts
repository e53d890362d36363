import { GlobalRole, type Viewer } from '@bottega/core';
import { CommunityRole, CommunityVisibility } from '../communities/community.enums';
import type { CommunityAccessFacts } from '../communities/community.policy';
import { standing } from '../../testing/standing';
import { canDeleteThread, canEditThread, canMoveThread, canReply } from './thread.policy';

const viewer = (role = GlobalRole.USER, userId = 'me'): Viewer => ({ userId, sessionId: 's', role });
const facts = (role: CommunityRole | null = null, visibility = CommunityVisibility.PUBLIC): CommunityAccessFacts =>
  standing(viewer(), role, visibility);
const locked = { lockedAt: new Date() };

describe('thread policy', () => {
  it('closes a locked thread to everyone but its coordinators and staff', () => {
    expect(canReply(viewer(), facts(), { lockedAt: null })).toBe(true);
    expect(canReply(viewer(), facts(CommunityRole.MEMBER), locked)).toBe(false);
    expect(canReply(viewer(), facts(CommunityRole.COORDINATOR), locked)).toBe(true);
    expect(canReply(viewer(GlobalRole.MODERATOR), facts(), locked)).toBe(true);
    expect(canReply(viewer(), facts(null, CommunityVisibility.PRIVATE), { lockedAt: null })).toBe(false);
  });

  it('lets the author edit until the thread is locked, coordinators and staff always', () => {
    const mine = { authorId: 'me', lockedAt: null };
    expect(canEditThread(viewer(), facts(), mine)).toBe(true);
    expect(canEditThread(viewer(), facts(), { ...mine, ...locked })).toBe(false);
    expect(canEditThread(viewer(), facts(CommunityRole.MEMBER), { ...mine, authorId: 'someone' })).toBe(false);
    expect(canEditThread(viewer(), facts(CommunityRole.COORDINATOR), { authorId: 'someone', ...locked })).toBe(true);
    expect(canEditThread(viewer(GlobalRole.ADMIN), facts(), { authorId: 'someone', ...locked })).toBe(true);
  });

  it('lets the author delete only while nobody else has posted', () => {
    expect(canDeleteThread(viewer(), facts(), { authorId: 'me', participantCount: 1 })).toBe(true);
    expect(canDeleteThread(viewer(), facts(), { authorId: 'me', participantCount: 2 })).toBe(false);
    expect(canDeleteThread(viewer(), facts(CommunityRole.MEMBER), { authorId: 'someone', participantCount: 1 })).toBe(false);
    expect(canDeleteThread(viewer(), facts(CommunityRole.COORDINATOR), { authorId: 'someone', participantCount: 9 })).toBe(true);
    expect(canDeleteThread(viewer(GlobalRole.MODERATOR), facts(), { authorId: 'someone', participantCount: 9 })).toBe(true);
  });

  it('moves threads for coordinators of both communities and for staff', () => {
    const coordinator = facts(CommunityRole.COORDINATOR);
    expect(canMoveThread(viewer(), coordinator, coordinator)).toBe(true);
    expect(canMoveThread(viewer(), coordinator, facts(CommunityRole.MEMBER))).toBe(false);
    expect(canMoveThread(viewer(), facts(), coordinator)).toBe(false);
    expect(canMoveThread(viewer(GlobalRole.ADMIN), facts(), facts())).toBe(true);
  });
});
