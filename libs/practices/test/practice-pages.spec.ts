import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { ADD_MEDIA, COMPLETE, CREATE, PUBLISH, SUBMIT, api } from './support';

const BOOKMARK = `mutation($input: BookmarkPracticeInput!) { bookmarkPractice(input: $input) { practice { id } } }`;

const PAGE = `query($first: Int!) { practices(first: $first) { totalCount nodes {
  id slug title status need { html } tags authors { displayName } territories { name } project { title } community { name }
  viewerCanEdit viewerCanSubmit viewerCanPublish viewerCanReturn viewerCanArchive
  media { kind caption consented consent { givenBy recordedBy { displayName } } }
  adoptionCount bookmarkCount viewerHasBookmarked viewerCanRecordAdoption } } }`;

describe('a page of practices', () => {
  let t: TestApp;
  let [author, coAuthor, coordinator]: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp({ EXPOSE_SQL_STATEMENT_COUNT: 'true' });
    const { users } = t;
    [author, coAuthor, coordinator] = await Promise.all([users.create(), users.create(), users.create()]);
    const community = await new CommunityFactory(t.db).create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
    const directory = new DirectoryFactory(t.db);
    const territoryIds = [(await directory.territory('IT-MI')).globalId, (await directory.territory('IT-BG')).globalId];
    const call = api(t);
    for (let i = 0; i < 8; i++) {
      const project = (await directory.project()).globalId;
      const { createPractice } = await call.data(author!, CREATE, {
        input: { title: `Pratica numero ${i}`, communityId: community.globalId, coAuthorIds: [coAuthor!.globalId], territoryIds, projectId: project, tags: [`tema-${i}`], ...COMPLETE },
      });
      const practiceId = createPractice.practice.id;
      await call.data(author!, ADD_MEDIA, {
        input: { practiceId, kind: 'IMAGE', url: `https://example.org/${i}.jpg`, altText: 'Un orto', consent: { givenBy: 'Ada Neri', givenOn: '2024-05-02', use: 'Bottega' } },
      });
      await call.data(author!, ADD_MEDIA, { input: { practiceId, kind: 'DOCUMENT', url: `https://example.org/${i}.pdf` } });
      await call.data(coordinator!, BOOKMARK, { input: { practiceId } });
      // Half published, half still drafts the coordinator reviews.
      if (i % 2 === 0) {
        await call.data(author!, SUBMIT, { input: { practiceId: createPractice.practice.id } });
        await call.data(coordinator!, PUBLISH, { input: { practiceId: createPractice.practice.id } });
      }
    }
  });
  afterAll(() => t.close());

  it('is read in the same number of statements however long it is', async () => {
    const statements = async (first: number) => {
      const response = await t.client.as(coordinator!.accessToken).request<any>(PAGE, { first });
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.practices.nodes).toHaveLength(first);
      return Number(response.headers.get('x-sql-statements'));
    };
    const short = await statements(2);
    expect(short).toBeGreaterThan(0);
    const page = (await t.client.as(coordinator!.accessToken).data(PAGE, { first: 8 })).practices.nodes;
    expect(page.every((p: { media: unknown[]; viewerHasBookmarked: boolean }) => p.media.length === 2 && p.viewerHasBookmarked)).toBe(true);
    expect(await statements(8)).toBe(short);
  });
});
