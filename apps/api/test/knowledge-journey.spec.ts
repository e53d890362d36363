import type { Client } from 'graphql-ws';
import { PgPubSub, toGlobalId } from '@bottega/core';
import { CommunityFactory } from '@bottega/forum/testing';
import type { TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { startTestApp, type TestApp } from './support/test-app';
import { until } from '@bottega/testing';

const PRACTICE = `id slug status version reviewComment adoptionCount viewerCanEdit viewerCanSubmit viewerCanPublish viewerCanReturn`;
const mutation = (name: string, input: string, selection = `practice { ${PRACTICE} }`) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${selection} userErrors { field code message } } }`;
const CREATE = mutation('createPractice', 'CreatePracticeInput');
const UPDATE = mutation('updatePractice', 'UpdatePracticeInput');
const SUBMIT = mutation('submitPracticeForReview', 'PracticeDecisionInput');
const RETURN = mutation('returnPractice', 'ReturnPracticeInput');
const PUBLISH = mutation('publishPractice', 'PracticeDecisionInput');
const RECORD_ADOPTION = mutation('recordAdoption', 'RecordAdoptionInput', 'adoption { outcome territory { code } } practice { adoptionCount }');
const READ = `query($slug: String!) { practice(slug: $slug) { ${PRACTICE} title results { html } } }`;
const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { following userErrors { code } } }`;
const SET_COMPETENCES = mutation('setCompetences', 'SetCompetencesInput', 'profile { id }');
const UPDATE_PROFILE = mutation('updateProfile', 'UpdateProfileInput', 'profile { id }');
const SET_AVAILABILITY = mutation('setAvailability', 'SetAvailabilityInput', 'profile { id }');
const SET_VISIBILITY = mutation('setProfileVisibility', 'SetProfileVisibilityInput', 'profile { id }');
const ENDORSE = mutation('endorseCompetence', 'EndorsementInput', 'competence { endorsementCount }');
const SUGGEST = `query($need: PeerNeedInput!) {
  suggestPeers(need: $need, first: 10) {
    nodes {
      profile { displayName }
      matchedSkills { skill { key label(lang: EN) } level endorsementCount }
      evidenceCount evidence { title } territoryMatch reasons
    }
  }
}`;

function collect(client: Client, query: string): any[] {
  const received: any[] = [];
  client.subscribe({ query }, { next: (value) => received.push(value), error: (error) => received.push({ error }), complete: () => undefined });
  return received;
}

/**
 * The knowledge base's story: a practitioner records what worked, a
 * coordinator reviews it (returns it once, then publishes it), a follower of
 * its theme hears of it live, another territory adopts it, and a newcomer
 * looking for help with fundraising finds the practitioner among peers from
 * other provinces, with the reasons why.
 */
