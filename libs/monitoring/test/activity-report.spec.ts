import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { MARCH, REPORT, api, seedScenario, unknownId, type Scenario } from './support';

describe('activityReport', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let s: Scenario;

  beforeAll(async () => {
    t = await startTestApp({ EXPOSE_SQL_STATEMENT_COUNT: 'true' });
    call = api(t);
    s = await seedScenario(t);
  });
  afterAll(() => t.close());

  const report = async (user: TestUser, scope: Record<string, string>, range: { from: string; to: string; period?: string } = MARCH) =>
    (await call.data(user, REPORT, { scope, ...range })).activityReport;
  const code = (user: TestUser | null, scope: Record<string, unknown>, range: Record<string, unknown> = MARCH) =>
    call.code(user, REPORT, { scope, ...range });

  describe('figures, computed by hand', () => {
    it('counts a territory’s threads, posts, questions and how soon they were answered, in Rome’s days', async () => {
      const lecco = await report(s.coordinator, { territoryId: s.territories.lecco.globalId });
      expect(lecco.scope).toEqual({ kind: 'TERRITORY', name: 'Lecco', territoryCount: 1, territory: { code: 'IT-LC' }, community: null, project: null });
      expect(lecco).toMatchObject({ from: '2025-03-01', to: '2025-03-31', period: 'WEEK' });
      // Three questions, a discussion opened at 00:30 on 1 March in Rome, and a thematic thread placed in Lecco;
      // not February's thread, nor the one opened at 00:30 on 1 April in Rome.
      expect(lecco.forum).toEqual({
        threads: 5,
        posts: 11,
        replies: 6,
        questionsAsked: 3,
        questionsAnswered: 2,
        questionsAnsweredWithin48Hours: 1,
        answeredWithin48HoursShare: 1 / 3,
        // First replies by someone else after 2, 50 and 4 hours (the asker's own line is not one; a deleted reply is gone).
        medianHoursToFirstReply: 4,
      });
      // Lecco's practice; Milan's taken up in Lecco (not the abandoned attempt); Lecco's taken up in Novara (not in Lecco itself).
      expect(lecco.practices).toEqual({ published: 1, adoptedHere: 1, adoptedElsewhere: 1 });
      // Four people posted; the practice's co-author published.
      expect(lecco.activeMembers).toBe(5);
      // No exchange took place: null while no library counts them, empty once one does.
      expect([null, { held: 0, participants: 0, attendanceRate: null, averageFeedback: null }]).toContainEqual(lecco.exchanges);
    });

    it('cuts the series into Monday weeks (or months), every period present, clipped to the range', async () => {
      const { periods } = await report(s.coordinator, { territoryId: s.territories.lecco.globalId });
      expect(periods).toEqual([
        { starts: '2025-03-01', ends: '2025-03-02', threads: 1, posts: 2, questionsAsked: 0, questionsAnswered: 0, answeredShare: null },
        { starts: '2025-03-03', ends: '2025-03-09', threads: 1, posts: 4, questionsAsked: 1, questionsAnswered: 1, answeredShare: 1 },
        { starts: '2025-03-10', ends: '2025-03-16', threads: 1, posts: 3, questionsAsked: 1, questionsAnswered: 1, answeredShare: 1 },
        { starts: '2025-03-17', ends: '2025-03-23', threads: 2, posts: 2, questionsAsked: 1, questionsAnswered: 0, answeredShare: 0 },
        { starts: '2025-03-24', ends: '2025-03-30', threads: 0, posts: 0, questionsAsked: 0, questionsAnswered: 0, answeredShare: null },
        { starts: '2025-03-31', ends: '2025-03-31', threads: 0, posts: 0, questionsAsked: 0, questionsAnswered: 0, answeredShare: null },
      ]);
      const monthly = await report(s.coordinator, { territoryId: s.territories.lecco.globalId }, { from: '2025-02-15', to: '2025-04-10', period: 'MONTH' });
      expect(monthly.periods.map((p: { starts: string; ends: string; threads: number }) => [p.starts, p.ends, p.threads])).toEqual([
        ['2025-02-15', '2025-02-28', 1],
        ['2025-03-01', '2025-03-31', 5],
        ['2025-04-01', '2025-04-10', 1],
      ]);
      expect(monthly.forum.threads).toBe(7);
    });

    it('counts the territories below the one asked for, and none outside', async () => {
      const lombardy = await report(s.admin, { territoryId: s.territories.lombardy.globalId });
      expect(lombardy.scope).toMatchObject({ name: 'Lombardia', territoryCount: 13 });
      // Lecco's six (the private one included, for staff), Milan's question and the thematic thread placed in Milan; not Novara's.
      expect(lombardy.forum).toMatchObject({ threads: 8, posts: 16, questionsAsked: 4, questionsAnswered: 3, questionsAnsweredWithin48Hours: 2 });
      // Milan's practice travelled within Lombardy: neither in nor out.
      expect(lombardy.practices).toEqual({ published: 2, adoptedHere: 0, adoptedElsewhere: 1 });
    });

    it('counts a community’s content, and a project’s practices and territories', async () => {
      const community = await report(s.coordinator, { communityId: s.lecco.globalId });
      expect(community.scope).toMatchObject({ kind: 'COMMUNITY', name: s.lecco.name, territoryCount: 1, community: { id: s.lecco.globalId } });
      expect(community.forum).toMatchObject({ threads: 4, posts: 10, questionsAsked: 3 });
      expect(community.practices).toEqual({ published: 1, adoptedHere: 1, adoptedElsewhere: 1 });
      const thematic = await report(s.admin, { communityId: s.thematic.globalId });
      expect(thematic.forum.threads).toBe(2);
      // A community placed nowhere has no "here" for practices to come to.
      expect(thematic.practices.adoptedHere).toBeNull();

      const project = await report(s.teamMember, { projectId: s.project.globalId });
      expect(project.scope).toMatchObject({ kind: 'PROJECT', name: s.project.title, project: { id: s.project.globalId } });
      expect(project.forum.threads).toBe(5);
      expect(project.practices).toEqual({ published: 1, adoptedHere: 1, adoptedElsewhere: 1 });
    });
  });

  describe('visibility', () => {
    it('counts private content for those who read it (positive control) and not for a coordinator who does not (negative)', async () => {
      const scope = { territoryId: s.territories.lecco.globalId };
      const [outsider, insider, staff] = await Promise.all([report(s.coordinator, scope), report(s.privateCoordinator, scope), report(s.admin, scope)]);
      expect(outsider.forum.threads).toBe(5);
      expect(insider.forum).toMatchObject({ threads: 6, posts: 13, replies: 7, medianHoursToFirstReply: 3 });
      expect(staff.forum).toEqual(insider.forum);
      expect(outsider.practices.published).toBe(1);
      expect(insider.practices.published).toBe(2);
      expect(outsider.activeMembers).toBe(5);
      expect(insider.activeMembers).toBe(7);
    });
  });

  describe('hidden posts', () => {
    it('count for their community’s coordinators and staff (positive control), not for other coordinators (negative)', async () => {
      const scope = { territoryId: s.territories.lecco.globalId };
      const hide = (hidden: boolean) =>
        t.db.query(
          `UPDATE post SET hidden_at = CASE WHEN $2::boolean THEN now() END
            WHERE created_at = '2025-03-05T10:00:00Z' AND thread_id IN (SELECT id FROM thread WHERE community_id = $1)`,
          [s.lecco.id, hidden],
        );
      expect((await report(s.regionalCoordinator, scope)).forum.posts).toBe(11);
      await hide(true);
      try {
        expect((await report(s.regionalCoordinator, scope)).forum).toMatchObject({ posts: 10, replies: 5 });
        expect((await report(s.coordinator, scope)).forum).toMatchObject({ posts: 11, replies: 6 });
        expect((await report(s.admin, scope)).forum.posts).toBe(13);
      } finally {
        await hide(false);
      }
    });
  });

  describe('who sees it', () => {
    it('shows a territory to coordinators of a community in it, below it or above it, and to staff', async () => {
      const lecco = { territoryId: s.territories.lecco.globalId };
      for (const user of [s.coordinator, s.privateCoordinator, s.regionalCoordinator, s.admin]) {
        expect((await report(user, lecco)).scope.name).toBe('Lecco');
      }
      expect((await report(s.coordinator, { territoryId: s.territories.lombardy.globalId })).forum.threads).toBe(7);
      const moderator = await t.users.moderator().create();
      expect((await report(moderator, lecco)).forum.threads).toBe(6);
    });

    it('is refused to anyone signed out, and FORBIDDEN to those who coordinate nothing there', async () => {
      expect(await code(null, { territoryId: s.territories.lecco.globalId })).toBe('UNAUTHENTICATED');
      expect(await code(s.member, { territoryId: s.territories.lecco.globalId })).toBe('FORBIDDEN');
      expect(await code(s.teamMember, { territoryId: s.territories.lecco.globalId })).toBe('FORBIDDEN');
      expect(await code(s.novaraCoordinator, { territoryId: s.territories.lecco.globalId })).toBe('FORBIDDEN');
      expect(await code(s.novaraCoordinator, { territoryId: s.territories.lombardy.globalId })).toBe('FORBIDDEN');
      expect(await code(s.member, { communityId: s.lecco.globalId })).toBe('FORBIDDEN');
      expect(await code(s.novaraCoordinator, { projectId: s.project.globalId })).toBe('FORBIDDEN');
      expect(await code(s.member, { projectId: s.project.globalId })).toBe('FORBIDDEN');
      const suspended = await t.users.suspended().create();
      await t.db.query(`INSERT INTO community_membership (community_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`, [s.lecco.id, suspended.id]);
      expect(await code(suspended, { communityId: s.lecco.globalId })).toBe('UNAUTHENTICATED');
    });

    it('shows a project to its team and to the coordinators of a community in its territories', async () => {
      expect((await report(s.coordinator, { projectId: s.project.globalId })).scope.kind).toBe('PROJECT');
      expect((await report(s.teamMember, { projectId: s.project.globalId })).scope.kind).toBe('PROJECT');
    });

    it('is NOT_FOUND for unknown ids, and for a private community the viewer may not read', async () => {
      expect(await code(s.admin, { territoryId: unknownId('Territory') })).toBe('NOT_FOUND');
      expect(await code(s.admin, { communityId: unknownId('Community') })).toBe('NOT_FOUND');
      expect(await code(s.admin, { projectId: unknownId('Project') })).toBe('NOT_FOUND');
      expect(await code(s.coordinator, { communityId: s.privateLecco.globalId })).toBe('NOT_FOUND');
      expect(await code(s.member, { communityId: s.privateLecco.globalId })).toBe('NOT_FOUND');
      expect((await report(s.privateCoordinator, { communityId: s.privateLecco.globalId })).forum.threads).toBe(1);
    });
  });

  describe('bad input', () => {
    const lecco = () => ({ territoryId: s.territories.lecco.globalId });

    it('needs exactly one of a territory, a community or a project, each a valid id of its kind', async () => {
      expect(await code(s.admin, {})).toBe('BAD_USER_INPUT');
      expect(await code(s.admin, { territoryId: s.territories.lecco.globalId, communityId: s.lecco.globalId })).toBe('BAD_USER_INPUT');
      expect(await code(s.admin, { territoryId: s.lecco.globalId })).toBe('BAD_USER_INPUT');
      expect(await code(s.admin, { projectId: 'not-an-id' })).toBe('BAD_USER_INPUT');
      const { body } = await call.request(s.admin, REPORT, { scope: { communityId: s.lecco.globalId, projectId: s.project.globalId }, ...MARCH });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['scope', 'projectId'] });
    });

    it('needs real dates, the last not before the first, at most five years apart', async () => {
      expect(await code(s.admin, lecco(), { from: '2025-03-31', to: '2025-03-01' })).toBe('BAD_USER_INPUT');
      expect(await code(s.admin, lecco(), { from: '2020-01-01', to: '2025-01-01' })).toBe('BAD_USER_INPUT');
      expect(await code(s.admin, lecco(), { from: '2025-02-30', to: '2025-03-01' })).toBe('BAD_USER_INPUT');
      expect(await code(s.admin, lecco(), { from: '2025-03-01', to: 'tomorrow' })).toBe('BAD_USER_INPUT');
      expect((await report(s.admin, lecco(), { from: '2020-01-01', to: '2024-12-31' })).period).toBe('MONTH');
      const { body } = await call.request(s.admin, REPORT, { scope: lecco(), from: '2025-03-31', to: '2025-03-01' });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['to'] });
    });

    it('checks the viewer before the input', async () => {
      expect(await code(null, {}, { from: '2025-03-31', to: '2025-03-01' })).toBe('UNAUTHENTICATED');
    });
  });

  describe('cost', () => {
    it('runs the same few statements however large the scope and whatever it contains', async () => {
      const statements = async (user: TestUser, scope: Record<string, string>) => {
        const response = await t.client.as(user.accessToken).request<any>(REPORT, { scope, ...MARCH });
        expect(response.body.errors).toBeUndefined();
        return Number(response.headers.get('x-sql-statements'));
      };
      // The session is read with the first request and then remembered.
      await statements(s.coordinator, { territoryId: s.territories.lecco.globalId });
      const lecco = await statements(s.coordinator, { territoryId: s.territories.lecco.globalId });
      const lombardy = await statements(s.coordinator, { territoryId: s.territories.lombardy.globalId });
      // The territory, those below it, those above it, the coordinated communities; then forum, practices, exchanges and active members at once.
      expect(lecco).toBe(8);
      expect(lombardy).toBe(lecco);
      await statements(s.admin, { territoryId: s.territories.lecco.globalId });
      // Staff need no check of what they coordinate.
      expect(await statements(s.admin, { territoryId: s.territories.lombardy.globalId })).toBe(6);
    });
  });
});
