import { CommunityFactory } from '../src/testing';
import { startTestApp, type TestApp } from '@bottega/identity/testing';
import { unknownId } from '@bottega/testing';

const CREATE = `
  mutation($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      community { id slug name kind visibility memberCount viewerRole viewerCanModerate territory { code } }
      userErrors { field code }
    }
  }`;
const JOIN = `mutation($input: CommunityIdInput!) { joinCommunity(input: $input) { community { memberCount viewerRole } userErrors { field code } } }`;
const LEAVE = `mutation($input: CommunityIdInput!) { leaveCommunity(input: $input) { community { memberCount viewerRole } userErrors { field code } } }`;
const INVITE = `mutation($input: CommunityMemberInput!) { inviteToCommunity(input: $input) { community { id } userErrors { field code } } }`;
const SET_ROLE = `mutation($input: SetCommunityRoleInput!) { setCommunityRole(input: $input) { community { id } userErrors { field code } } }`;
const REMOVE = `mutation($input: CommunityMemberInput!) { removeCommunityMember(input: $input) { community { memberCount } userErrors { field code } } }`;


describe('communities', () => {
  let t: TestApp;
  let communities: CommunityFactory;
  beforeAll(async () => {
    t = await startTestApp();
    communities = new CommunityFactory(t.db);
  });
  afterAll(() => t.close());

  const memberRows = async (communityId: string) =>
    Number((await t.db.query('SELECT count(*) AS n FROM community_membership WHERE community_id = $1', [communityId]))[0].n);

  describe('createCommunity', () => {
    it('lets staff open a community and makes them its coordinator', async () => {
      const moderator = await t.users.moderator().create();
      const milano = (await t.db.query(`SELECT id FROM territory WHERE code = 'IT-MI'`))[0].id;
      const { createCommunity } = await t.client.as(moderator.accessToken).data(CREATE, {
        input: {
          name: 'Welfare di comunità a Milano',
          kind: 'TERRITORIAL',
          visibility: 'PUBLIC',
          territoryId: Buffer.from(`Territory:${milano}`).toString('base64url'),
        },
      });
      expect(createCommunity).toEqual({
        community: {
          id: expect.any(String),
          slug: 'welfare-di-comunita-a-milano',
          name: 'Welfare di comunità a Milano',
          kind: 'TERRITORIAL',
          visibility: 'PUBLIC',
          memberCount: 1,
          viewerRole: 'COORDINATOR',
          viewerCanModerate: true,
          territory: { code: 'IT-MI' },
        },
        userErrors: [],
      });
    });

    it('refuses anonymous and ordinary accounts, bad input and taken slugs, creating nothing', async () => {
      const admin = await t.users.admin().create();
      const user = await t.users.create();
      const count = async () => Number((await t.db.query('SELECT count(*) AS n FROM community'))[0].n);
      const before = await count();
      const input = { name: 'Housing sociale', kind: 'THEMATIC', visibility: 'PUBLIC' };
      expect((await t.client.error(CREATE, { input })).code).toBe('UNAUTHENTICATED');
      expect((await t.client.as(user.accessToken).error(CREATE, { input })).code).toBe('FORBIDDEN');
      const asAdmin = t.client.as(admin.accessToken);
      expect((await asAdmin.data(CREATE, { input: { ...input, name: 'ab' } })).createCommunity.userErrors).toEqual([
        { field: ['input', 'name'], code: 'INVALID' },
      ]);
      expect((await asAdmin.data(CREATE, { input: { ...input, kind: 'TERRITORIAL' } })).createCommunity.userErrors).toEqual([
        { field: ['input', 'territoryId'], code: 'REQUIRED' },
      ]);
      expect((await asAdmin.error(CREATE, { input: { ...input, territoryId: unknownId('Territory') } })).code).toBe('NOT_FOUND');
      expect(await count()).toBe(before);
      await asAdmin.data(CREATE, { input: { ...input, slug: 'housing' } });
      expect((await asAdmin.data(CREATE, { input: { ...input, slug: 'housing' } })).createCommunity.userErrors).toEqual([
        { field: ['input', 'slug'], code: 'TAKEN' },
      ]);
      expect(await count()).toBe(before + 1);
    });
  });

  describe('visibility', () => {
    it('shows public communities to everyone, members-only ones to signed-in people, private ones to members, invitees and staff', async () => {
      const coordinator = await t.users.create();
      const member = await t.users.create();
      const invitee = await t.users.create();
      const outsider = await t.users.create();
      const moderator = await t.users.moderator().create();
      const tag = `Vis ${Date.now()}`;
      const pub = await communities.create({ name: `${tag} public`, visibility: 'PUBLIC', coordinatorId: coordinator.id });
      const signedIn = await communities.create({ name: `${tag} members`, visibility: 'MEMBERS_ONLY', coordinatorId: coordinator.id });
      const secret = await communities.create({
        name: `${tag} private`,
        visibility: 'PRIVATE',
        coordinatorId: coordinator.id,
        memberIds: [member.id],
        invitedIds: [invitee.id],
      });
      const seen = async (token: string | null) => {
        const client = t.client.as(token);
        const data = await client.data(
          `query($ids: [ID!]!, $slug: String!) {
            communities(first: 100) { totalCount nodes { name } }
            nodes(ids: $ids) { id }
            community(slug: $slug) { name }
          }`,
          { ids: [pub.globalId, signedIn.globalId, secret.globalId], slug: secret.slug },
        );
        return {
          listed: data.communities.nodes.map((n: { name: string }) => n.name).filter((n: string) => n.startsWith(tag)).sort(),
          nodes: data.nodes.map((n: { id: string } | null) => n !== null),
          bySlug: data.community !== null,
        };
      };
      const all = [`${tag} members`, `${tag} private`, `${tag} public`];
      expect(await seen(null)).toEqual({ listed: [`${tag} public`], nodes: [true, false, false], bySlug: false });
      expect(await seen(outsider.accessToken)).toEqual({ listed: [`${tag} members`, `${tag} public`], nodes: [true, true, false], bySlug: false });
      for (const insider of [member, invitee, coordinator, moderator]) {
        expect(await seen(insider.accessToken)).toEqual({ listed: all, nodes: [true, true, true], bySlug: true });
      }
      const { communities: counted } = await t.client.as(outsider.accessToken).data(`{ communities(first: 1) { totalCount } }`);
      const { communities: staffCount } = await t.client.as(moderator.accessToken).data(`{ communities(first: 1) { totalCount } }`);
      expect(staffCount.totalCount).toBeGreaterThan(counted.totalCount);
    });
  });

  describe('membership', () => {
    it('lets people join open communities and leave them, keeping the count', async () => {
      const coordinator = await t.users.create();
      const user = await t.users.create();
      const community = await communities.create({ visibility: 'MEMBERS_ONLY', coordinatorId: coordinator.id });
      const client = t.client.as(user.accessToken);
      expect((await client.data(JOIN, { input: { communityId: community.globalId } })).joinCommunity).toEqual({
        community: { memberCount: 2, viewerRole: 'MEMBER' },
        userErrors: [],
      });
      expect((await client.data(JOIN, { input: { communityId: community.globalId } })).joinCommunity.userErrors).toEqual([
        { field: ['input', 'communityId'], code: 'INVALID_STATE' },
      ]);
      expect((await client.data(LEAVE, { input: { communityId: community.globalId } })).leaveCommunity).toEqual({
        community: { memberCount: 1, viewerRole: null },
        userErrors: [],
      });
    });

    it('keeps private communities closed to the uninvited, and hidden: an outsider gets NOT_FOUND', async () => {
      const coordinator = await t.users.create();
      const outsider = await t.users.create();
      const community = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator.id });
      const input = { communityId: community.globalId };
      expect((await t.client.error(JOIN, { input })).code).toBe('UNAUTHENTICATED');
      expect((await t.client.as(outsider.accessToken).error(JOIN, { input })).code).toBe('NOT_FOUND');
      expect((await t.client.as(outsider.accessToken).error(JOIN, { input: { communityId: 'garbage' } })).code).toBe('BAD_USER_INPUT');
      expect(await memberRows(community.id)).toBe(1);

      const invited = await t.client.as(coordinator.accessToken).data(INVITE, { input: { ...input, userId: outsider.globalId } });
      expect(invited.inviteToCommunity.userErrors).toEqual([]);
      expect((await t.client.as(outsider.accessToken).data(JOIN, { input })).joinCommunity.community).toEqual({
        memberCount: 2,
        viewerRole: 'MEMBER',
      });
      expect(Number((await t.db.query('SELECT count(*) AS n FROM community_invitation WHERE community_id = $1', [community.id]))[0].n)).toBe(0);
    });

    it('lets only coordinators invite, promote and remove; never drops the last coordinator', async () => {
      const coordinator = await t.users.create();
      const member = await t.users.create();
      const other = await t.users.create();
      const community = await communities.create({ coordinatorId: coordinator.id, memberIds: [member.id] });
      const asMember = t.client.as(member.accessToken);
      const asCoordinator = t.client.as(coordinator.accessToken);
      const key = { communityId: community.globalId };
      expect((await asMember.error(INVITE, { input: { ...key, userId: other.globalId } })).code).toBe('FORBIDDEN');
      expect((await asMember.error(REMOVE, { input: { ...key, userId: coordinator.globalId } })).code).toBe('FORBIDDEN');
      expect((await asCoordinator.error(INVITE, { input: { ...key, userId: unknownId('User') } })).code).toBe('NOT_FOUND');
      expect((await asCoordinator.data(INVITE, { input: { ...key, userId: member.globalId } })).inviteToCommunity.userErrors).toEqual([
        { field: ['input', 'userId'], code: 'INVALID_STATE' },
      ]);
      expect((await asCoordinator.data(LEAVE, { input: key })).leaveCommunity.userErrors).toEqual([
        { field: ['input', 'userId'], code: 'INVALID_STATE' },
      ]);
      expect((await asCoordinator.data(SET_ROLE, { input: { ...key, userId: coordinator.globalId, role: 'MEMBER' } })).setCommunityRole.userErrors).toEqual([
        { field: ['input', 'userId'], code: 'INVALID_STATE' },
      ]);
      expect((await asCoordinator.data(SET_ROLE, { input: { ...key, userId: member.globalId, role: 'COORDINATOR' } })).setCommunityRole.userErrors).toEqual([]);
      expect((await asMember.data(REMOVE, { input: { ...key, userId: coordinator.globalId } })).removeCommunityMember).toEqual({
        community: { memberCount: 1 },
        userErrors: [],
      });
      expect((await asMember.error(REMOVE, { input: { ...key, userId: other.globalId } })).code).toBe('NOT_FOUND');
    });

    it('keeps the member count exact under concurrent joins', async () => {
      const coordinator = await t.users.create();
      const community = await communities.create({ coordinatorId: coordinator.id });
      const people = await Promise.all(Array.from({ length: 12 }, () => t.users.create()));
      await Promise.all(
        people.flatMap((person) =>
          [1, 2].map(() => t.client.as(person.accessToken).request(JOIN, { input: { communityId: community.globalId } })),
        ),
      );
      const [row] = await t.db.query('SELECT member_count FROM community WHERE id = $1', [community.id]);
      expect(row.member_count).toBe(13);
      expect(await memberRows(community.id)).toBe(13);
    });

    it('lists members with coordinators first', async () => {
      const coordinator = await t.users.named('Cora Coordinatrice').create();
      const member = await t.users.named('Mino Membro').create();
      const community = await communities.create({ memberIds: [member.id], coordinatorId: coordinator.id });
      const { community: found } = await t.client.data(
        `query($slug: String!) { community(slug: $slug) { members(first: 10) { totalCount nodes { role user { displayName } } } } }`,
        { slug: community.slug },
      );
      expect(found.members).toEqual({
        totalCount: 2,
        nodes: [
          { role: 'COORDINATOR', user: { displayName: 'Cora Coordinatrice' } },
          { role: 'MEMBER', user: { displayName: 'Mino Membro' } },
        ],
      });
    });
  });
});
