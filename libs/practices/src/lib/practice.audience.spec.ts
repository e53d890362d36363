import { EVERYONE, Principals, SIGNED_IN, STAFF } from '@bottega/core';
import { COORDINATOR, CommunityVisibility, INVITED, MEMBER } from '@bottega/forum';
import { searchAdmissions } from '@bottega/search/testing';
import { admissions, combinations, openTestDatabaseClient } from '@bottega/testing';
import { PRACTICE_AUDIENCE, PRACTICE_AUTHOR, type PracticeFacts } from './practice.audience';
import { PracticeStatus } from './practice.enums';

/** Every kind of reader, by the principals they hold for practice `p` in community `c`. */
const READERS: Record<string, string[]> = {
  nobody: [],
  anonymous: [EVERYONE],
  signedIn: [EVERYONE, SIGNED_IN, 'user:z'],
  creator: [EVERYONE, SIGNED_IN, 'user:a', `${PRACTICE_AUTHOR}:p`],
  coAuthor: [EVERYONE, SIGNED_IN, 'user:b', `${PRACTICE_AUTHOR}:p`],
  authorElsewhere: [EVERYONE, SIGNED_IN, 'user:e', `${PRACTICE_AUTHOR}:q`],
  authorMember: [EVERYONE, SIGNED_IN, 'user:a', `${PRACTICE_AUTHOR}:p`, `${MEMBER}:c`],
  member: [EVERYONE, SIGNED_IN, 'user:m', `${MEMBER}:c`],
  invited: [EVERYONE, SIGNED_IN, 'user:i', `${INVITED}:c`],
  coordinator: [EVERYONE, SIGNED_IN, 'user:k', `${MEMBER}:c`, `${COORDINATOR}:c`],
  coordinatorElsewhere: [EVERYONE, SIGNED_IN, 'user:l', `${MEMBER}:d`, `${COORDINATOR}:d`],
  staff: [EVERYONE, SIGNED_IN, 'user:s', STAFF],
};

const practices = combinations<PracticeFacts>({
  communityId: ['c', null],
  visibility: Object.values(CommunityVisibility),
  practiceId: ['p'],
  status: Object.values(PracticeStatus),
  hidden: [false, true],
});

describe('practice audience', () => {
  let database: Awaited<ReturnType<typeof openTestDatabaseClient>>;
  beforeAll(async () => {
    database = await openTestDatabaseClient();
  });
  afterAll(() => database.close());

  it('decides alike in JavaScript, in SQL and as search restrictions, for every combination of facts and reader', async () => {
    const { javascript, sql, bound, restrictions } = await admissions(database.client, PRACTICE_AUDIENCE, practices, READERS);
    expect(sql).toEqual(javascript);
    expect(bound).toEqual(javascript);
    expect(restrictions).toEqual(javascript);
    // What the search index lets each reader find (and count), through the engine's own access condition.
    expect(await searchAdmissions(database.client, practices.map((facts) => PRACTICE_AUDIENCE.restrictions(facts)), READERS)).toEqual(javascript);
    const readers = (admitted: boolean) =>
      Object.keys(READERS).filter((reader) => practices.some((_facts, item) => javascript.has(`${item}:${reader}`) === admitted));
    expect(readers(true)).toEqual(Object.keys(READERS).filter((reader) => reader !== 'nobody'));
    expect(readers(false)).toContain('signedIn');
  });

  it('states the rule: drafts for their authors and reviewers, published practices for the community’s readers', () => {
    const practice = (more: Partial<PracticeFacts> = {}): PracticeFacts => ({
      communityId: null,
      visibility: CommunityVisibility.PUBLIC,
      practiceId: 'p',
      status: PracticeStatus.DRAFT,
      hidden: false,
      ...more,
    });
    const allows = (facts: PracticeFacts, reader: string) => PRACTICE_AUDIENCE.allows(facts, new Principals(null, READERS[reader]!));
    const inPrivate = { communityId: 'c', visibility: CommunityVisibility.PRIVATE };

    for (const status of [PracticeStatus.DRAFT, PracticeStatus.IN_REVIEW]) {
      expect(allows(practice({ status }), 'creator')).toBe(true);
      expect(allows(practice({ status }), 'coAuthor')).toBe(true);
      expect(allows(practice({ status }), 'staff')).toBe(true);
      expect(allows(practice({ status }), 'authorElsewhere')).toBe(false);
      expect(allows(practice({ status }), 'signedIn')).toBe(false);
      expect(allows(practice({ status, communityId: 'c' }), 'coordinator')).toBe(true);
      expect(allows(practice({ status, communityId: 'c' }), 'member')).toBe(false);
      expect(allows(practice({ status }), 'coordinator')).toBe(false);
    }
    expect(allows(practice({ status: PracticeStatus.PUBLISHED }), 'anonymous')).toBe(true);
    expect(allows(practice({ status: PracticeStatus.ARCHIVED }), 'anonymous')).toBe(true);
    expect(allows(practice({ status: PracticeStatus.PUBLISHED, ...inPrivate }), 'member')).toBe(true);
    expect(allows(practice({ status: PracticeStatus.PUBLISHED, ...inPrivate }), 'creator')).toBe(false);
    expect(allows(practice({ status: PracticeStatus.DRAFT, ...inPrivate }), 'authorMember')).toBe(true);
    expect(allows(practice({ status: PracticeStatus.PUBLISHED, hidden: true }), 'signedIn')).toBe(false);
    expect(allows(practice({ status: PracticeStatus.PUBLISHED, hidden: true }), 'coAuthor')).toBe(true);

    expect(PRACTICE_AUDIENCE.restrictions(practice({ status: PracticeStatus.PUBLISHED }))).toEqual([]);
    expect(PRACTICE_AUDIENCE.restrictions(practice())).toEqual([[`${PRACTICE_AUTHOR}:p`, STAFF]]);
    expect(PRACTICE_AUDIENCE.restrictions(practice({ status: PracticeStatus.IN_REVIEW, ...inPrivate }))).toEqual([
      [`${INVITED}:c`, `${MEMBER}:c`, STAFF],
      [`${COORDINATOR}:c`, `${PRACTICE_AUTHOR}:p`, STAFF],
    ]);
  });
});