describe('journey: a practice travels, and a newcomer finds a peer', () => {
  let web: TestApp;
  let other: TestApp;
  beforeAll(async () => {
    web = await startTestApp();
    other = await startTestApp({}, web.databaseUrl);
  });
  afterAll(async () => {
    await other.close();
    await web.close();
  });

  const as = (user: TestUser, app: TestApp = web) => app.client.as(user.accessToken);
  const skill = async (key: string) => toGlobalId('Skill', (await web.db.query(`SELECT id FROM skill WHERE key = $1`, [key]))[0].id);

  it('works end to end', async () => {
    const [marta, carla, fabio, nadia, newcomer, paola, luigi] = await Promise.all(
      ['Marta Pratica', 'Carla Coordinatrice', 'Fabio Follower', 'Nadia Novara', 'Nico Nuovo', 'Paola Bergamo', 'Luigi Brescia'].map((name) =>
        web.users.named(name).create(),
      ),
    );
    const directory = new DirectoryFactory(web.db);
    const [milano, novara, bergamo, brescia] = await Promise.all(['IT-MI', 'IT-NO', 'IT-BG', 'IT-BS'].map((code) => directory.territory(code)));
    const community = await new CommunityFactory(web.db).create({ name: 'Anziani e comunità', coordinatorId: carla!.id, memberIds: [marta!.id] });

    // A practitioner elsewhere follows the theme, and listens live (graphql-ws).
    expect((await as(fabio!).data(FOLLOW, { input: { tag: 'Portierato sociale' } })).follow).toEqual({ following: true, userErrors: [] });
    const pubsub = web.app.get(PgPubSub);
    const socket = as(fabio!).socket();
    let practice: { id: string; slug: string };
    try {
      const notices = collect(socket, `subscription { notificationAdded { kind actor { displayName } subject { ... on Practice { title } } } }`);
      await until(() => pubsub.listenerCount(`notifications:${fabio!.id}`) === 1, 'the subscription');

      // 1. Marta drafts the practice: only she (and its reviewers) can read it.
      const { createPractice } = await as(marta!).data(CREATE, {
        input: {
          title: 'Portierato sociale pagato da una raccolta fondi di quartiere',
          communityId: community.globalId,
          summary: 'Un portiere sociale in tre caseggiati di Niguarda, pagato per metà dai residenti con una raccolta fondi.',
          need: 'Anziani soli in caseggiati senza portineria.',
          approach: 'Un **portiere sociale** 20 ore a settimana; un comitato di residenti raccoglie i fondi.',
          resources: 'Un portiere, 14.000 € l’anno: metà dal Comune, metà dalla raccolta.',
          results: 'Centoventi anziani conosciuti per nome.',
          difficulties: 'La prima campagna ha raccolto la metà del previsto.',
          transferability: 'Serve un comitato di residenti e un locale al piano terra.',
          tags: ['Portierato sociale', 'raccolta-fondi'],
          territoryIds: [milano.globalId],
          organizations: [{ name: 'Comitato Residenti Niguarda', kind: 'INFORMAL_GROUP', role: 'LEAD' }],
        },
      });
      expect(createPractice.userErrors).toEqual([]);
      practice = createPractice.practice;
      expect(practice).toMatchObject({ status: 'DRAFT', version: 1, viewerCanEdit: true, viewerCanSubmit: true });
      expect((await web.client.data(READ, { slug: practice.slug })).practice).toBeNull();

      // 2. She submits it; the community's coordinator may now publish or return it, and she waits.
      expect((await as(marta!).data(SUBMIT, { input: { practiceId: practice.id } })).submitPracticeForReview).toMatchObject({
        practice: { status: 'IN_REVIEW', viewerCanEdit: false, viewerCanSubmit: false },
        userErrors: [],
      });
      expect((await as(carla!).data(READ, { slug: practice.slug })).practice).toMatchObject({ status: 'IN_REVIEW', viewerCanPublish: true, viewerCanReturn: true });

      // 3. The coordinator returns it with a comment.
      const comment = 'Bella pratica. Aggiungete i numeri della raccolta: quanto, da quanti donatori, in quanto tempo.';
      expect((await as(carla!).data(RETURN, { input: { practiceId: practice.id, comment } })).returnPractice).toMatchObject({
        practice: { status: 'DRAFT', reviewComment: comment },
        userErrors: [],
      });

      // 4. Marta reads the comment, fixes the results from the version she read, and resubmits.
      const returned = (await as(marta!).data(READ, { slug: practice.slug })).practice;
      expect(returned).toMatchObject({ status: 'DRAFT', reviewComment: comment, viewerCanEdit: true });
      const { updatePractice } = await as(marta!).data(UPDATE, {
        input: {
          practiceId: practice.id,
          version: returned.version,
          results: 'Centoventi anziani conosciuti per nome; la raccolta ha portato **7.200 €** da 180 famiglie in due mesi.',
        },
      });
      expect(updatePractice).toMatchObject({ practice: { status: 'DRAFT', version: returned.version + 1 }, userErrors: [] });
      expect((await as(marta!).data(SUBMIT, { input: { practiceId: practice.id } })).submitPracticeForReview.practice.status).toBe('IN_REVIEW');

      // 5. The coordinator publishes it, through another API process: the follower of its theme hears of it at once.
      expect((await as(carla!, other).data(PUBLISH, { input: { practiceId: practice.id } })).publishPractice).toMatchObject({
        practice: { status: 'PUBLISHED' },
        userErrors: [],
      });
      await until(() => notices.length === 1, 'the live notice');
      expect(notices[0].data.notificationAdded).toEqual({
        kind: 'PRACTICE_PUBLISHED',
        actor: { displayName: 'Carla Coordinatrice' },
        subject: { title: 'Portierato sociale pagato da una raccolta fondi di quartiere' },
      });
      const inbox = await as(fabio!).data(`{ unreadNotificationCount notifications { nodes { kind read subject { id } } } }`);
      expect(inbox).toEqual({ unreadNotificationCount: 1, notifications: { nodes: [{ kind: 'PRACTICE_PUBLISHED', read: false, subject: { id: practice.id } }] } });
      const published = (await web.client.data(READ, { slug: practice.slug })).practice;
      expect(published.results.html).toContain('<strong>7.200 €</strong>');

      // 6. Another territory records that it adopted it.
      const { recordAdoption } = await as(nadia!).data(RECORD_ADOPTION, {
        input: {
          practiceId: practice.id,
          territoryId: novara.globalId,
          organizationName: 'Comune di Novara',
          adoptedOn: '2026-11-02',
          notes: 'Avviato in due caseggiati di Sant’Agabio; la raccolta è partita con la festa di quartiere.',
          outcome: 'ADOPTING',
        },
      });
      expect(recordAdoption).toEqual({ adoption: { outcome: 'ADOPTING', territory: { code: 'IT-NO' } }, practice: { adoptionCount: 1 }, userErrors: [] });
    } finally {
      await socket.dispose();
    }

    // 7. Marta lists fundraising among her competences, pointing to her practice; Nadia endorses it. Two others, in Bergamo and Brescia, know fundraising too.
    const profile = async (user: TestUser, key: string, level: string, territoryId: string, evidenceIds: string[] = []) => {
      expect((await as(user).data(SET_COMPETENCES, { input: { competences: [{ skillId: await skill(key), level, evidenceIds }] } })).setCompetences.userErrors).toEqual([]);
      expect((await as(user).data(UPDATE_PROFILE, { input: { territoryIds: [territoryId], languages: ['it'] } })).updateProfile.userErrors).toEqual([]);
      expect((await as(user).data(SET_AVAILABILITY, { input: { availability: 'OPEN_TO_EXCHANGE' } })).setAvailability.userErrors).toEqual([]);
      expect((await as(user).data(SET_VISIBILITY, { input: { visibility: 'PUBLIC' } })).setProfileVisibility.userErrors).toEqual([]);
    };
    await profile(marta!, 'crowdfunding', 'EXPERIENCED', milano.globalId, [practice.id]);
    await profile(paola!, 'grant-writing', 'EXPERT', bergamo.globalId);
    await profile(luigi!, 'foundation-partnerships', 'EXPERIENCED', brescia.globalId);
    const endorse = async (endorser: TestUser, user: TestUser, key: string) =>
      expect((await as(endorser).data(ENDORSE, { input: { userId: user.globalId, skillId: await skill(key) } })).endorseCompetence.userErrors).toEqual([]);
    await endorse(nadia!, marta!, 'crowdfunding');
    await endorse(fabio!, luigi!, 'foundation-partnerships');
    await endorse(nadia!, luigi!, 'foundation-partnerships');

    // 8. A newcomer in Bergamo asks for peers on "fundraising" from other provinces, and gets explained suggestions.
    const need = { text: 'fundraising', territoryId: bergamo.globalId, preferOtherTerritories: true };
    const { suggestPeers } = await as(newcomer!).data(SUGGEST, { need });
    expect(suggestPeers.nodes).toEqual([
      {
        profile: { displayName: 'Marta Pratica' },
        matchedSkills: [{ skill: { key: 'crowdfunding', label: 'Crowdfunding' }, level: 'EXPERIENCED', endorsementCount: 1 }],
        evidenceCount: 1,
        evidence: [{ title: 'Portierato sociale pagato da una raccolta fondi di quartiere' }],
        territoryMatch: 'OTHER',
        reasons: ['Crowdfunding: experienced, endorsed by 1 person', '1 published practice on these themes', 'Works in another territory, as asked', 'Open to peer exchanges'],
      },
      {
        profile: { displayName: 'Luigi Brescia' },
        matchedSkills: [{ skill: { key: 'foundation-partnerships', label: 'Partnerships with foundations' }, level: 'EXPERIENCED', endorsementCount: 2 }],
        evidenceCount: 0,
        evidence: [],
        territoryMatch: 'OTHER',
        reasons: ['Partnerships with foundations: experienced, endorsed by 2 people', 'Works in another territory, as asked', 'Open to peer exchanges'],
      },
      {
        profile: { displayName: 'Paola Bergamo' },
        matchedSkills: [{ skill: { key: 'grant-writing', label: 'Grant writing' }, level: 'EXPERT', endorsementCount: 0 }],
        evidenceCount: 0,
        evidence: [],
        territoryMatch: 'SAME',
        reasons: ['Grant writing: expert', 'Works in the territory of the need', 'Open to peer exchanges'],
      },
    ]);
    // Asked for help nearby instead, the expert in Bergamo comes first.
    const nearby = await as(newcomer!).data(SUGGEST, { need: { ...need, preferOtherTerritories: false } });
    expect(nearby.suggestPeers.nodes.map((node: { profile: { displayName: string } }) => node.profile.displayName)).toEqual([
      'Paola Bergamo',
      'Marta Pratica',
      'Luigi Brescia',
    ]);
  });
});
