import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { api, dbId, globalId, skillId, state, unknownId } from './support';

const SKILL = `id key label labelEn: label(lang: EN) area { key label }`;
const CREATE = `mutation($input: CreateSkillInput!) { createSkill(input: $input) { skill { ${SKILL} } userErrors { field code message } } }`;
const RENAME = `mutation($input: RenameSkillInput!) { renameSkill(input: $input) { skill { ${SKILL} } userErrors { field code message } } }`;
const MERGE = `mutation($input: MergeSkillsInput!) { mergeSkills(input: $input) { skill { ${SKILL} } userErrors { field code message } } }`;

describe('skills taxonomy', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [admin, moderator, member]: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [admin, moderator, member] = await Promise.all([t.users.admin().create(), t.users.moderator().create(), t.users.create()]);
  });
  afterAll(() => t.close());

  describe('reading', () => {
    it('is seeded with areas of skills for community welfare, labelled in Italian by default and in English when asked', async () => {
      const { skillAreas } = await call.data(null, `{ skillAreas { key label skills { key label } } }`);
      expect(skillAreas.map((area: { key: string }) => area.key)).toEqual([
        'co-design',
        'community-development',
        'fundraising',
        'impact-evaluation',
        'volunteer-management',
        'network-governance',
        'welfare-fields',
        'communication',
      ]);
      const skills = skillAreas.flatMap((area: { skills: { key: string }[] }) => area.skills.map((skill) => skill.key));
      expect(skills.length).toBeGreaterThanOrEqual(40);
      expect(skills).toEqual(expect.arrayContaining(['co-programming', 'grant-writing', 'housing', 'work-inclusion', 'elderly-care', 'storytelling']));
      const fundraising = skillAreas.find((area: { key: string }) => area.key === 'fundraising');
      expect(fundraising.label).toBe('Raccolta fondi');
      expect(fundraising.skills.map((skill: { label: string }) => skill.label)).toEqual([
        'Crowdfunding',
        'Fondi europei',
        'Partnership con le imprese',
        'Progettazione per bandi',
        'Rapporti con le fondazioni',
      ]);

      const { skillAreas: english } = await call.data(null, `{ skillAreas(lang: EN) { key label italian: label(lang: IT) skills { label } } }`);
      expect(english[2]).toMatchObject({ key: 'fundraising', label: 'Fundraising', italian: 'Raccolta fondi' });
      expect(english[2].skills.map((skill: { label: string }) => skill.label)).toEqual([
        'Corporate partnerships',
        'Crowdfunding',
        'EU funding',
        'Grant writing',
        'Partnerships with foundations',
      ]);
    });

    it('finds skills by area and by the start of a word of their label, in the language asked, accents and case aside', async () => {
      const keys = async (args: string) =>
        (await call.data(null, `{ skills${args} { key } }`)).skills.map((skill: { key: string }) => skill.key);
      expect(await keys('(area: "volunteer-management")')).toEqual(['volunteer-coordination', 'volunteer-training', 'volunteer-recruitment', 'civil-service']);
      expect(await keys('(prefix: "COMUNITA")')).toEqual(['community-organising', 'community-hubs', 'mental-health']);
      expect(await keys('(prefix: "co-prog")')).toEqual(['co-design', 'co-programming']);
      expect(await keys('(prefix: "fund", lang: EN)')).toEqual(['eu-funding']);
      expect(await keys('(prefix: "fund")')).toEqual([]);
      expect(await keys('(prefix: "anz", area: "welfare-fields")')).toEqual(['elderly-care']);
      expect(await keys('(prefix: "anz", area: "fundraising")')).toEqual([]);
      expect(await keys('(prefix: "%")')).toHaveLength((await keys('')).length);
      expect(await keys('(area: "no-such-area")')).toEqual([]);

      const { skills } = await call.data(null, `{ skills(prefix: "grant", lang: EN) { label italian: label(lang: IT) area { label } } }`);
      expect(skills).toEqual([{ label: 'Grant writing', italian: 'Progettazione per bandi', area: { label: 'Fundraising' } }]);
    });
  });

  describe('createSkill', () => {
    it('adds a skill to an area, audited', async () => {
      const { createSkill } = await call.data(admin!, CREATE, {
        input: { area: 'welfare-fields', key: 'social-farming', labelIt: '  Agricoltura   sociale ', labelEn: 'Social farming' },
      });
      expect(createSkill).toEqual({
        skill: { id: expect.any(String), key: 'social-farming', label: 'Agricoltura sociale', labelEn: 'Social farming', area: { key: 'welfare-fields', label: 'Ambiti del welfare' } },
        userErrors: [],
      });
      expect((await call.data(null, `{ skills(prefix: "agricol") { key } }`)).skills).toEqual([{ key: 'social-farming' }]);
      expect(await t.db.query(`SELECT action, actor_id FROM audit_log WHERE subject_type = 'Skill' AND subject_id = $1`, [dbId(createSkill.skill.id)])).toEqual([
        { action: 'CREATE_SKILL', actor_id: admin!.id },
      ]);
    });

    it('refuses the anonymous, anyone but admins, an unknown area and bad input, creating nothing', async () => {
      const before = await state(t);
      const input = { area: 'fundraising', key: 'legacy-giving', labelIt: 'Lasciti solidali', labelEn: 'Legacy giving' };
      expect(await call.code(null, CREATE, { input })).toBe('UNAUTHENTICATED');
      expect(await call.code(member!, CREATE, { input })).toBe('FORBIDDEN');
      expect(await call.code(moderator!, CREATE, { input })).toBe('FORBIDDEN');
      expect(await call.code(admin!, CREATE, { input: { ...input, area: 'no-such-area' } })).toBe('NOT_FOUND');
      const refused = async (more: Record<string, string>) => (await call.data(admin!, CREATE, { input: { ...input, ...more } })).createSkill;
      expect(await refused({ key: 'grant-writing' })).toEqual({ skill: null, userErrors: [{ field: ['input', 'key'], code: 'TAKEN', message: expect.any(String) }] });
      expect((await refused({ key: 'Legacy Giving' })).userErrors).toEqual([{ field: ['input', 'key'], code: 'INVALID', message: expect.any(String) }]);
      expect((await refused({ key: 'x'.repeat(61) })).userErrors[0]).toMatchObject({ field: ['input', 'key'], code: 'TOO_LONG' });
      expect((await refused({ labelIt: ' L ' })).userErrors).toEqual([{ field: ['input', 'labelIt'], code: 'TOO_SHORT', message: expect.any(String) }]);
      expect((await refused({ labelEn: 'x'.repeat(81) })).userErrors).toEqual([{ field: ['input', 'labelEn'], code: 'TOO_LONG', message: expect.any(String) }]);
      expect(await state(t)).toEqual(before);
    });
  });

  describe('renameSkill', () => {
    it('changes the labels given and keeps the key and id, audited', async () => {
      const id = globalId('Skill', await skillId(t, 'social-media'));
      const { renameSkill } = await call.data(admin!, RENAME, { input: { skillId: id, labelIt: 'Social media e comunicazione digitale' } });
      expect(renameSkill.userErrors).toEqual([]);
      expect(renameSkill.skill).toMatchObject({ id, key: 'social-media', label: 'Social media e comunicazione digitale', labelEn: 'Social media' });
      const [entry] = await t.db.query(`SELECT action, metadata FROM audit_log WHERE subject_type = 'Skill' AND subject_id = $1`, [dbId(id)]);
      expect(entry).toEqual({
        action: 'RENAME_SKILL',
        metadata: { before: { labelIt: 'Comunicazione sui social', labelEn: 'Social media' }, after: { labelIt: 'Social media e comunicazione digitale', labelEn: null } },
      });
    });

    it('refuses the anonymous, anyone but admins, unknown and malformed ids and bad input, changing nothing', async () => {
      const before = await state(t);
      const skill = globalId('Skill', await skillId(t, 'crowdfunding'));
      const input = { skillId: skill, labelEn: 'Crowdfunding campaigns' };
      expect(await call.code(null, RENAME, { input })).toBe('UNAUTHENTICATED');
      expect(await call.code(member!, RENAME, { input })).toBe('FORBIDDEN');
      expect(await call.code(admin!, RENAME, { input: { ...input, skillId: unknownId('Skill') } })).toBe('NOT_FOUND');
      expect(await call.code(admin!, RENAME, { input: { ...input, skillId: unknownId('Practice') } })).toBe('BAD_USER_INPUT');
      expect(await call.code(admin!, RENAME, { input: { ...input, skillId: 'not-an-id' } })).toBe('BAD_USER_INPUT');
      expect((await call.data(admin!, RENAME, { input: { skillId: skill } })).renameSkill.userErrors).toEqual([
        { field: ['input'], code: 'REQUIRED', message: expect.any(String) },
      ]);
      expect((await call.data(admin!, RENAME, { input: { skillId: skill, labelIt: '' } })).renameSkill.userErrors[0]).toMatchObject({
        field: ['input', 'labelIt'],
        code: 'TOO_SHORT',
      });
      expect(await state(t)).toEqual(before);
    });
  });

  describe('mergeSkills', () => {
    /** A competence of `user` in the skill with key `key`, endorsed by `endorsers`. */
    async function competence(user: TestUser, key: string, level: string, evidence: string, endorsers: TestUser[] = []) {
      await t.db.query(`INSERT INTO competence_profile (user_id) VALUES ($1) ON CONFLICT DO NOTHING`, [user.id]);
      const skill = await skillId(t, key);
      await t.db.query(
        `INSERT INTO competence (user_id, skill_id, level, evidence, position) VALUES ($1, $2, $3, $4, (SELECT count(*) FROM competence WHERE user_id = $1))`,
        [user.id, skill, level, evidence],
      );
      for (const endorser of endorsers) {
        await t.db.query(`INSERT INTO endorsement (user_id, skill_id, endorser_id) VALUES ($1, $2, $3)`, [user.id, skill, endorser.id]);
      }
    }

    const competencesOf = (user: TestUser) =>
      t.db.query(
        `SELECT s.key, c.level, c.evidence, ARRAY(SELECT e.endorser_id FROM endorsement e WHERE e.user_id = c.user_id AND e.skill_id = c.skill_id ORDER BY e.endorser_id) AS endorsers
           FROM competence c JOIN skill s ON s.id = c.skill_id WHERE c.user_id = $1 ORDER BY s.key`,
        [user.id],
      );

    it('moves every competence and endorsement to the skill that stays, keeps the higher level once, and leaves an alias', async () => {
      const [onlyFrom, both, onlyInto, x, y, z] = await Promise.all(Array.from({ length: 6 }, () => t.users.create()));
      await competence(onlyFrom!, 'volunteer-recruitment', 'EXPERT', 'Reclutati 200 volontari', [x!, y!]);
      await competence(both!, 'volunteer-recruitment', 'EXPERT', 'Campagne di reclutamento', [x!, z!]);
      await competence(both!, 'volunteer-coordination', 'PRACTITIONER', '', [x!]);
      await competence(both!, 'housing', 'AWARE', '');
      await competence(onlyInto!, 'volunteer-coordination', 'AWARE', 'Turni in mensa', [y!]);
      const from = globalId('Skill', await skillId(t, 'volunteer-recruitment'));
      const into = globalId('Skill', await skillId(t, 'volunteer-coordination'));

      const { mergeSkills } = await call.data(admin!, MERGE, { input: { from, into } });
      expect(mergeSkills).toEqual({ skill: expect.objectContaining({ id: into, key: 'volunteer-coordination' }), userErrors: [] });

      const sorted = (...users: TestUser[]) => users.map((user) => user.id).sort();
      expect(await competencesOf(onlyFrom!)).toEqual([{ key: 'volunteer-coordination', level: 'EXPERT', evidence: 'Reclutati 200 volontari', endorsers: sorted(x!, y!) }]);
      expect(await competencesOf(both!)).toEqual([
        { key: 'housing', level: 'AWARE', evidence: '', endorsers: [] },
        { key: 'volunteer-coordination', level: 'EXPERT', evidence: 'Campagne di reclutamento', endorsers: sorted(x!, z!) },
      ]);
      expect(await competencesOf(onlyInto!)).toEqual([{ key: 'volunteer-coordination', level: 'AWARE', evidence: 'Turni in mensa', endorsers: [y!.id] }]);
      const fromId = dbId(from);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM competence WHERE skill_id = $1`, [fromId])).toEqual([{ n: 0 }]);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM endorsement WHERE skill_id = $1`, [fromId])).toEqual([{ n: 0 }]);

      // The old id still resolves, to the skill it went into; the taxonomy lists it no more.
      expect((await call.data(null, `query($id: ID!) { node(id: $id) { id ... on Skill { key } } }`, { id: from })).node).toEqual({ id: into, key: 'volunteer-coordination' });
      expect((await call.data(null, `{ skills(area: "volunteer-management") { key } }`)).skills.map((s: { key: string }) => s.key)).not.toContain('volunteer-recruitment');
      const [entry] = await t.db.query(`SELECT action, actor_id, metadata FROM audit_log WHERE subject_type = 'Skill' AND subject_id = $1`, [fromId]);
      expect(entry).toEqual({
        action: 'MERGE_SKILL',
        actor_id: admin!.id,
        metadata: { into: dbId(into), fromKey: 'volunteer-recruitment', intoKey: 'volunteer-coordination', moved: 1, combined: 1 },
      });

      // Merging the skill that stays into a third takes the alias along: the first id still resolves, in one step.
      const third = globalId('Skill', await skillId(t, 'volunteer-training'));
      expect((await call.data(admin!, MERGE, { input: { from: into, into: third } })).mergeSkills.userErrors).toEqual([]);
      expect(await t.db.query(`SELECT key FROM skill WHERE merged_into = $1 ORDER BY key`, [dbId(third)])).toEqual([
        { key: 'volunteer-coordination' },
        { key: 'volunteer-recruitment' },
      ]);
      expect((await call.data(null, `query($id: ID!) { node(id: $id) { id } }`, { id: from })).node).toEqual({ id: third });
      expect(await competencesOf(onlyFrom!)).toEqual([{ key: 'volunteer-training', level: 'EXPERT', evidence: 'Reclutati 200 volontari', endorsers: sorted(x!, y!) }]);
    });

    it('records every profile that has the skill as changed, renamed or merged, for search to read it again', async () => {
      const [holder, other, bystander] = await Promise.all(Array.from({ length: 3 }, () => t.users.create()));
      await competence(holder!, 'grant-writing', 'EXPERT', '');
      await competence(other!, 'crowdfunding', 'PRACTITIONER', '');
      await competence(bystander!, 'housing', 'AWARE', '');
      const changes = async () =>
        (
          await t.db.query(
            `SELECT subject_id AS "userId", count(*)::int AS n FROM outbox_event WHERE kind = 'CompetenceProfile' AND subject_id = ANY($1::uuid[]) GROUP BY 1`,
            [[holder!.id, other!.id, bystander!.id]],
          )
        ).reduce((all: Record<string, number>, row: { userId: string; n: number }) => ({ ...all, [row.userId]: row.n }), {});

      const grants = globalId('Skill', await skillId(t, 'grant-writing'));
      expect((await call.data(admin!, RENAME, { input: { skillId: grants, labelEn: 'Writing grant applications' } })).renameSkill.userErrors).toEqual([]);
      expect(await changes()).toEqual({ [holder!.id]: 1 });

      const crowdfunding = globalId('Skill', await skillId(t, 'crowdfunding'));
      expect((await call.data(admin!, MERGE, { input: { from: crowdfunding, into: grants } })).mergeSkills.userErrors).toEqual([]);
      expect(await changes()).toEqual({ [holder!.id]: 2, [other!.id]: 1 });
    });

    it('refuses the anonymous, anyone but admins, unknown ids and a skill merged into itself, changing nothing', async () => {
      const before = await state(t);
      const from = globalId('Skill', await skillId(t, 'eu-funding'));
      const into = globalId('Skill', await skillId(t, 'grant-writing'));
      expect(await call.code(null, MERGE, { input: { from, into } })).toBe('UNAUTHENTICATED');
      expect(await call.code(member!, MERGE, { input: { from, into } })).toBe('FORBIDDEN');
      expect(await call.code(moderator!, MERGE, { input: { from, into } })).toBe('FORBIDDEN');
      expect(await call.code(admin!, MERGE, { input: { from: unknownId('Skill'), into } })).toBe('NOT_FOUND');
      expect(await call.code(admin!, MERGE, { input: { from, into: unknownId('Skill') } })).toBe('NOT_FOUND');
      expect(await call.code(admin!, MERGE, { input: { from, into: 'nope' } })).toBe('BAD_USER_INPUT');
      expect((await call.data(admin!, MERGE, { input: { from, into: from } })).mergeSkills).toEqual({
        skill: null,
        userErrors: [{ field: ['input', 'into'], code: 'INVALID', message: expect.any(String) }],
      });
      // An alias stands for the skill it went into: merging it there is merging a skill into itself.
      const alias = globalId('Skill', await skillId(t, 'volunteer-recruitment'));
      const stays = globalId('Skill', await skillId(t, 'volunteer-training'));
      expect((await call.data(admin!, MERGE, { input: { from: alias, into: stays } })).mergeSkills.userErrors[0].code).toBe('INVALID');
      expect(await state(t)).toEqual(before);
    });
  });
});
