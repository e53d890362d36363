import { AccessDirectory } from '@bottega/core';
import { CommunityVisibility } from '@bottega/forum';
import { DEMO_PASSWORD, PasswordHasher, seedDemoUsers } from '@bottega/identity';
import { seedDemoForum } from '@bottega/forum';
import { PRACTICE_AUDIENCE, PracticeStatus } from '@bottega/practices';
import { seedDemoDirectory } from '@bottega/territories';
import type { GraphQLHttpClient } from '@bottega/testing';
import { seedDemoContent } from '../src/seed/demo-seed';
import { startTestApp, type TestApp } from './support/test-app';

/** How many rows each table the demo writes holds, to show a second run adds nothing. */
async function counts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'app_user', 'community', 'thread', 'post', 'follow', 'notification', 'outbox_event', 'audit_log', 'practice', 'practice_author',
    'practice_tag', 'practice_territory', 'practice_version', 'practice_media', 'practice_adoption', 'practice_bookmark',
    'practice_organization', 'practice_thread', 'practice_comment', 'competence_profile', 'competence_profile_territory', 'competence',
    'competence_evidence', 'endorsement', 'seed_run',
  ];
  const entries = await Promise.all(
    tables.map(async (table) => [table, Number((await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n)] as const),
  );
  return Object.fromEntries(entries);
}

async function signIn(t: TestApp, email: string): Promise<GraphQLHttpClient> {
  const { login } = await t.client.data(`mutation($input: LoginInput!) { login(input: $input) { session { accessToken } userErrors { code } } }`, {
    input: { email, password: DEMO_PASSWORD },
  });
  expect(login.userErrors).toEqual([]);
  return t.client.as(login.session.accessToken);
}

const PRACTICE_PAGE = `query($slug: String!) {
  practice(slug: $slug) {
    title kind status version summary tags startsOn endsOn adoptionCount bookmarkCount
    need { markdown html } approach { html } resources { html } results { html } difficulties { html } transferability { html }
    authors { handle } territories { code } project { title } community { name } organizations { name kind role }
    adoptions(first: 10) { totalCount nodes { territory { code } outcome organizationName } }
    linkedThreads { title }
    media { kind caption consented }
    versions(first: 5) { nodes { version results { markdown } } }
  }
}`;

