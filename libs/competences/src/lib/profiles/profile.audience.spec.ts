import { EVERYONE, Principals, SIGNED_IN, STAFF } from '@bottega/core';
import { searchAdmissions } from '@bottega/search/testing';
import { admissions, combinations, openTestDatabaseClient } from '@bottega/testing';
import { PROFILE_AUDIENCE, type ProfileFacts } from './profile.audience';
import { ProfileVisibility } from './profile.enums';

/** Every kind of reader, by the principals they hold; the owner is `o`. */
const READERS: Record<string, string[]> = {
  nobody: [],
  anonymous: [EVERYONE],
  signedIn: [EVERYONE, SIGNED_IN, 'user:z'],
  owner: [EVERYONE, SIGNED_IN, 'user:o'],
  staff: [EVERYONE, SIGNED_IN, 'user:s', STAFF],
};

const profiles = combinations<ProfileFacts>({ ownerId: ['o', 'p'], visibility: Object.values(ProfileVisibility), moderated: [false, true] });

describe('competence profile audience', () => {
  let database: Awaited<ReturnType<typeof openTestDatabaseClient>>;
  beforeAll(async () => {
    database = await openTestDatabaseClient();
  });
  afterAll(() => database.close());

  it('decides alike in JavaScript, in SQL and as search restrictions, for every combination of facts and reader', async () => {
    const { javascript, sql, bound, restrictions } = await admissions(database.client, PROFILE_AUDIENCE, profiles, READERS);
    expect(sql).toEqual(javascript);
    expect(bound).toEqual(javascript);
    expect(restrictions).toEqual(javascript);
    // What the search index lets each reader find (and count), through the engine's own access condition.
    expect(await searchAdmissions(database.client, profiles.map((facts) => PROFILE_AUDIENCE.restrictions(facts)), READERS)).toEqual(javascript);
    const readers = (admitted: boolean) =>
      Object.keys(READERS).filter((reader) => profiles.some((_facts, item) => javascript.has(`${item}:${reader}`) === admitted));
    expect(readers(true)).toEqual(Object.keys(READERS).filter((reader) => reader !== 'nobody'));
    expect(readers(false)).toContain('signedIn');
  });

  it('states the rule: public for everyone, members-only for the signed in, hidden for its owner and staff', () => {
    const allows = (visibility: ProfileVisibility, reader: string, moderated = false) =>
      PROFILE_AUDIENCE.allows({ ownerId: 'o', visibility, moderated }, new Principals(null, READERS[reader]!));
    const admitted = (visibility: ProfileVisibility, moderated = false) =>
      Object.keys(READERS).filter((reader) => allows(visibility, reader, moderated));
    expect(admitted(ProfileVisibility.PUBLIC)).toEqual(['anonymous', 'signedIn', 'owner', 'staff']);
    expect(admitted(ProfileVisibility.MEMBERS_ONLY)).toEqual(['signedIn', 'owner', 'staff']);
    expect(admitted(ProfileVisibility.HIDDEN)).toEqual(['owner', 'staff']);
    expect(PROFILE_AUDIENCE.restrictions({ ownerId: 'o', visibility: ProfileVisibility.PUBLIC, moderated: false })).toEqual([]);
    expect(PROFILE_AUDIENCE.restrictions({ ownerId: 'o', visibility: ProfileVisibility.HIDDEN, moderated: false })).toEqual([[STAFF, 'user:o']]);
  });

  it('keeps a profile moderation hid to its owner and staff, whatever its owner chose', () => {
    const admitted = (visibility: ProfileVisibility) =>
      Object.keys(READERS).filter((reader) => PROFILE_AUDIENCE.allows({ ownerId: 'o', visibility, moderated: true }, new Principals(null, READERS[reader]!)));
    for (const visibility of Object.values(ProfileVisibility)) expect(admitted(visibility)).toEqual(['owner', 'staff']);
    expect(PROFILE_AUDIENCE.restrictions({ ownerId: 'o', visibility: ProfileVisibility.PUBLIC, moderated: true })).toEqual([[STAFF, 'user:o']]);
    expect(PROFILE_AUDIENCE.restrictions({ ownerId: 'o', visibility: ProfileVisibility.MEMBERS_ONLY, moderated: true })).toEqual([
      [SIGNED_IN],
      [STAFF, 'user:o'],
    ]);
  });
});
