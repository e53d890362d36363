import { GlobalRole, type Viewer } from '@bottega/core';
import { CommunityRole, CommunityVisibility } from '../communities/community.enums';
import type { CommunityAccessFacts } from '../communities/community.policy';
import { standing } from '../../testing/standing';
import { canQuoteInto, canReadRevisions } from './post.policy';

const viewer = (role = GlobalRole.USER, userId = 'me'): Viewer => ({ userId, sessionId: 's', role });
const facts = (role: CommunityRole | null = null): CommunityAccessFacts =>
  standing(viewer(), role);

describe('post policy', () => {
  it('shows a post’s history to its author, the community’s coordinators and staff only', () => {
    const post = { authorId: 'author' };
    expect(canReadRevisions(null, facts(), post)).toBe(false);
    expect(canReadRevisions(viewer(), facts(CommunityRole.MEMBER), post)).toBe(false);
    expect(canReadRevisions(viewer(GlobalRole.USER, 'author'), facts(), post)).toBe(true);
    expect(canReadRevisions(viewer(), facts(CommunityRole.COORDINATOR), post)).toBe(true);
    expect(canReadRevisions(viewer(GlobalRole.MODERATOR), facts(), post)).toBe(true);
    expect(canReadRevisions(viewer(), facts(), { authorId: null })).toBe(false);
  });

  it('lets a quote go only where every reader could already read the quoted post', () => {
    const community = (id: string, visibility: CommunityVisibility) => ({ id, visibility });
    const open = community('a', CommunityVisibility.PUBLIC);
    const signedIn = community('b', CommunityVisibility.MEMBERS_ONLY);
    const secret = community('c', CommunityVisibility.PRIVATE);
    const otherSecret = community('d', CommunityVisibility.PRIVATE);
    expect([open, signedIn, secret, null].map((into) => canQuoteInto(open, into))).toEqual([true, true, true, true]);
    expect([open, signedIn, secret, null].map((into) => canQuoteInto(signedIn, into))).toEqual([false, true, true, false]);
    expect([open, signedIn, secret, otherSecret, null].map((into) => canQuoteInto(secret, into))).toEqual([false, false, true, false, false]);
  });
});
