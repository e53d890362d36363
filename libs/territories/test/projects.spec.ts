import { UserFactory } from '@bottega/identity/testing';
import { startTestApp, type TestApp, unknownId } from '@bottega/testing';
import { DirectoryFactory } from '../src/testing';

const CREATE = `
  mutation Create($input: CreateProjectInput!) {
    createProject(input: $input) {
      project {
        id slug title startsOn endsOn themes phase
        territories { code }
        partners { role organization { name } }
        viewerCanEdit
      }
      userErrors { field code message }
    }
  }`;
const UPDATE = `
  mutation Update($input: UpdateProjectInput!) {
    updateProject(input: $input) {
      project { title endsOn themes partners { role organization { name } } territories { code } }
      userErrors { field code }
    }
  }`;
const TEAM = `team { role title user { id displayName } }`;
const ADD = `mutation($input: AddProjectMemberInput!) { addProjectMember(input: $input) { project { ${TEAM} } userErrors { field code } } }`;
const UPDATE_MEMBER = `mutation($input: UpdateProjectMemberInput!) { updateProjectMember(input: $input) { project { ${TEAM} } userErrors { field code } } }`;
const REMOVE = `mutation($input: RemoveProjectMemberInput!) { removeProjectMember(input: $input) { project { ${TEAM} } userErrors { field code } } }`;


