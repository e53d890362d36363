import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { toGlobalId } from '@bottega/core';
import { CommunityFactory } from '@bottega/forum/testing';
import { CREATE, NODE, OPEN, UPDATE, api, create, errorsOf, exchangeDbId, opened, unknownId, visit as visitInput, world, type World } from './support';
import { ANSWER, EDIT_RECOMMENDATION, INVITE, RECOMMEND, RESPOND, REVIEW_QUESTION, openReview, reviewState, reviewers, tookPlace } from './peer-review-support';

const REVIEW = `query($id: ID!) { node(id: $id) { ... on PeerExchange { reviewQuestion
  peerReview { question actionPlan { markdown } answeredAt viewerCanAnswer reviewers { id } recommendations { id text { markdown } author { id } response responseNote viewerCanEdit } }
  reviewInvitations { id status user { id } } viewerReviewInvitation { status } venue } } }`;

describe('peer reviews', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    w = await world(t);
  });
  afterAll(() => t.close());

  const run = async (user: TestUser | null, mutation: string, input: Record<string, unknown>) => {
    const data = await call.data(user, mutation, { input });
    return Object.values(data)[0] as any;
  };
  const notified = (kind: string, exchangeId: string) =>
    t.db
      .query(`SELECT recipient_id, actor_id FROM notification WHERE kind = $1 AND subject_id = $2 ORDER BY recipient_id`, [kind, exchangeDbId(exchangeId)])
      .then((rows: { recipient_id: string; actor_id: string }[]) => rows.map((row) => [row.recipient_id, row.actor_id]));

  describe('the review question', () => {
    it('is required before a peer review opens, set at creation or by an update, and belongs to peer reviews only', async () => {
      const draft = await create(t, w, { format: 'PEER_REVIEW' });
      expect(draft.status).toBe('DRAFT');
      const before = await reviewState(t);
      expect(errorsOf((await run(w.coordinator, OPEN, { exchangeId: draft.id })).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
      expect(await reviewState(t)).toEqual(before);

      const short = await run(w.coordinator, UPDATE, { exchangeId: draft.id, version: draft.version, reviewQuestion: 'Breve?' });
      expect(errorsOf(short.userErrors)).toEqual([['input.reviewQuestion', 'OUT_OF_RANGE']]);
      expect(await reviewState(t)).toEqual(before);
      const updated = await run(w.coordinator, UPDATE, { exchangeId: draft.id, version: draft.version, reviewQuestion: `  ${REVIEW_QUESTION}  ` });
      expect(updated.userErrors).toEqual([]);
      expect(updated.peerExchange.version).toBe(draft.version + 1);
      expect((await call.data(w.coordinator, REVIEW, { id: draft.id })).node.reviewQuestion).toBe(REVIEW_QUESTION);
      expect((await run(w.coordinator, OPEN, { exchangeId: draft.id })).peerExchange.status).toBe('OPEN');
      // Readers of the exchange read its question.
      expect((await call.data(null, REVIEW, { id: draft.id })).node).toMatchObject({ reviewQuestion: REVIEW_QUESTION, peerReview: null, reviewInvitations: [] });

      const visit = await call.data(w.coordinator, CREATE, { input: { ...visitInput(w), reviewQuestion: REVIEW_QUESTION } });
      expect(errorsOf(visit.createPeerExchange.userErrors)).toEqual([['input.reviewQuestion', 'INVALID']]);
      const created = await openReview(t, w);
      expect((await call.data(w.member, REVIEW, { id: created.id })).node.reviewQuestion).toBe(REVIEW_QUESTION);
    });
  });

  describe('invitations', () => {
    it('invites peers, who are told; they accept or decline once, and the coordinator who invited them is told', async () => {
      const exchange = await openReview(t, w);
      const [a, b] = await Promise.all([t.users.create(), t.users.create()]);
      const invited = await run(w.coordinator, INVITE, { exchangeId: exchange.id, userIds: [a.globalId, b.globalId] });
      expect(invited.userErrors).toEqual([]);
      expect(invited.invitations.map((i: any) => [i.user.id, i.status])).toEqual([
        [a.globalId, 'INVITED'],
        [b.globalId, 'INVITED'],
      ]);
      expect(await notified('EXCHANGE_REVIEW_INVITED', exchange.id)).toEqual([a.id, b.id].sort().map((id) => [id, w.coordinator.id]));
      expect((await call.data(a, REVIEW, { id: exchange.id })).node).toMatchObject({
        viewerReviewInvitation: { status: 'INVITED' },
        reviewInvitations: [{ user: { id: a.globalId } }],
        peerReview: null,
      });

      const accepted = await run(a, RESPOND, { invitationId: invited.invitations[0].id, answer: 'ACCEPT' });
      expect(accepted.invitation.status).toBe('ACCEPTED');
      const declined = await run(b, RESPOND, { invitationId: invited.invitations[1].id, answer: 'DECLINE' });
      expect(declined.invitation.status).toBe('DECLINED');
      expect(await notified('EXCHANGE_REVIEW_ACCEPTED', exchange.id)).toEqual([[w.coordinator.id, a.id]]);
      expect(await notified('EXCHANGE_REVIEW_DECLINED', exchange.id)).toEqual([[w.coordinator.id, b.id]]);

      // Reviewers take part outside the capacity: no registration, no seat taken; they are told where it takes place.
      const asReviewer = (await call.data(a, REVIEW, { id: exchange.id })).node;
      expect(asReviewer.peerReview).toMatchObject({ question: REVIEW_QUESTION, reviewers: [{ id: a.globalId }], viewerCanAnswer: false });
      expect(asReviewer.venue).toBe('Via Pascarella 21, Milano');
      expect((await call.data(b, REVIEW, { id: exchange.id })).node.peerReview).toBeNull();
      const [seats] = await t.db.query(`SELECT registered_count FROM peer_exchange WHERE id = $1`, [exchangeDbId(exchange.id)]);
      expect(seats.registered_count).toBe(0);
      const all = (await call.data(w.coordinator, REVIEW, { id: exchange.id })).node.reviewInvitations;
      expect(all.map((i: any) => [i.user.id, i.status]).sort()).toEqual(
        [
          [a.globalId, 'ACCEPTED'],
          [b.globalId, 'DECLINED'],
        ].sort(),
      );

      const before = await reviewState(t);
      expect(errorsOf((await run(a, RESPOND, { invitationId: invited.invitations[0].id, answer: 'DECLINE' })).userErrors)).toEqual([['input.invitationId', 'INVALID_STATE']]);
      expect(errorsOf((await run(w.coordinator, INVITE, { exchangeId: exchange.id, userIds: [b.globalId] })).userErrors)).toEqual([['input.userIds.0', 'INVALID_STATE']]);
      expect(await reviewState(t)).toEqual(before);
    });

    it('refuses anonymous, forbidden, unknown, bad and untimely invitations and answers, changing nothing', async () => {
      const exchange = await openReview(t, w);
      const [peer, other] = await Promise.all([t.users.create(), t.users.create()]);
      const [{ invitationId }] = await reviewers(t, w, exchange.id, [null]);
      const draft = await create(t, w, { format: 'PEER_REVIEW', reviewQuestion: REVIEW_QUESTION });
      const visit = await opened(t, w);
      const before = await reviewState(t);
      const invite = (exchangeId: string, userIds: string[]) => ({ exchangeId, userIds });

      expect(await call.code(null, INVITE, { input: invite(exchange.id, [peer.globalId]) })).toBe('UNAUTHENTICATED');
      for (const user of [w.member, peer, w.outsider]) expect(await call.code(user, INVITE, { input: invite(exchange.id, [other.globalId]) })).toBe('FORBIDDEN');
      expect(await call.code(w.coordinator, INVITE, { input: invite(unknownId('PeerExchange'), [peer.globalId]) })).toBe('NOT_FOUND');
      expect(await call.code(w.coordinator, INVITE, { input: invite(exchange.id, [unknownId('User')]) })).toBe('NOT_FOUND');
      expect(await call.code(w.coordinator, INVITE, { input: invite(exchange.id, ['not-an-id']) })).toBe('BAD_USER_INPUT');
      expect(errorsOf((await run(w.coordinator, INVITE, invite(exchange.id, []))).userErrors)).toEqual([['input.userIds', 'TOO_SHORT']]);
      expect(errorsOf((await run(w.coordinator, INVITE, invite(exchange.id, [peer.globalId, peer.globalId]))).userErrors)).toEqual([['input.userIds.1', 'INVALID']]);
      expect(errorsOf((await run(w.coordinator, INVITE, invite(exchange.id, [w.coordinator.globalId]))).userErrors)).toEqual([['input.userIds.0', 'INVALID']]);
      expect(errorsOf((await run(w.coordinator, INVITE, invite(visit.id, [peer.globalId]))).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
      expect(errorsOf((await run(w.coordinator, INVITE, invite(draft.id, [peer.globalId]))).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);

      expect(await call.code(null, RESPOND, { input: { invitationId, answer: 'ACCEPT' } })).toBe('UNAUTHENTICATED');
      // Those who run it see the invitation but answer only their own; others do not see it at all.
      expect(await call.code(w.coordinator, RESPOND, { input: { invitationId, answer: 'ACCEPT' } })).toBe('FORBIDDEN');
      expect(await call.code(other, RESPOND, { input: { invitationId, answer: 'ACCEPT' } })).toBe('NOT_FOUND');
      expect(await call.code(other, RESPOND, { input: { invitationId: unknownId('PeerReviewInvitation'), answer: 'ACCEPT' } })).toBe('NOT_FOUND');
      expect(await call.code(other, RESPOND, { input: { invitationId: 'nope', answer: 'ACCEPT' } })).toBe('BAD_USER_INPUT');
      expect(await call.code(other, RESPOND, { input: { invitationId, answer: 'MAYBE' } })).toBe('BAD_USER_INPUT');
      expect(await reviewState(t)).toEqual(before);

      // Someone who cannot read a private community's exchange is not invited to it.
      const privateCommunity = await new CommunityFactory(t.db).create({ visibility: 'PRIVATE', coordinatorId: w.coordinator.id });
      const hidden = await openReview(t, w, { hostCommunityId: privateCommunity.globalId });
      const hiddenBefore = await reviewState(t);
      expect(errorsOf((await run(w.coordinator, INVITE, invite(hidden.id, [peer.globalId]))).userErrors)).toEqual([['input.userIds.0', 'INVALID']]);
      expect(await reviewState(t)).toEqual(hiddenBefore);

      // Once it has ended, nobody is invited and nobody answers.
      await tookPlace(t, exchange.id);
      const ended = await reviewState(t);
      expect(errorsOf((await run(w.coordinator, INVITE, invite(exchange.id, [other.globalId]))).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
      expect(await reviewState(t)).toEqual(ended);
    });

    it('invites someone once and takes one answer under concurrent requests', async () => {
      const exchange = await openReview(t, w);
      const peer = await t.users.create();
      const results = await Promise.all(Array.from({ length: 6 }, () => run(w.coordinator, INVITE, { exchangeId: exchange.id, userIds: [peer.globalId] })));
      expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
      expect(results.filter((r) => r.userErrors[0]?.code === 'INVALID_STATE')).toHaveLength(5);
      expect(await notified('EXCHANGE_REVIEW_INVITED', exchange.id)).toHaveLength(1);
      const invitationId = results.find((r) => r.userErrors.length === 0)!.invitations[0].id;
      const answers = await Promise.all(['ACCEPT', 'DECLINE', 'ACCEPT', 'DECLINE'].map((answer) => run(peer, RESPOND, { invitationId, answer })));
      expect(answers.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
      const [row] = await t.db.query(`SELECT status FROM peer_review_invitation WHERE user_id = $1`, [peer.id]);
      expect(row.status).toBe(answers.find((r) => r.userErrors.length === 0)!.invitation.status);
      const told = [...(await notified('EXCHANGE_REVIEW_ACCEPTED', exchange.id)), ...(await notified('EXCHANGE_REVIEW_DECLINED', exchange.id))];
      expect(told).toHaveLength(1);
    });
  });

  describe('recommendations and the action plan', () => {
    it('reviewers recommend after it took place and edit until the host answers with an action plan, which reviewers are told of', async () => {
      const exchange = await openReview(t, w, { hostIds: [w.member.globalId] });
      const [a, b, declined] = await reviewers(t, w, exchange.id, ['ACCEPT', 'ACCEPT', 'DECLINE']);
      const before = await reviewState(t);
      expect(errorsOf((await run(a!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Coinvolgere la fondazione di comunità.' })).userErrors)).toEqual([
        ['input.exchangeId', 'INVALID_STATE'],
      ]);
      expect(await reviewState(t)).toEqual(before);

      await tookPlace(t, exchange.id);
      const first = (await run(a!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Coinvolgere la **fondazione** di comunità.' })).recommendation;
      expect(first).toMatchObject({ text: { markdown: 'Coinvolgere la **fondazione** di comunità.' }, author: { id: a!.user.globalId }, viewerCanEdit: true });
      expect(first.text.html).toContain('<strong>fondazione</strong>');
      const second = (await run(a!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Chiedere un contributo simbolico alle famiglie.' })).recommendation;
      const third = (await run(b!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Una campagna di crowdfunding civico.' })).recommendation;
      const edited = await run(a!.user, EDIT_RECOMMENDATION, { recommendationId: second.id, text: 'Chiedere un contributo alle famiglie che possono.' });
      expect(edited.recommendation.text.markdown).toBe('Chiedere un contributo alle famiglie che possono.');

      const refusedBefore = await reviewState(t);
      expect(await call.code(null, RECOMMEND, { input: { exchangeId: exchange.id, text: 'Anonimo' } })).toBe('UNAUTHENTICATED');
      for (const user of [declined!.user, w.outsider, w.coordinator]) expect(await call.code(user, RECOMMEND, { input: { exchangeId: exchange.id, text: 'Non posso' } })).toBe('FORBIDDEN');
      expect(await call.code(a!.user, RECOMMEND, { input: { exchangeId: unknownId('PeerExchange'), text: 'Ignota' } })).toBe('NOT_FOUND');
      expect(errorsOf((await run(a!.user, RECOMMEND, { exchangeId: exchange.id, text: ' x ' })).userErrors)).toEqual([['input.text', 'TOO_SHORT']]);
      expect(await call.code(b!.user, EDIT_RECOMMENDATION, { input: { recommendationId: first.id, text: 'Non è mia' } })).toBe('FORBIDDEN');
      expect(await call.code(w.outsider, EDIT_RECOMMENDATION, { input: { recommendationId: first.id, text: 'Non la vedo' } })).toBe('NOT_FOUND');
      expect(await call.code(a!.user, EDIT_RECOMMENDATION, { input: { recommendationId: unknownId('ReviewRecommendation'), text: 'Ignota' } })).toBe('NOT_FOUND');
      expect(await call.code(null, EDIT_RECOMMENDATION, { input: { recommendationId: first.id, text: 'Anonimo' } })).toBe('UNAUTHENTICATED');
      expect(await call.code(a!.user, EDIT_RECOMMENDATION, { input: { recommendationId: 'nope', text: 'Malformata' } })).toBe('BAD_USER_INPUT');
      expect(errorsOf((await run(a!.user, EDIT_RECOMMENDATION, { recommendationId: first.id, text: 'x'.repeat(5001) })).userErrors)).toEqual([['input.text', 'TOO_LONG']]);

      const plan = 'Entro giugno: incontro con la fondazione di comunità e una campagna pilota.';
      const responses = [
        { recommendationId: first.id, response: 'ACCEPTED', note: 'Lo facciamo.' },
        { recommendationId: second.id, response: 'DECLINED', note: 'Il servizio resta gratuito.' },
        { recommendationId: third.id, response: 'PARTLY' },
      ];
      expect(await call.code(null, ANSWER, { input: { exchangeId: exchange.id, actionPlan: plan, responses } })).toBe('UNAUTHENTICATED');
      for (const user of [a!.user, w.outsider]) expect(await call.code(user, ANSWER, { input: { exchangeId: exchange.id, actionPlan: plan, responses } })).toBe('FORBIDDEN');
      expect(await call.code(w.coordinator, ANSWER, { input: { exchangeId: unknownId('PeerExchange'), actionPlan: plan, responses } })).toBe('NOT_FOUND');
      expect(await call.code(w.coordinator, ANSWER, { input: { exchangeId: exchange.id, actionPlan: plan, responses: [{ ...responses[0], recommendationId: 'x' }] } })).toBe('BAD_USER_INPUT');
      expect(errorsOf((await run(w.member, ANSWER, { exchangeId: exchange.id, actionPlan: 'Corto', responses })).userErrors)).toEqual([['input.actionPlan', 'TOO_SHORT']]);
      expect(errorsOf((await run(w.member, ANSWER, { exchangeId: exchange.id, actionPlan: plan, responses: responses.slice(0, 2) })).userErrors)).toEqual([['input.responses', 'REQUIRED']]);
      expect(errorsOf((await run(w.member, ANSWER, { exchangeId: exchange.id, actionPlan: plan, responses: [...responses, responses[0]] })).userErrors)).toEqual([
        ['input.responses.3.recommendationId', 'INVALID'],
      ]);
      const stranger = { recommendationId: toGlobalId('ReviewRecommendation', '00000000-0000-4000-8000-000000000000'), response: 'ACCEPTED' };
      expect(errorsOf((await run(w.member, ANSWER, { exchangeId: exchange.id, actionPlan: plan, responses: [...responses, stranger] })).userErrors)).toEqual([
        ['input.responses.3.recommendationId', 'INVALID'],
      ]);
      expect(await reviewState(t)).toEqual(refusedBefore);

      // A host answers (as would those who run it).
      const answered = (await run(w.member, ANSWER, { exchangeId: exchange.id, actionPlan: plan, responses })).peerReview;
      expect(answered).toMatchObject({
        question: REVIEW_QUESTION,
        actionPlan: { markdown: plan },
        viewerCanAnswer: false,
        recommendations: [
          { id: first.id, response: 'ACCEPTED', responseNote: 'Lo facciamo.' },
          { id: second.id, response: 'DECLINED', responseNote: 'Il servizio resta gratuito.' },
          { id: third.id, response: 'PARTLY', responseNote: null },
        ],
      });
      expect(await notified('EXCHANGE_ACTION_PLAN', exchange.id)).toEqual([a!.user.id, b!.user.id].sort().map((id) => [id, w.member.id]));
      const asReviewer = (await call.data(a!.user, REVIEW, { id: exchange.id })).node.peerReview;
      expect(asReviewer.actionPlan.markdown).toBe(plan);
      expect(asReviewer.recommendations.map((r: any) => r.viewerCanEdit)).toEqual([false, false, false]);

      const after = await reviewState(t);
      expect(errorsOf((await run(a!.user, EDIT_RECOMMENDATION, { recommendationId: first.id, text: 'Troppo tardi per cambiare' })).userErrors)).toEqual([
        ['input.recommendationId', 'INVALID_STATE'],
      ]);
      expect(errorsOf((await run(b!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Troppo tardi' })).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
      expect(errorsOf((await run(w.coordinator, ANSWER, { exchangeId: exchange.id, actionPlan: plan, responses })).userErrors)).toEqual([['input.exchangeId', 'INVALID_STATE']]);
      expect(await reviewState(t)).toEqual(after);
    });

    it('takes no recommendation written while the host answers: the answer covers exactly what was there', async () => {
      const exchange = await openReview(t, w);
      const [a] = await reviewers(t, w, exchange.id, ['ACCEPT']);
      await tookPlace(t, exchange.id);
      const first = (await run(a!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Una prima raccomandazione.' })).recommendation;
      const [answer, late] = await Promise.all([
        run(w.coordinator, ANSWER, { exchangeId: exchange.id, actionPlan: 'Un piano d’azione in tre passi.', responses: [{ recommendationId: first.id, response: 'ACCEPTED' }] }),
        run(a!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Una seconda, scritta mentre risponde.' }),
      ]);
      const rows = await t.db.query(`SELECT response FROM peer_review_recommendation WHERE exchange_id = $1`, [exchangeDbId(exchange.id)]);
      if (answer.userErrors.length === 0) {
        // The answer went first: the late one was refused.
        expect(late.userErrors[0].code).toBe('INVALID_STATE');
        expect(rows).toEqual([{ response: 'ACCEPTED' }]);
      } else {
        // The recommendation went first: the answer missed it and was refused whole.
        expect(answer.userErrors[0].code).toBe('REQUIRED');
        expect(rows).toEqual([{ response: null }, { response: null }]);
      }
    });
  });

  it('suggests reviewers from other territories for those who run it, as suggestPeers ranks them for its question', async () => {
    const [skill] = await t.db.query(`SELECT id FROM skill WHERE key = 'crowdfunding'`);
    const exchange = await openReview(t, w, { skillIds: [toGlobalId('Skill', skill.id)] });
    const [lecco] = await t.db.query(`SELECT id FROM territory WHERE code = 'IT-LC'`);
    const expert = await t.users.create();
    await call.data(expert, `mutation($input: SetCompetencesInput!) { setCompetences(input: $input) { userErrors { code } } }`, {
      input: { competences: [{ skillId: toGlobalId('Skill', skill.id), level: 'EXPERT' }] },
    });
    await call.data(expert, `mutation($input: SetProfileVisibilityInput!) { setProfileVisibility(input: $input) { userErrors { code } } }`, { input: { visibility: 'PUBLIC' } });
    await call.data(expert, `mutation($input: SetAvailabilityInput!) { setAvailability(input: $input) { userErrors { code } } }`, { input: { availability: 'OPEN_TO_EXCHANGE' } });
    await t.db.query(`INSERT INTO competence_profile_territory (user_id, territory_id, position) VALUES ($1, $2, 0)`, [expert.id, lecco.id]);
    const SUGGESTED = `query($id: ID!) { node(id: $id) { ... on PeerExchange { suggestedReviewers(first: 5) { nodes { profile { id } territoryMatch reasons } } } } }`;
    const suggested = (await call.data(w.coordinator, SUGGESTED, { id: exchange.id })).node.suggestedReviewers.nodes;
    expect(suggested.map((s: any) => s.profile.id)).toContain(toGlobalId('CompetenceProfile', expert.id));
    expect(suggested.find((s: any) => s.profile.id === toGlobalId('CompetenceProfile', expert.id)).territoryMatch).toBe('OTHER');
    expect((await call.data(w.member, SUGGESTED, { id: exchange.id })).node.suggestedReviewers).toBeNull();
    // Once invited, they are no longer suggested.
    await run(w.coordinator, INVITE, { exchangeId: exchange.id, userIds: [expert.globalId] });
    const after = (await call.data(w.coordinator, SUGGESTED, { id: exchange.id })).node.suggestedReviewers.nodes;
    expect(after.map((s: any) => s.profile.id)).not.toContain(toGlobalId('CompetenceProfile', expert.id));
  });

  it('has its invitations and recommendations as nodes, seen by those who read them', async () => {
    const exchange = await openReview(t, w);
    const [a] = await reviewers(t, w, exchange.id, ['ACCEPT']);
    await tookPlace(t, exchange.id);
    const rec = (await run(a!.user, RECOMMEND, { exchangeId: exchange.id, text: 'Una raccomandazione da leggere.' })).recommendation;
    const NODE_OF = `query($id: ID!) { node(id: $id) { id ... on PeerReviewInvitation { status peerExchange { id } } ... on ReviewRecommendation { text { markdown } } } }`;
    expect((await call.data(w.coordinator, NODE_OF, { id: a!.invitationId })).node).toMatchObject({ status: 'ACCEPTED', peerExchange: { id: exchange.id } });
    expect((await call.data(w.outsider, NODE_OF, { id: a!.invitationId })).node).toBeNull();
    expect((await call.data(w.coordinator, NODE_OF, { id: rec.id })).node.text.markdown).toBe('Una raccomandazione da leggere.');
    expect((await call.data(null, NODE_OF, { id: rec.id })).node).toBeNull();
    expect((await call.data(null, NODE, { id: exchange.id })).node.id).toBe(exchange.id);
  });
});
