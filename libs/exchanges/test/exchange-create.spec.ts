import { startTestApp, type TestApp } from '@bottega/identity/testing';
import { CREATE, NODE, api, create, errorsOf, exchangeDbId, inDays, state, unknownId, visit, world, type World } from './support';

describe('createPeerExchange', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  it('plans a draft with its discussion thread in the host community, hosts, agenda, links and an outbox record', async () => {
    const practice = await t.db.query(
      `INSERT INTO practice (slug, kind, title, status, created_by, published_at) VALUES ('custodi', 'PRACTICE', 'Custodi sociali', 'PUBLISHED', $1, now()) RETURNING id`,
      [w.coordinator.id],
    );
    const [skill] = await t.db.query(`SELECT id FROM skill WHERE key = 'co-design'`);
    const input = visit(w, {
      title: '  Visita   al portierato sociale ',
      description: 'Come funziona un **custode**, <script>x</script>',
      startsAt: '2030-03-30T08:00:00+02:00',
      endsAt: '2030-03-30T13:00:00+02:00',
      registrationDeadline: '2030-03-28T22:00:00Z',
      agenda: [
        { startsAt: '2030-03-30T08:00:00+02:00', title: 'Accoglienza', note: 'In portineria' },
        { startsAt: '2030-03-30T10:30:00+02:00', title: 'Giro del quartiere' },
      ],
      hostIds: [w.member.globalId, w.coordinator.globalId],
      practiceIds: [Buffer.from(`Practice:${practice[0].id}`).toString('base64url')],
      skillIds: [Buffer.from(`Skill:${skill.id}`).toString('base64url')],
    });
    const { createPeerExchange } = await call.data(w.coordinator, CREATE, { input });
    expect(createPeerExchange.userErrors).toEqual([]);
    const exchange = createPeerExchange.peerExchange;
    expect(exchange).toMatchObject({
      title: 'Visita al portierato sociale',
      format: 'STUDY_VISIT',
      status: 'DRAFT',
      startsAt: '2030-03-30T06:00:00.000Z',
      endsAt: '2030-03-30T11:00:00.000Z',
      timeZone: 'Europe/Rome',
      registrationDeadline: '2030-03-28T22:00:00.000Z',
      capacity: 10,
      registeredCount: 0,
      waitlistedCount: 0,
      seatsLeft: 10,
      version: 1,
      description: { markdown: 'Come funziona un **custode**, <script>x</script>' },
      agenda: [
        { startsAt: '2030-03-30T06:00:00.000Z', title: 'Accoglienza', note: 'In portineria' },
        { startsAt: '2030-03-30T08:30:00.000Z', title: 'Giro del quartiere', note: null },
      ],
      venue: 'Via Pascarella 21, Milano',
      hostTerritory: { code: 'IT-MI' },
      hostProject: { title: 'Città che cura' },
      hostCommunity: { id: w.community.globalId },
      thread: { title: 'Visita al portierato sociale' },
      hosts: [{ id: w.member.globalId }, { id: w.coordinator.globalId }],
      practicesToStudy: [{ id: (input['practiceIds'] as string[])[0] }],
      targetSkills: [{ id: (input['skillIds'] as string[])[0] }],
      viewerCanManage: true,
      viewerCanRegister: false,
      viewerRegistration: null,
    });
    expect(exchange.description.html).toContain('<strong>custode</strong>');
    expect(exchange.description.html).not.toContain('<script');
    const id = exchangeDbId(exchange.id);
    const [thread] = await t.db.query(`SELECT t.community_id, t.post_count FROM thread t JOIN peer_exchange e ON e.thread_id = t.id WHERE e.id = $1`, [id]);
    expect(thread).toEqual({ community_id: w.community.id, post_count: 1 });
    expect(await t.db.query(`SELECT change FROM outbox_event WHERE kind = 'PeerExchange' AND subject_id = $1`, [id])).toEqual([{ change: 'CREATED' }]);
  });

  it('lets the host project’s lead and admins plan, the creator being the host when none is named', async () => {
    const byLead = await create(t, w, { hostIds: null }, w.lead);
    expect(byLead.hosts).toEqual([{ id: w.lead.globalId }]);
    expect(byLead.viewerCanManage).toBe(true);
    const byAdmin = await create(t, w, { hostProjectId: null }, w.admin);
    expect(byAdmin.hostProject).toBeNull();
  });

  it('refuses anonymous, forbidden and unknown references with their typed errors, changing nothing', async () => {
    const before = await state(t);
    expect(await call.code(null, CREATE, { input: visit(w) })).toBe('UNAUTHENTICATED');
    // A member of the community, not a coordinator, and a lead of no project given.
    expect(await call.code(w.member, CREATE, { input: visit(w) })).toBe('FORBIDDEN');
    expect(await call.code(w.lead, CREATE, { input: visit(w, { hostProjectId: null }) })).toBe('FORBIDDEN');
    expect(await call.code(w.coordinator, CREATE, { input: visit(w, { hostCommunityId: unknownId('Community') }) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, CREATE, { input: visit(w, { hostTerritoryId: unknownId('Territory') }) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, CREATE, { input: visit(w, { hostProjectId: unknownId('Project') }) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, CREATE, { input: visit(w, { practiceIds: [unknownId('Practice')] }) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, CREATE, { input: visit(w, { skillIds: [unknownId('Skill')] }) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, CREATE, { input: visit(w, { hostIds: [unknownId('User')] }) })).toBe('NOT_FOUND');
    expect(await call.code(w.coordinator, CREATE, { input: visit(w, { startsAt: 'next tuesday' }) })).toBe('BAD_USER_INPUT');
    expect(await state(t)).toEqual(before);
  });

  it('refuses a bad schedule, capacity, link or title as user errors, changing nothing', async () => {
    const before = await state(t);
    const refused = async (input: Record<string, unknown>) => {
      const { createPeerExchange } = await call.data(w.coordinator, CREATE, { input: visit(w, input) });
      expect(createPeerExchange.peerExchange).toBeNull();
      return errorsOf(createPeerExchange.userErrors);
    };
    expect(await refused({ endsAt: inDays(14, -1) })).toEqual([['input.endsAt', 'OUT_OF_RANGE']]);
    expect(await refused({ endsAt: inDays(14) , startsAt: inDays(14) })).toEqual([['input.endsAt', 'OUT_OF_RANGE']]);
    expect(await refused({ registrationDeadline: inDays(15) })).toEqual([['input.registrationDeadline', 'OUT_OF_RANGE']]);
    expect(await refused({ capacity: -1 })).toEqual([['input.capacity', 'OUT_OF_RANGE']]);
    expect(await refused({ onlineUrl: 'http://meet.example.org/x' })).toEqual([['input.onlineUrl', 'INVALID']]);
    expect(await refused({ title: 'Visita' })).toEqual([['input.title', 'TOO_SHORT']]);
    expect(await refused({ agenda: [{ startsAt: inDays(20), title: 'Dopo' }] })).toEqual([['input.agenda.0.startsAt', 'OUT_OF_RANGE']]);
    expect(await state(t)).toEqual(before);
  });

  it('shows a draft only to those inside it: coordinators, hosts, the project’s leads, staff', async () => {
    const draft = await create(t, w, { hostIds: [w.member.globalId], hostProjectId: null });
    const [reader] = await Promise.all([t.users.create()]);
    const seen = async (user: Parameters<typeof call.data>[0]) => (await call.data(user, NODE, { id: draft.id })).node?.id ?? null;
    expect(await seen(w.coordinator)).toBe(draft.id);
    expect(await seen(w.member)).toBe(draft.id);
    expect(await seen(w.admin)).toBe(draft.id);
    expect(await seen(reader)).toBeNull();
    expect(await seen(null)).toBeNull();
    expect(await seen(w.lead)).toBeNull();
  });
});