describe('projects', () => {
  let t: TestApp;
  let users: UserFactory;
  let directory: DirectoryFactory;
  let admin: { accessToken: string };
  let milano: string;
  let lecco: string;
  beforeAll(async () => {
    t = await startTestApp();
    users = new UserFactory(t.app);
    directory = new DirectoryFactory(t.db);
    admin = await users.admin().create();
    milano = (await directory.territory('IT-MI')).globalId;
    lecco = (await directory.territory('IT-LC')).globalId;
  });
  afterAll(() => t.close());

  const projectCount = async () => Number((await t.db.query('SELECT count(*) AS n FROM project'))[0].n);
  const validInput = () => ({
    title: 'Città Solidale',
    summary: 'Welfare di comunità nei quartieri',
    startsOn: '2024-03-01',
    endsOn: '2027-02-28',
    themes: ['Anziani soli', 'elderly-care', 'Anziani  Soli'],
    territoryIds: [milano, lecco],
  });

  describe('createProject', () => {
    it('creates a living lab with its territories, partners and a slug made from the title', async () => {
      const lead = await directory.organization({ name: 'Comune di Milano', kind: 'PUBLIC_BODY' });
      const partner = await directory.organization({ name: 'Fondazione Cariplo Test' });
      const client = t.client.as(admin.accessToken);
      const { createProject } = await client.data(CREATE, {
        input: {
          ...validInput(),
          partners: [
            { organizationId: partner.globalId },
            { organizationId: lead.globalId, role: 'LEAD' },
          ],
        },
      });
      expect(createProject.userErrors).toEqual([]);
      expect(createProject.project).toMatchObject({
        slug: 'citta-solidale',
        startsOn: '2024-03-01',
        endsOn: '2027-02-28',
        themes: ['anziani-soli', 'elderly-care'],
        viewerCanEdit: true,
        partners: [
          { role: 'LEAD', organization: { name: 'Comune di Milano' } },
          { role: 'PARTNER', organization: { name: 'Fondazione Cariplo Test' } },
        ],
      });
      expect(createProject.project.territories.map((x: { code: string }) => x.code).sort()).toEqual(['IT-LC', 'IT-MI']);
      const again = await client.data(CREATE, { input: validInput() });
      expect(again.createProject.project.slug).toBe('citta-solidale-2');
    });

    it('needs a signed-in admin and changes nothing otherwise', async () => {
      const before = await projectCount();
      expect((await t.client.error(CREATE, { input: validInput() })).code).toBe('UNAUTHENTICATED');
      const user = await users.create();
      expect((await t.client.as(user.accessToken).error(CREATE, { input: validInput() })).code).toBe('FORBIDDEN');
      expect(await projectCount()).toBe(before);
    });

    it.each([
      ['an end before the start', { endsOn: '2023-12-31' }, ['input', 'endsOn'], 'OUT_OF_RANGE'],
      ['no territory', { territoryIds: [] }, ['input', 'territoryIds'], 'TOO_SHORT'],
      ['a two-letter title', { title: 'Ab' }, ['input', 'title'], 'INVALID'],
      ['a slug with spaces', { slug: 'my project' }, ['input', 'slug'], 'INVALID'],
      ['a one-letter theme', { themes: ['x'] }, ['input', 'themes'], 'TOO_SHORT'],
    ])('refuses %s with a user error and creates nothing', async (_case, change, field, code) => {
      const before = await projectCount();
      const { createProject } = await t.client.as(admin.accessToken).data(CREATE, { input: { ...validInput(), ...change } });
      expect(createProject.project).toBeNull();
      expect(createProject.userErrors).toContainEqual(expect.objectContaining({ field, code }));
      expect(await projectCount()).toBe(before);
    });

    it('refuses two lead partners, or one organization twice', async () => {
      const a = await directory.organization();
      const b = await directory.organization();
      const client = t.client.as(admin.accessToken);
      const twoLeads = await client.data(CREATE, {
        input: { ...validInput(), partners: [{ organizationId: a.globalId, role: 'LEAD' }, { organizationId: b.globalId, role: 'LEAD' }] },
      });
      expect(twoLeads.createProject.userErrors).toEqual([expect.objectContaining({ field: ['input', 'partners'], code: 'INVALID' })]);
      const twice = await client.data(CREATE, {
        input: { ...validInput(), partners: [{ organizationId: a.globalId }, { organizationId: a.globalId }] },
      });
      expect(twice.createProject.userErrors).toEqual([expect.objectContaining({ field: ['input', 'partners'], code: 'INVALID' })]);
    });

    it('refuses a slug already taken', async () => {
      const client = t.client.as(admin.accessToken);
      await client.data(CREATE, { input: { ...validInput(), slug: 'orti-di-quartiere' } });
      const before = await projectCount();
      const { createProject } = await client.data(CREATE, { input: { ...validInput(), slug: 'orti-di-quartiere' } });
      expect(createProject.userErrors).toEqual([expect.objectContaining({ field: ['input', 'slug'], code: 'TAKEN' })]);
      expect(await projectCount()).toBe(before);
    });

    it('refuses unknown territories and organizations, malformed ids and impossible dates', async () => {
      const before = await projectCount();
      const client = t.client.as(admin.accessToken);
      expect((await client.error(CREATE, { input: { ...validInput(), territoryIds: [unknownId('Territory')] } })).code).toBe('NOT_FOUND');
      expect(
        (await client.error(CREATE, { input: { ...validInput(), partners: [{ organizationId: unknownId('Organization') }] } })).code,
      ).toBe('NOT_FOUND');
      expect((await client.error(CREATE, { input: { ...validInput(), territoryIds: ['garbage'] } })).code).toBe('BAD_USER_INPUT');
      expect((await client.error(CREATE, { input: { ...validInput(), startsOn: '2024-02-30' } })).code).toBe('BAD_USER_INPUT');
      expect(await projectCount()).toBe(before);
    });
  });

  describe('updateProject', () => {
    it('changes the given fields and replaces partners and territories', async () => {
      const project = await directory.project({ title: 'Portierato Sociale', territoryCodes: ['IT-MI'] });
      const coop = await directory.organization({ name: 'Cooperativa Portierato' });
      const { updateProject } = await t.client.as(admin.accessToken).data(UPDATE, {
        input: {
          id: project.globalId,
          endsOn: '2028-06-30',
          themes: ['Housing'],
          territoryIds: [lecco],
          partners: [{ organizationId: coop.globalId, role: 'LEAD' }],
        },
      });
      expect(updateProject).toEqual({
        project: {
          title: 'Portierato Sociale',
          endsOn: '2028-06-30',
          themes: ['housing'],
          partners: [{ role: 'LEAD', organization: { name: 'Cooperativa Portierato' } }],
          territories: [{ code: 'IT-LC' }],
        },
        userErrors: [],
      });
    });

    it('checks dates against the stored ones, refuses unknown ids and non-admins', async () => {
      const project = await directory.project({ startsOn: '2025-01-01', endsOn: '2027-12-31' });
      const client = t.client.as(admin.accessToken);
      const { updateProject } = await client.data(UPDATE, { input: { id: project.globalId, endsOn: '2024-12-31' } });
      expect(updateProject.userErrors).toEqual([{ field: ['input', 'endsOn'], code: 'OUT_OF_RANGE' }]);
      expect((await client.error(UPDATE, { input: { id: unknownId('Project'), title: 'Nuovo' } })).code).toBe('NOT_FOUND');
      const user = await users.create();
      expect((await t.client.as(user.accessToken).error(UPDATE, { input: { id: project.globalId, title: 'Nuovo' } })).code).toBe(
        'FORBIDDEN',
      );
      const [row] = await t.db.query('SELECT title, ends_on::text AS ends_on FROM project WHERE id = $1', [project.id]);
      expect(row.ends_on).toBe('2027-12-31');
      expect(row.title).toBe(project.title);
    });
  });

  describe('projects query', () => {
    it('filters by territory and below, partner, theme, phase and title, in the chosen order', async () => {
      const partner = await directory.organization({ name: 'Partner Filtri' });
      await directory.project({ title: 'Filtri Bergamo', territoryCodes: ['IT-BG'], themes: ['youth'], startsOn: '2020-01-01', endsOn: '2021-01-01' });
      await directory.project({
        title: 'Filtri Novara',
        territoryCodes: ['IT-NO'],
        themes: ['youth'],
        startsOn: '2099-01-01',
        endsOn: '2100-01-01',
        partners: [{ organizationId: partner.id, role: 'PARTNER' }],
      });
      const lombardia = (await directory.territory('IT-25')).globalId;
      const data = await t.client.data(
        `query($lombardia: ID!, $partner: ID!) {
          lombardy: projects(filter: { territory: $lombardia, titlePrefix: "filtri" }) { nodes { title phase } }
          partner: projects(filter: { organization: $partner }) { nodes { title } }
          youth: projects(filter: { theme: "Youth", titlePrefix: "Filtri" }, orderBy: TITLE) { nodes { title } }
          upcoming: projects(filter: { phase: UPCOMING, titlePrefix: "Filtri" }) { nodes { title } }
          ended: projects(filter: { phase: ENDED, titlePrefix: "Filtri" }) { nodes { title } }
        }`,
        { lombardia, partner: partner.globalId },
      );
      expect(data.lombardy.nodes).toEqual([{ title: 'Filtri Bergamo', phase: 'ENDED' }]);
      expect(data.partner.nodes).toEqual([{ title: 'Filtri Novara' }]);
      expect(data.youth.nodes).toEqual([{ title: 'Filtri Bergamo' }, { title: 'Filtri Novara' }]);
      expect(data.upcoming.nodes).toEqual([{ title: 'Filtri Novara' }]);
      expect(data.ended.nodes).toEqual([{ title: 'Filtri Bergamo' }]);
    });

    it('loads a page of projects with a constant number of SQL statements, however long the page', async () => {
      const people = await Promise.all([1, 2, 3].map(() => users.create()));
      const org = await directory.organization();
      for (let i = 0; i < 24; i++) {
        await directory.project({
          title: `Statements ${String(i).padStart(2, '0')}`,
          territoryCodes: ['IT-MI', 'IT-CO'],
          leadUserId: people[i % 3]!.id,
          partners: [{ organizationId: org.id, role: 'LEAD' }],
        });
      }
      const page = `query($first: Int!) {
        projects(first: $first, filter: { titlePrefix: "Statements" }, orderBy: TITLE) {
          totalCount
          nodes { title phase territories { code parent { code } } partners { organization { name territory { code } } } team { user { displayName } } viewerCanManageTeam }
        }
      }`;
      const client = t.client.as(admin.accessToken);
      const statements = async (first: number) => {
        const response = await client.request<{ projects: { nodes: unknown[] } }>(page, { first });
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.projects.nodes).toHaveLength(first);
        return Number(response.headers.get('x-sql-statements'));
      };
      const small = await statements(3);
      const large = await statements(24);
      expect(small).toBeGreaterThan(3);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(11);
    });
  });

  describe('team', () => {
    it('lets a project lead add, retitle and remove members; viewerCanManageTeam follows the same rule', async () => {
      const lead = await users.named('Lucia Lead').create();
      const newcomer = await users.named('Nico Nuovo').create();
      const project = await directory.project({ leadUserId: lead.id });
      const asLead = t.client.as(lead.accessToken);
      const added = await asLead.data(ADD, { input: { projectId: project.globalId, userId: newcomer.globalId, title: 'facilitatore' } });
      expect(added.addProjectMember.project.team).toEqual([
        { role: 'LEAD', title: null, user: { id: lead.globalId, displayName: 'Lucia Lead' } },
        { role: 'MEMBER', title: 'facilitatore', user: { id: newcomer.globalId, displayName: 'Nico Nuovo' } },
      ]);
      const can = `query($slug: String!) { project(slug: $slug) { viewerCanManageTeam } }`;
      expect((await asLead.data(can, { slug: project.slug })).project.viewerCanManageTeam).toBe(true);
      expect((await t.client.as(newcomer.accessToken).data(can, { slug: project.slug })).project.viewerCanManageTeam).toBe(false);
      expect((await t.client.data(can, { slug: project.slug })).project.viewerCanManageTeam).toBe(false);
      expect((await t.client.as(admin.accessToken).data(can, { slug: project.slug })).project.viewerCanManageTeam).toBe(true);

      const retitled = await asLead.data(UPDATE_MEMBER, { input: { projectId: project.globalId, userId: newcomer.globalId, title: 'community manager' } });
      expect(retitled.updateProjectMember.project.team[1].title).toBe('community manager');
      const removed = await asLead.data(REMOVE, { input: { projectId: project.globalId, userId: newcomer.globalId } });
      expect(removed.removeProjectMember.project.team).toHaveLength(1);
    });

    it('refuses anonymous callers, plain members, unknown projects and people, duplicates and bad input', async () => {
      const lead = await users.create();
      const member = await users.create();
      const outsider = await users.create();
      const project = await directory.project({ leadUserId: lead.id, members: [member.id] });
      const input = { projectId: project.globalId, userId: outsider.globalId };
      const teamSize = async () =>
        Number((await t.db.query('SELECT count(*) AS n FROM project_member WHERE project_id = $1', [project.id]))[0].n);

      expect((await t.client.error(ADD, { input })).code).toBe('UNAUTHENTICATED');
      expect((await t.client.as(member.accessToken).error(ADD, { input })).code).toBe('FORBIDDEN');
      const asLead = t.client.as(lead.accessToken);
      expect((await asLead.error(ADD, { input: { ...input, projectId: unknownId('Project') } })).code).toBe('NOT_FOUND');
      expect((await asLead.error(ADD, { input: { ...input, userId: unknownId('User') } })).code).toBe('NOT_FOUND');
      expect((await asLead.error(ADD, { input: { ...input, userId: project.globalId } })).code).toBe('BAD_USER_INPUT');
      const duplicate = await asLead.data(ADD, { input: { ...input, userId: member.globalId } });
      expect(duplicate.addProjectMember.userErrors).toEqual([{ field: ['input', 'userId'], code: 'TAKEN' }]);
      const longTitle = await asLead.data(ADD, { input: { ...input, title: 'x'.repeat(81) } });
      expect(longTitle.addProjectMember.userErrors).toEqual([{ field: ['input', 'title'], code: 'TOO_LONG' }]);
      expect((await asLead.error(REMOVE, { input })).code).toBe('NOT_FOUND');
      expect((await t.client.as(member.accessToken).error(REMOVE, { input: { ...input, userId: lead.globalId } })).code).toBe('FORBIDDEN');
      expect(await teamSize()).toBe(2);
    });

    it('never leaves a project without a lead', async () => {
      const lead = await users.create();
      const project = await directory.project({ leadUserId: lead.id });
      const asLead = t.client.as(lead.accessToken);
      const key = { projectId: project.globalId, userId: lead.globalId };
      expect((await asLead.data(REMOVE, { input: key })).removeProjectMember.userErrors).toEqual([
        { field: ['input', 'userId'], code: 'INVALID_STATE' },
      ]);
      expect((await asLead.data(UPDATE_MEMBER, { input: { ...key, role: 'MEMBER' } })).updateProjectMember.userErrors).toEqual([
        { field: ['input', 'userId'], code: 'INVALID_STATE' },
      ]);
    });

    it('lets only one of two leads demote the other when both try at once', async () => {
      for (let round = 0; round < 5; round++) {
        const [anna, bruno] = await Promise.all([users.create(), users.create()]);
        const project = await directory.project({ leadUserId: anna.id });
        await t.db.query(`INSERT INTO project_member (project_id, user_id, role) VALUES ($1, $2, 'LEAD')`, [project.id, bruno.id]);
        const results = await Promise.all([
          t.client.as(anna.accessToken).request(REMOVE, { input: { projectId: project.globalId, userId: bruno.globalId } }),
          t.client.as(bruno.accessToken).request(REMOVE, { input: { projectId: project.globalId, userId: anna.globalId } }),
        ]);
        const leads = await t.db.query(`SELECT user_id FROM project_member WHERE project_id = $1 AND role = 'LEAD'`, [project.id]);
        expect(leads).toHaveLength(1);
        const succeeded = results.filter((r) => (r.body.data?.['removeProjectMember'] as { project: unknown } | undefined)?.project);
        expect(succeeded).toHaveLength(1);
      }
    });
  });
});
