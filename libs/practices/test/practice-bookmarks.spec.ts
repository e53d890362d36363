import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { COMPLETE, CREATE, PUBLISH, SUBMIT, api, state, unknownId } from './support';

const BOOKMARK = `mutation($input: BookmarkPracticeInput!) { bookmarkPractice(input: $input) { practice { id bookmarkCount viewerHasBookmarked } userErrors { code } } }`;
const UNBOOKMARK = `mutation($input: BookmarkPracticeInput!) { unbookmarkPractice(input: $input) { practice { id bookmarkCount viewerHasBookmarked } userErrors { code } } }`;
const BOOKMARKED = `query($orderBy: PracticeOrder) { bookmarkedPractices(first: 10, orderBy: $orderBy) { totalCount nodes { slug viewerHasBookmarked } } }`;
const MOST_BOOKMARKED = `{ practices(first: 3, orderBy: MOST_BOOKMARKED) { nodes { slug bookmarkCount viewerHasBookmarked } } }`;

describe('bookmarks of practices', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coordinator, reader, outsider]: TestUser[] = [];
  let community: { globalId: string };
  let privateCommunity: { globalId: string };

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [author, coordinator, reader, outsider] = await Promise.all([t.users.create(), t.users.create(), t.users.create(), t.users.create()]);
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [author!.id, reader!.id] });
  });
  afterAll(() => t.close());

  async function published(title: string, communityId = community.globalId): Promise<{ id: string; slug: string }> {
    const { createPractice } = await call.data(author!, CREATE, { input: { title, communityId, ...COMPLETE } });
    await call.data(author!, SUBMIT, { input: { practiceId: createPractice.practice.id } });
    await call.data(coordinator!, PUBLISH, { input: { practiceId: createPractice.practice.id } });
    return createPractice.practice;
  }

  const count = async (slug: string) => (await t.db.query(`SELECT bookmark_count AS n FROM practice WHERE slug = $1`, [slug]))[0].n;

  it('bookmarks and unbookmarks once per person, however many times asked, and lists the viewer’s bookmarks', async () => {
    const orti = await published('Orti condivisi');
    const casa = await published('Casa dei vicini', privateCommunity.globalId);
    for (let i = 0; i < 2; i++) {
      expect((await call.data(reader!, BOOKMARK, { input: { practiceId: orti.id } })).bookmarkPractice).toEqual({
        practice: { id: orti.id, bookmarkCount: 1, viewerHasBookmarked: true },
        userErrors: [],
      });
    }
    await call.data(reader!, BOOKMARK, { input: { practiceId: casa.id } });
    expect((await call.data(reader!, BOOKMARKED)).bookmarkedPractices).toEqual({
      totalCount: 2,
      nodes: [
        { slug: casa.slug, viewerHasBookmarked: true },
        { slug: orti.slug, viewerHasBookmarked: true },
      ],
    });
    expect((await call.data(outsider!, BOOKMARKED)).bookmarkedPractices).toEqual({ totalCount: 0, nodes: [] });
    expect((await call.data(null, `query($slug: String!) { practice(slug: $slug) { bookmarkCount viewerHasBookmarked } }`, { slug: orti.slug })).practice).toEqual({
      bookmarkCount: 1,
      viewerHasBookmarked: false,
    });
    for (let i = 0; i < 2; i++) {
      expect((await call.data(reader!, UNBOOKMARK, { input: { practiceId: orti.id } })).unbookmarkPractice.practice).toEqual({
        id: orti.id,
        bookmarkCount: 0,
        viewerHasBookmarked: false,
      });
    }
    expect((await call.data(reader!, BOOKMARKED)).bookmarkedPractices.nodes).toEqual([{ slug: casa.slug, viewerHasBookmarked: true }]);
  });

  it('refuses the anonymous, practices the viewer does not read, unknown and bad ids, changing nothing', async () => {
    const hidden = await published('Sportello privato', privateCommunity.globalId);
    const before = await state(t);
    const bookmarks = async () => t.db.query(`SELECT practice_id, user_id FROM practice_bookmark ORDER BY practice_id, user_id`);
    const beforeBookmarks = await bookmarks();
    for (const document of [BOOKMARK, UNBOOKMARK]) {
      expect(await call.code(null, document, { input: { practiceId: hidden.id } })).toBe('UNAUTHENTICATED');
      expect(await call.code(outsider!, document, { input: { practiceId: hidden.id } })).toBe('NOT_FOUND');
      expect(await call.code(outsider!, document, { input: { practiceId: unknownId('Practice') } })).toBe('NOT_FOUND');
      expect(await call.code(outsider!, document, { input: { practiceId: community.globalId } })).toBe('BAD_USER_INPUT');
    }
    expect(await call.code(null, BOOKMARKED)).toBe('UNAUTHENTICATED');
    expect(await state(t)).toEqual(before);
    expect(await bookmarks()).toEqual(beforeBookmarks);
  });

  it('keeps the count exact when many people bookmark and unbookmark one practice at once, and orders practices by it', async () => {
    const popular = await published('Portineria di quartiere');
    const liked = await published('Banco del tempo');
    const people = await Promise.all(Array.from({ length: 16 }, () => t.users.create()));
    // Everyone bookmarks twice at once; then half of them unbookmark while the others bookmark again.
    await Promise.all(people.flatMap((person) => [0, 1].map(() => call.data(person, BOOKMARK, { input: { practiceId: popular.id } }))));
    expect(await count(popular.slug)).toBe(16);
    await Promise.all(
      people.flatMap((person, i) =>
        [0, 1].map(() => call.data(person, i % 2 === 0 ? UNBOOKMARK : BOOKMARK, { input: { practiceId: popular.id } })),
      ),
    );
    expect(await count(popular.slug)).toBe(8);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM practice_bookmark b JOIN practice p ON p.id = b.practice_id WHERE p.slug = $1`, [popular.slug])).toEqual([
      { n: 8 },
    ]);
    await Promise.all(people.slice(0, 3).map((person) => call.data(person, BOOKMARK, { input: { practiceId: liked.id } })));

    expect((await call.data(people[1]!, MOST_BOOKMARKED)).practices.nodes.slice(0, 2)).toEqual([
      { slug: popular.slug, bookmarkCount: 8, viewerHasBookmarked: true },
      { slug: liked.slug, bookmarkCount: 3, viewerHasBookmarked: true },
    ]);
  });
});
