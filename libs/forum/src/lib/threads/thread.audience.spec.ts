import { EVERYONE, Principals, SIGNED_IN, STAFF, type Audience } from '@bottega/core';
import { searchAdmissions } from '@bottega/search/testing';
import { admissions, combinations, openTestDatabaseClient } from '@bottega/testing';
import { COMMUNITY_AUDIENCE, COORDINATOR, INVITED, MEMBER, type CommunityFacts } from '../communities/community.audience';
import { CommunityVisibility } from '../communities/community.enums';
import { HIDDEN_CONTENT_AUDIENCE, POST_AUDIENCE, THREAD_AUDIENCE, type HiddenFacts, type PostFacts, type ThreadFacts } from './thread.audience';

/** Every kind of reader, by the principals they hold in community `c` (the author is `a`). */
const READERS: Record<string, string[]> = {
  nobody: [],
  anonymous: [EVERYONE],
  signedIn: [EVERYONE, SIGNED_IN, 'user:z'],
  author: [EVERYONE, SIGNED_IN, 'user:a'],
  otherAuthor: [EVERYONE, SIGNED_IN, 'user:b'],
  member: [EVERYONE, SIGNED_IN, 'user:m', `${MEMBER}:c`],
  memberElsewhere: [EVERYONE, SIGNED_IN, 'user:m', `${MEMBER}:d`, `${COORDINATOR}:d`],
  invited: [EVERYONE, SIGNED_IN, 'user:i', `${INVITED}:c`],
  authorMember: [EVERYONE, SIGNED_IN, 'user:a', `${MEMBER}:c`],
  coordinator: [EVERYONE, SIGNED_IN, 'user:k', `${MEMBER}:c`, `${COORDINATOR}:c`],
  staff: [EVERYONE, SIGNED_IN, 'user:s', STAFF],
};

const VISIBILITIES = Object.values(CommunityVisibility);
const AUTHORS = ['a', 'b', null];
const FLAGS = [false, true];

const communities = combinations<CommunityFacts>({ communityId: ['c'], visibility: VISIBILITIES });
const threads = combinations<ThreadFacts>({
  communityId: ['c'],
  visibility: VISIBILITIES,
  threadAuthorId: AUTHORS,
  threadHidden: FLAGS,
  threadDeleted: FLAGS,
});
const posts = combinations<PostFacts>({
  communityId: ['c'],
  visibility: VISIBILITIES,
  threadAuthorId: AUTHORS,
  threadHidden: FLAGS,
  threadDeleted: FLAGS,
  postAuthorId: AUTHORS,
  postHidden: FLAGS,
  postDeleted: FLAGS,
});
const hidden = combinations<HiddenFacts>({ communityId: ['c'], visibility: VISIBILITIES, authorId: AUTHORS, hidden: FLAGS });

describe('forum audiences', () => {
  let database: Awaited<ReturnType<typeof openTestDatabaseClient>>;
  beforeAll(async () => {
    database = await openTestDatabaseClient();
  });
  afterAll(() => database.close());

  it.each([
    ['community', COMMUNITY_AUDIENCE, communities],
    ['thread', THREAD_AUDIENCE, threads],
    ['post', POST_AUDIENCE, posts],
    ['hidden content', HIDDEN_CONTENT_AUDIENCE, hidden],
  ] as [string, Audience<any>, Record<string, string | boolean | null>[]][])(
    'decides the %s audience alike in JavaScript, in SQL and as search restrictions, for every combination of facts and reader',
    async (_kind, audience, all) => {
      const { javascript, sql, bound, restrictions } = await admissions(database.client, audience, all, READERS);
      expect(sql).toEqual(javascript);
      expect(bound).toEqual(javascript);
      expect(restrictions).toEqual(javascript);
      // What the search index lets each reader find (and count), through the engine's own access condition.
      expect(await searchAdmissions(database.client, all.map((facts) => audience.restrictions(facts)), READERS)).toEqual(javascript);
      // Positive controls, not only absences: every reader but "nobody" is admitted to something, and an outsider is refused something.
      const readers = (admitted: boolean) =>
        Object.keys(READERS).filter((reader) => all.some((_facts, item) => javascript.has(`${item}:${reader}`) === admitted));
      expect(readers(true)).toEqual(Object.keys(READERS).filter((reader) => reader !== 'nobody'));
      expect(readers(false)).toContain('signedIn');
    },
  );

  it('states the rule the table of the forum expects', () => {
    const thread = (visibility: CommunityVisibility, more: Partial<ThreadFacts> = {}): ThreadFacts => ({
      communityId: 'c',
      visibility,
      threadAuthorId: 'a',
      threadHidden: false,
      threadDeleted: false,
      ...more,
    });
    const who = (reader: string) => new Principals(null, READERS[reader]!);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PRIVATE), who('member'))).toBe(true);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PRIVATE), who('invited'))).toBe(true);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PRIVATE), who('memberElsewhere'))).toBe(false);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.MEMBERS_ONLY), who('anonymous'))).toBe(false);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PUBLIC, { threadHidden: true }), who('member'))).toBe(false);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PUBLIC, { threadHidden: true }), who('author'))).toBe(true);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PRIVATE, { threadHidden: true }), who('author'))).toBe(false);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PRIVATE, { threadHidden: true }), who('authorMember'))).toBe(true);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PRIVATE, { threadHidden: true }), who('coordinator'))).toBe(true);
    expect(THREAD_AUDIENCE.allows(thread(CommunityVisibility.PRIVATE, { threadDeleted: true }), who('staff'))).toBe(false);
    expect(THREAD_AUDIENCE.restrictions(thread(CommunityVisibility.PUBLIC))).toEqual([]);
    expect(THREAD_AUDIENCE.restrictions(thread(CommunityVisibility.PRIVATE, { threadHidden: true }))).toEqual([
      [`${INVITED}:c`, `${MEMBER}:c`, STAFF],
      [`${COORDINATOR}:c`, STAFF, 'user:a'],
    ]);
  });
});
