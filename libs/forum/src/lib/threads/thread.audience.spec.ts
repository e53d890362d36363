import { Client } from 'pg';
import { EVERYONE, Principals, SIGNED_IN, STAFF, type Audience, type FactColumns } from '@bottega/core';
import { createTestDatabase, dropTestDatabase } from '@bottega/testing';
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

/** Every combination of the given values for each fact. */
function combinations<F>(values: { [K in keyof F]: readonly F[K][] }): F[] {
  return Object.entries(values).reduce<Record<string, unknown>[]>(
    (all, [fact, options]) => all.flatMap((partial) => (options as unknown[]).map((value) => ({ ...partial, [fact]: value }))),
    [{}],
  ) as F[];
}

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
  let url: string;
  let client: Client;

  beforeAll(async () => {
    url = await createTestDatabase();
    client = new Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await dropTestDatabase(url);
  });

  /**
   * Evaluates the audience's SQL condition for every (facts, reader) pair in
   * one statement, the facts given as a JSON array; returns "i:reader" for
   * the pairs it admits.
   */
  async function admittedBySql<F extends Record<string, string | boolean | null>>(audience: Audience<F>, all: F[]): Promise<Set<string>> {
    const facts = Object.keys(all[0]!) as (keyof F & string)[];
    const columns = Object.fromEntries(
      facts.map((fact) => [fact, typeof all[0]![fact] === 'boolean' ? `(f.facts ->> '${fact}')::boolean` : `(f.facts ->> '${fact}')`]),
    ) as FactColumns<F>;
    const { rows } = await client.query<{ item: string; reader: string }>(
      `SELECT f.i - 1 AS item, r.name AS reader
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS f(facts, i),
              jsonb_each($2::jsonb) AS r(name, principals)
        WHERE ${audience.condition(columns, 'ARRAY(SELECT jsonb_array_elements_text(r.principals))')}`,
      [JSON.stringify(all), JSON.stringify(READERS)],
    );
    return new Set(rows.map((row) => `${row.item}:${row.reader}`));
  }

  function admittedByJs<F extends Record<string, string | boolean | null>>(audience: Audience<F>, all: F[]): Set<string> {
    const admitted = new Set<string>();
    all.forEach((facts, item) => {
      for (const [reader, names] of Object.entries(READERS)) {
        if (audience.allows(facts, new Principals(null, names))) admitted.add(`${item}:${reader}`);
      }
    });
    return admitted;
  }

  /** A search engine's filter: a reader holds one principal of every restriction. */
  function admittedByRestrictions<F extends Record<string, string | boolean | null>>(audience: Audience<F>, all: F[]): Set<string> {
    const admitted = new Set<string>();
    all.forEach((facts, item) => {
      const restrictions = audience.restrictions(facts);
      for (const [reader, names] of Object.entries(READERS)) {
        if (names.includes(EVERYONE) && restrictions.every((admits) => admits.some((name) => names.includes(name)))) {
          admitted.add(`${item}:${reader}`);
        }
      }
    });
    return admitted;
  }

  it.each([
    ['community', COMMUNITY_AUDIENCE, communities],
    ['thread', THREAD_AUDIENCE, threads],
    ['post', POST_AUDIENCE, posts],
    ['hidden content', HIDDEN_CONTENT_AUDIENCE, hidden],
  ] as [string, Audience<any>, Record<string, string | boolean | null>[]][])(
    'decides the %s audience alike in JavaScript, in SQL and as search restrictions, for every combination of facts and reader',
    async (_kind, audience, all) => {
      const byJs = admittedByJs(audience, all);
      expect(await admittedBySql(audience, all)).toEqual(byJs);
      expect(admittedByRestrictions(audience, all)).toEqual(byJs);
      // Positive controls, not only absences: every reader but "nobody" is admitted to something, and an outsider is refused something.
      const readers = (admitted: boolean) =>
        Object.keys(READERS).filter((reader) => all.some((_facts, item) => byJs.has(`${item}:${reader}`) === admitted));
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