describe('the demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('seeds once: a second run adds nothing', async () => {
    expect(await seedDemoContent(t.db)).toBe(true);
    const after = await counts(t);
    expect(after).toMatchObject({ practice: 59, practice_adoption: 14, practice_bookmark: 10, practice_version: 1, competence_profile: 12, seed_run: 5 });
    expect(await seedDemoContent(t.db)).toBe(false);
    expect(await counts(t)).toEqual(after);
  });

  it('holds practices and stories in every status, Italian and English, from several territories, with counts that agree with their rows', async () => {
    const byStatus = await t.db.query(`SELECT status, kind, count(*)::int AS n FROM practice GROUP BY status, kind ORDER BY status, kind`);
    expect(byStatus).toEqual([
      { status: 'ARCHIVED', kind: 'PRACTICE', n: 1 },
      { status: 'DRAFT', kind: 'PRACTICE', n: 3 },
      { status: 'DRAFT', kind: 'STORY', n: 2 },
      { status: 'IN_REVIEW', kind: 'PRACTICE', n: 1 },
      { status: 'PUBLISHED', kind: 'PRACTICE', n: 46 },
      { status: 'PUBLISHED', kind: 'STORY', n: 6 },
    ]);
    const [territories] = await t.db.query(`SELECT count(DISTINCT territory_id)::int AS n FROM practice_territory`);
    expect(territories.n).toBeGreaterThanOrEqual(6);
    // Counters kept on the rows agree with what they count.
    expect(
      await t.db.query(
        `SELECT slug FROM practice p
          WHERE adoption_count <> (SELECT count(*) FROM practice_adoption a WHERE a.practice_id = p.id)
             OR bookmark_count <> (SELECT count(*) FROM practice_bookmark b WHERE b.practice_id = p.id)
             OR media_without_consent <> (SELECT count(*) FROM practice_media m WHERE m.practice_id = p.id AND m.consent_given_by IS NULL)`,
      ),
    ).toEqual([]);
    // Every practice past DRAFT has every section filled in; every medium of a published story has its consent.
    const [incomplete] = await t.db.query(
      `SELECT count(*)::int AS n FROM practice WHERE kind = 'PRACTICE' AND status <> 'DRAFT'
          AND '' IN (summary, need_html, approach_html, resources_html, results_html, difficulties_html, transferability_html)`,
    );
    expect(incomplete.n).toBe(0);
    const [unconsented] = await t.db.query(
      `SELECT count(*)::int AS n FROM practice_media m JOIN practice p ON p.id = m.practice_id WHERE p.status = 'PUBLISHED' AND m.consent_given_by IS NULL`,
    );
    expect(unconsented.n).toBe(0);
    // The review's audit entries are dated on the demo's days, the publication on the practice's own date.
    const audit = await t.db.query(
      `SELECT a.action, count(*)::int AS n, count(*) FILTER (WHERE a.created_at < p.created_at OR a.created_at > now() - interval '1 hour')::int AS misdated,
              count(*) FILTER (WHERE a.action = 'PUBLISH' AND a.created_at <> p.published_at)::int AS "notOnPublication"
         FROM audit_log a JOIN practice p ON p.id = a.subject_id GROUP BY a.action ORDER BY a.action`,
    );
    expect(audit).toEqual([
      { action: 'ARCHIVE', n: 1, misdated: 0, notOnPublication: 0 },
      { action: 'PUBLISH', n: 53, misdated: 0, notOnPublication: 0 },
      { action: 'RETURN', n: 1, misdated: 0, notOnPublication: 0 },
      { action: 'SUBMIT', n: 55, misdated: 0, notOnPublication: 0 },
    ]);
    const [outbox] = await t.db.query(`SELECT count(DISTINCT subject_id)::int AS n FROM outbox_event WHERE kind IN ('Practice', 'CompetenceProfile')`);
    expect(outbox.n).toBe(59 + 12);
  });

  it('shows an anonymous reader the published practices, never the drafts, those in review or those of a private community', async () => {
    const { practices } = await t.client.data(`{ practices(first: 50) { totalCount nodes { title status kind } } }`);
    expect(practices.totalCount).toBe(48);
    expect(new Set(practices.nodes.map((node: { status: string }) => node.status))).toEqual(new Set(['PUBLISHED', 'ARCHIVED']));
    const titles = practices.nodes.map((node: { title: string }) => node.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        'Custodi sociali di quartiere: un presidio leggero per gli anziani soli',
        "Infermiere di famiglia e taxi sociale nelle valli dell'Ossola",
        'Agricoltura sociale: la cascina che forma e assume',
        'Emporio solidale: la spesa con la tessera a punti',
        'Educativa di strada e uno spazio giovani gestito dai ragazzi',
        'Housing First in Novara: a flat first, then everything else',
        'Sollievo ai caregiver familiari: Caffè Alzheimer e ore di respiro',
        'Rosa, 87 anni, e il custode del quinto piano',
      ]),
    );
    for (const hidden of [
      'Esperti per esperienza (ESP) nei servizi di salute mentale',
      'Voci dal gruppo di auto mutuo aiuto di Domodossola',
      'Le mamme del market solidale',
      'Piano di raccolta fondi per il dopo-progetto dei living lab',
      'Coabitazione solidale tra anziane in un alloggio ACER',
    ]) {
      expect(titles).not.toContain(hidden);
    }
    const { drafts } = await t.client.data(`{ drafts: practices(filter: { status: DRAFT }) { totalCount } }`);
    expect(drafts.totalCount).toBe(0);

    const lombardy = (await t.db.query(`SELECT id FROM territory WHERE code = 'IT-25'`))[0].id;
    const { elderly, inLombardy, adopted } = await t.client.data(
      `query($lombardy: ID!) {
        elderly: practices(filter: { tag: "anziani-soli" }) { nodes { title } }
        inLombardy: practices(filter: { territory: $lombardy }) { totalCount }
        adopted: practices(first: 1, orderBy: MOST_ADOPTED) { nodes { adoptionCount } }
      }`,
      { lombardy: Buffer.from(`Territory:${lombardy}`).toString('base64url') },
    );
    expect(elderly.nodes.map((node: { title: string }) => node.title).sort()).toEqual([
      'Custodi sociali di quartiere: un presidio leggero per gli anziani soli',
      "Infermiere di famiglia e taxi sociale nelle valli dell'Ossola",
      'Rosa, 87 anni, e il custode del quinto piano',
    ]);
    expect(inLombardy.totalCount).toBe(20);
    // The solidarity grocery, taken up twice more after the Lecco workshop and the Novara visit.
    expect(adopted.nodes).toEqual([{ adoptionCount: 4 }]);
  });

  it('gives a practice every section, its organizations, adoptions in other territories, a linked thread and, for its authors, the version it replaced', async () => {
    const [{ slug }] = await t.db.query(`SELECT slug FROM practice WHERE title LIKE 'Custodi sociali%'`);
    const { practice } = await t.client.data(PRACTICE_PAGE, { slug });
    expect(practice).toMatchObject({
      kind: 'PRACTICE',
      status: 'PUBLISHED',
      version: 2,
      tags: ['anziani-soli', 'portierato-sociale', 'volontariato', 'welfare-di-comunita'],
      authors: [{ handle: 'chiara-colombo' }, { handle: 'marco-bianchi' }],
      territories: [{ code: 'IT-MI-NORD' }],
      project: { title: 'Custodi di quartiere' },
      community: { name: 'Anziani e comunità' },
      adoptionCount: 2,
      bookmarkCount: 2,
      linkedThreads: [{ title: 'Custodi di quartiere: cosa abbiamo imparato nel primo anno' }],
      versions: null,
    });
    expect(practice.need.html).toContain('<strong>Comasina–Bruzzano</strong>');
    for (const section of ['approach', 'resources', 'results', 'difficulties', 'transferability']) expect(practice[section].html).toMatch(/^<(p|ul)>/);
    expect(practice.results.html).toContain('Secondo anno');
    expect(practice.organizations).toEqual([
      { name: 'Comune di Milano', kind: 'MUNICIPALITY', role: 'LEAD' },
      { name: 'Associazione Vicini di Casa', kind: 'ASSOCIATION', role: 'PARTNER' },
      { name: 'Gestore degli alloggi pubblici di zona', kind: 'PUBLIC_BODY', role: 'SUPPORTER' },
      { name: 'Fondazione di Comunità Milano Nord', kind: 'FOUNDATION', role: 'FUNDER' },
    ]);
    expect(practice.adoptions).toEqual({
      totalCount: 2,
      nodes: [
        { territory: { code: 'IT-LC' }, outcome: 'ADOPTING', organizationName: 'Cooperativa Sociale Il Ponte' },
        { territory: { code: 'IT-NO' }, outcome: 'ADAPTED', organizationName: 'Comune di Novara' },
      ],
    });

    const chiara = await signIn(t, 'chiara.colombo@bottega.example');
    const { practice: asAuthor } = await chiara.data(PRACTICE_PAGE, { slug });
    expect(asAuthor.versions.nodes).toHaveLength(1);
    expect(asAuthor.versions.nodes[0].version).toBe(1);
    expect(asAuthor.versions.nodes[0].results.markdown).not.toContain('Secondo anno');
  });

  it('shows a story with consented media to everyone, and a draft story (its medium still without consent) to its author only', async () => {
    const [rosa, draft] = await t.db.query(`SELECT slug FROM practice WHERE kind = 'STORY' AND title IN ($1, $2) ORDER BY status DESC`, [
      'Rosa, 87 anni, e il custode del quinto piano',
      'Voci dal gruppo di auto mutuo aiuto di Domodossola',
    ]);
    const { practice: story } = await t.client.data(PRACTICE_PAGE, { slug: rosa.slug });
    expect(story.media).toEqual([
      { kind: 'IMAGE', caption: 'Rosa e Ahmed nel cortile di via Val di Ledro', consented: true },
      { kind: 'AUDIO', caption: 'Rosa racconta i suoi martedì (2 minuti)', consented: true },
    ]);
    expect((await t.client.data(PRACTICE_PAGE, { slug: draft.slug })).practice).toBeNull();
    const luca = await signIn(t, 'luca.sala@bottega.example');
    const { practice: own } = await luca.data(PRACTICE_PAGE, { slug: draft.slug });
    expect(own).toMatchObject({ status: 'DRAFT', kind: 'STORY', media: [{ kind: 'AUDIO', consented: false }] });
  });

  it('sent the notices of publication to exactly the followers the access layer lets read each practice, never to the publisher', async () => {
    const published: { id: string; communityId: string | null; visibility: CommunityVisibility | null; tags: string[]; territoryIds: string[] }[] =
      await t.db.query(
        `SELECT p.id, p.community_id AS "communityId", c.visibility,
                ARRAY(SELECT g.slug FROM practice_tag pt JOIN tag g ON g.id = pt.tag_id WHERE pt.practice_id = p.id) AS tags,
                ARRAY(SELECT DISTINCT above.id::text FROM practice_territory pt JOIN territory t ON t.id = pt.territory_id
                        JOIN territory above ON above.path @> t.path WHERE pt.practice_id = p.id) AS "territoryIds"
           FROM practice p LEFT JOIN community c ON c.id = p.community_id WHERE p.published_at IS NOT NULL`,
      );
    expect(published).toHaveLength(53);
    const directory = t.app.get(AccessDirectory);
    let told = 0;
    for (const practice of published) {
      const [{ actorId }] = await t.db.query(`SELECT actor_id AS "actorId" FROM audit_log WHERE action = 'PUBLISH' AND subject_id = $1`, [practice.id]);
      const followers: { id: string }[] = await t.db.query(
        `SELECT DISTINCT user_id AS id FROM follow
          WHERE (subject_type = 'PRACTICE' AND subject_key = $1::text) OR (subject_type = 'TAG' AND subject_key = ANY($2::text[]))
             OR (subject_type = 'TERRITORY' AND subject_key = ANY($3::text[]))`,
        [practice.id, practice.tags, practice.territoryIds],
      );
      const facts = {
        communityId: practice.communityId,
        visibility: practice.visibility ?? CommunityVisibility.PUBLIC,
        practiceId: practice.id,
        status: PracticeStatus.PUBLISHED,
        hidden: false,
      };
      const readers = await directory.readersAmong(t.db.manager, PRACTICE_AUDIENCE, facts, followers.map((f) => f.id).filter((id) => id !== actorId));
      const recipients: { id: string }[] = await t.db.query(
        `SELECT recipient_id AS id FROM notification WHERE kind = 'PRACTICE_PUBLISHED' AND subject_id = $1 AND actor_id = $2`,
        [practice.id, actorId],
      );
      expect(recipients.map((r) => r.id).sort()).toEqual([...readers].sort());
      told += recipients.length;
    }
    expect(told).toBeGreaterThanOrEqual(8);
    // Marco follows Piemonte, where the living labs' private practice also happened: he is not in that community, so he was not told.
    const [marco] = await t.db.query(`SELECT id FROM app_user WHERE handle = 'marco-bianchi'`);
    const heard: { title: string }[] = await t.db.query(
      `SELECT p.title FROM notification n JOIN practice p ON p.id = n.subject_id WHERE n.recipient_id = $1 AND n.kind = 'PRACTICE_PUBLISHED' ORDER BY p.title`,
      [marco.id],
    );
    expect(heard.map((row) => row.title)).toEqual([
      'A coding club for teenagers in Barriera di Milano',
      'Agenzia sociale per la locazione: alloggi privati sfitti per famiglie a basso reddito',
      'Crowdfunding per il furgone refrigerato dell’emporio',
      'Dopo di noi: tre ragazzi in appartamento con l’educatore serale',
      'Emporio solidale: la spesa con la tessera a punti',
      'Evaluation on a shoestring: five indicators and one external review',
      'Family-to-family hosting of refugees in Turin',
      'Housing First in Novara: a flat first, then everything else',
      "Infermiere di famiglia e taxi sociale nelle valli dell'Ossola",
      'Matteo, 27 anni, e le chiavi di casa',
      'Nonni digitali: gli studenti insegnano lo smartphone agli over 70',
      'Orti scolastici e mensa a chilometro zero',
      'Sportello digitale nei bar di paese (2022–2023)',
    ]);
  });

  it('lists the public competence profiles to anyone, members-only ones to the signed in, never the hidden one', async () => {
    const PROFILES = `{ competenceProfiles(first: 20) { totalCount nodes { displayName visibility availability } } }`;
    const anonymous = (await t.client.data(PROFILES)).competenceProfiles;
    expect(anonymous.nodes.map((node: { displayName: string }) => node.displayName).sort()).toEqual([
      'Chiara Colombo',
      'Davide Russo',
      'Francesca Gallo',
      'Giulia Marchetti',
      'Luca Sala',
      'Marco Bianchi',
      'Sara Esposito',
    ]);
    const marco = await signIn(t, 'marco.bianchi@bottega.example');
    const signedIn = (await marco.data(PROFILES)).competenceProfiles;
    expect(signedIn.totalCount).toBe(10);
    expect(signedIn.nodes.map((node: { displayName: string }) => node.displayName)).not.toContain('Giorgia Amministratrice');
    expect(new Set(signedIn.nodes.map((node: { availability: string }) => node.availability))).toEqual(
      new Set(['OPEN_TO_EXCHANGE', 'MENTORING', 'NOT_AVAILABLE']),
    );

    const { competenceProfile } = await t.client.data(`{
      competenceProfile(handle: "chiara-colombo") {
        bioHtml organization { name kind } languages territories { code }
        competences { skill { key } level evidenceNote endorsementCount evidence { __typename ... on Practice { title } } }
      }
    }`);
    expect(competenceProfile).toMatchObject({
      organization: { name: 'Comune di Milano', kind: 'PUBLIC_BODY' },
      languages: ['it', 'en'],
      territories: [{ code: 'IT-MI-NORD' }, { code: 'IT-MI' }],
    });
    expect(competenceProfile.bioHtml).toContain('<strong>Custodi di quartiere</strong>');
    expect(competenceProfile.competences[0]).toEqual({
      skill: { key: 'elderly-care' },
      level: 'EXPERT',
      evidenceNote: expect.stringContaining('Custodi di quartiere'),
      endorsementCount: 3,
      evidence: [
        { __typename: 'Practice', title: 'Custodi sociali di quartiere: un presidio leggero per gli anziani soli' },
        { __typename: 'Practice', title: 'Rosa, 87 anni, e il custode del quinto piano' },
        { __typename: 'Post' },
      ],
    });
    // Evidence the reader may not read (a practice still in review) is left out, not revealed.
    const mentalHealth = competenceProfile.competences.find((c: { skill: { key: string } }) => c.skill.key === 'mental-health');
    expect(mentalHealth.evidence).toEqual([]);
  });

  it('suggests peers on fundraising from other provinces, with reasons', async () => {
    const milano = (await t.db.query(`SELECT id FROM territory WHERE code = 'IT-MI'`))[0].id;
    const { suggestPeers } = await t.client.data(
      `query($need: PeerNeedInput!) { suggestPeers(need: $need) { nodes { profile { displayName } territoryMatch matchedSkills { skill { key } level } reasons } } }`,
      { need: { text: 'fundraising', territoryId: Buffer.from(`Territory:${milano}`).toString('base64url'), preferOtherTerritories: true } },
    );
    const names = suggestPeers.nodes.map((node: { profile: { displayName: string } }) => node.profile.displayName);
    expect(names.slice(0, 3)).toEqual(['Sara Esposito', 'Luca Sala', 'Marco Bianchi']);
    expect(names).not.toContain('Elena Ferri'); // members only: not for an anonymous reader
    expect(names).not.toContain('Roberto Fontana'); // his profile is hidden
    expect(suggestPeers.nodes[0]).toMatchObject({ territoryMatch: 'OTHER' });
    expect(suggestPeers.nodes[0].matchedSkills[0]).toEqual({ skill: { key: 'crowdfunding' }, level: 'EXPERT' });
    expect(suggestPeers.nodes[1]).toMatchObject({ territoryMatch: 'OTHER', matchedSkills: [{ skill: { key: 'eu-funding' }, level: 'EXPERT' }] });
    expect(suggestPeers.nodes[0].reasons.length).toBeGreaterThan(0);
  });
});

