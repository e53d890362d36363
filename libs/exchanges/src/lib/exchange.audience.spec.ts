import { EVERYONE, Principals, SIGNED_IN, STAFF } from '@bottega/core';
import { COORDINATOR, CommunityVisibility, INVITED, MEMBER } from '@bottega/forum';
import { searchAdmissions } from '@bottega/search/testing';
import { admissions, combinations, openTestDatabaseClient } from '@bottega/testing';
import { EXCHANGE_AUDIENCE, type ExchangeFacts } from './exchange.audience';

/** Every kind of reader, by the principals they hold for an exchange in community `c`. */
const READERS: Record<string, string[]> = {
  nobody: [],
  anonymous: [EVERYONE],
  signedIn: [EVERYONE, SIGNED_IN, 'user:z'],
  host: [EVERYONE, SIGNED_IN, 'user:h'],
  hostMember: [EVERYONE, SIGNED_IN, 'user:h', `${MEMBER}:c`],
  lead: [EVERYONE, SIGNED_IN, 'user:l'],
  member: [EVERYONE, SIGNED_IN, 'user:m', `${MEMBER}:c`],
  invited: [EVERYONE, SIGNED_IN, 'user:i', `${INVITED}:c`],
  coordinator: [EVERYONE, SIGNED_IN, 'user:k', `${MEMBER}:c`, `${COORDINATOR}:c`],
  coordinatorElsewhere: [EVERYONE, SIGNED_IN, 'user:o', `${MEMBER}:d`, `${COORDINATOR}:d`],
  staff: [EVERYONE, SIGNED_IN, 'user:s', STAFF],
};

const exchanges = combinations<ExchangeFacts>({
  communityId: ['c'],
  visibility: Object.values(CommunityVisibility),
  exchangeId: ['e'],
  draft: [false, true],
  hidden: [false, true],
  insiderIds: ['', 'h', 'h,l'],
});

describe('exchange audience', () => {
  let database: Awaited<ReturnType<typeof openTestDatabaseClient>>;
  beforeAll(async () => {
    database = await openTestDatabaseClient();
  });
  afterAll(() => database.close());

  it('decides alike in JavaScript, in SQL and as search restrictions, for every combination of facts and reader', async () => {
    const { javascript, sql, bound, restrictions } = await admissions(database.client, EXCHANGE_AUDIENCE, exchanges, READERS);
    expect(sql).toEqual(javascript);
    expect(bound).toEqual(javascript);
    expect(restrictions).toEqual(javascript);
    expect(await searchAdmissions(database.client, exchanges.map((facts) => EXCHANGE_AUDIENCE.restrictions(facts)), READERS)).toEqual(javascript);
  });

  it('states the rule: the community’s readers once out of draft; before, or hidden, only those inside', () => {
    const exchange = (more: Partial<ExchangeFacts> = {}): ExchangeFacts => ({
      communityId: 'c',
      visibility: CommunityVisibility.PUBLIC,
      exchangeId: 'e',
      draft: false,
      hidden: false,
      insiderIds: 'h,l',
      ...more,
    });
    const allows = (facts: ExchangeFacts, reader: string) => EXCHANGE_AUDIENCE.allows(facts, new Principals(null, READERS[reader]!));
    expect(allows(exchange(), 'anonymous')).toBe(true);
    expect(allows(exchange({ visibility: CommunityVisibility.PRIVATE }), 'member')).toBe(true);
    expect(allows(exchange({ visibility: CommunityVisibility.PRIVATE }), 'signedIn')).toBe(false);
    // A host outside a private community reads its exchange only as a member.
    expect(allows(exchange({ visibility: CommunityVisibility.PRIVATE }), 'host')).toBe(false);
    for (const state of [{ draft: true }, { hidden: true }]) {
      for (const reader of ['host', 'lead', 'coordinator', 'staff']) expect(allows(exchange(state), reader)).toBe(true);
      for (const reader of ['anonymous', 'signedIn', 'member', 'coordinatorElsewhere']) expect(allows(exchange(state), reader)).toBe(false);
    }
    expect(EXCHANGE_AUDIENCE.restrictions(exchange())).toEqual([]);
    expect(EXCHANGE_AUDIENCE.restrictions(exchange({ draft: true }))).toEqual([[`${COORDINATOR}:c`, STAFF, 'user:h', 'user:l']]);
  });
});
