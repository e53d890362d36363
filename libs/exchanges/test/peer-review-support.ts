import type { TestApp, TestUser } from '@bottega/identity/testing';
import { OPEN, api, create, exchangeDbId, state, type World } from './support';

const mutation = (name: string, input: string, fields: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${fields} userErrors { field code message } } }`;

export const INVITE = mutation('invitePeerReviewers', 'InvitePeerReviewersInput', 'invitations { id status user { id } }');
export const RESPOND = mutation('respondToReviewInvitation', 'RespondToReviewInvitationInput', 'invitation { id status respondedAt }');
export const RECOMMEND = mutation('addReviewRecommendation', 'AddReviewRecommendationInput', 'recommendation { id text { markdown html } author { id } viewerCanEdit }');
export const EDIT_RECOMMENDATION = mutation('editReviewRecommendation', 'EditReviewRecommendationInput', 'recommendation { id text { markdown } }');
export const ANSWER = mutation(
  'answerPeerReview',
  'AnswerPeerReviewInput',
  'peerReview { question actionPlan { markdown html } answeredAt viewerCanAnswer recommendations { id response responseNote } reviewers { id } }',
);

export const REVIEW_QUESTION = 'Come rendere sostenibile la raccolta fondi del nostro portierato sociale dopo la fine del finanziamento?';

/** A PEER_REVIEW exchange with its question, open to registrations. */
export async function openReview(t: TestApp, w: World, input: Record<string, unknown> = {}): Promise<any> {
  const exchange = await create(t, w, { title: 'Peer review del portierato sociale', format: 'PEER_REVIEW', reviewQuestion: REVIEW_QUESTION, ...input });
  const { openRegistrations } = await api(t).data(w.coordinator, OPEN, { input: { exchangeId: exchange.id } });
  expect(openRegistrations.userErrors).toEqual([]);
  return openRegistrations.peerExchange;
}

/** The exchange took place: it started three hours ago and ended one hour ago. */
export const tookPlace = (t: TestApp, id: string) =>
  t.db.query(
    `UPDATE peer_exchange SET starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour', registration_deadline = now() - interval '1 day' WHERE id = $1`,
    [exchangeDbId(id)],
  );

/** Invites people and has them answer: ACCEPT or DECLINE. */
export async function reviewers(t: TestApp, w: World, exchangeId: string, answers: ('ACCEPT' | 'DECLINE' | null)[]): Promise<{ user: TestUser; invitationId: string }[]> {
  const people = await Promise.all(answers.map(() => t.users.create()));
  const { invitePeerReviewers } = await api(t).data(w.coordinator, INVITE, { input: { exchangeId, userIds: people.map((p) => p.globalId) } });
  expect(invitePeerReviewers.userErrors).toEqual([]);
  const invitations = invitePeerReviewers.invitations as { id: string }[];
  for (const [index, answer] of answers.entries()) {
    if (!answer) continue;
    const { respondToReviewInvitation } = await api(t).data(people[index]!, RESPOND, { input: { invitationId: invitations[index]!.id, answer } });
    expect(respondToReviewInvitation.userErrors).toEqual([]);
  }
  return people.map((user, index) => ({ user, invitationId: invitations[index]!.id }));
}

/** Everything exchanges and their reviews keep, to show an operation changed nothing. */
export async function reviewState(t: TestApp): Promise<unknown> {
  const [reviews, invitations, recommendations, notifications] = await Promise.all([
    t.db.query(`SELECT * FROM peer_exchange_review ORDER BY exchange_id`),
    t.db.query(`SELECT * FROM peer_review_invitation ORDER BY id`),
    t.db.query(`SELECT * FROM peer_review_recommendation ORDER BY id`),
    t.db.query(`SELECT kind, recipient_id, subject_id FROM notification ORDER BY id`),
  ]);
  return { exchanges: await state(t), reviews, invitations, recommendations, notifications };
}