describe('the demo seed on a database seeded before the knowledge base', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('adds the knowledge base once, on the demo people already there, leaving a profile someone wrote meanwhile as it was', async () => {
    await t.db.transaction(async (manager) => {
      await manager.query(`INSERT INTO seed_run (name) VALUES ('demo')`);
      const people = await seedDemoUsers(manager, new PasswordHasher());
      await seedDemoDirectory(manager, people);
      await seedDemoForum(manager, people);
      await manager.query(`INSERT INTO competence_profile (user_id, bio, bio_html) VALUES ($1, 'Il mio profilo', '<p>Il mio profilo</p>')`, [people.chiara]);
    });
    const [users] = await t.db.query(`SELECT count(*)::int AS n FROM app_user`);
    expect(await seedDemoContent(t.db)).toBe(true);
    const after = await counts(t);
    expect(after).toMatchObject({ app_user: users.n, practice: 59, competence_profile: 12, seed_run: 5 });
    const [chiara] = await t.db.query(
      `SELECT p.bio, (SELECT count(*)::int FROM competence c WHERE c.user_id = p.user_id) AS competences
         FROM competence_profile p JOIN app_user u ON u.id = p.user_id WHERE u.handle = 'chiara-colombo'`,
    );
    expect(chiara).toEqual({ bio: 'Il mio profilo', competences: 0 });
    expect(await seedDemoContent(t.db)).toBe(false);
    expect(await counts(t)).toEqual(after);
  });
});
