import type { Client } from 'graphql-ws';
import { PgPubSub } from '@bottega/core';
import { CommunityFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp, type TestUser } from '@bottega/identity/testing';
import { DirectoryFactory } from '@bottega/territories/testing';
import { COMPLETE, CREATE, PUBLISH, SUBMIT, api } from './support';
import { until } from '@bottega/testing';

const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { following userErrors { code } } }`;
const LIVE = `subscription { notificationAdded { kind actor { id } subject { __typename ... on Practice { slug title }
  ... on PracticeComment { bodyHtml practice { slug } } } } }`;
const INBOX = `{ notifications(first: 10) { nodes { kind actor { id } subject { __typename ... on Practice { slug } } } } }`;
const ADD_COMMENT = `mutation($input: AddPracticeCommentInput!) { addPracticeComment(input: $input) { userErrors { code } } }`;

/** What one person's socket receives from `notificationAdded`. */
interface Listener {
  user: TestUser;
  socket: Client;
  events: any[];
  errors: unknown[];
}

describe('notices of practices, live over graphql-ws', () => {
  let t: TestApp;
  let call: ReturnType<typeof api>;
  let [author, coordinator, member, tagFan, placeFan, bystander, outsider]: TestUser[] = [];
  let community: { globalId: string };
  let privateCommunity: { globalId: string };
  let bergamo: string;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    call = api(t);
    [author, coordinator, member, tagFan, placeFan, bystander, outsider] = await Promise.all(Array.from({ length: 7 }, () => t.users.create()));
    const communities = new CommunityFactory(t.db);
    community = await communities.create({ coordinatorId: coordinator!.id, memberIds: [author!.id] });
    privateCommunity = await communities.create({ visibility: 'PRIVATE', coordinatorId: coordinator!.id, memberIds: [author!.id, member!.id] });
    bergamo = (await new DirectoryFactory(t.db).territory('IT-BG')).globalId;
  });
  afterAll(async () => {
    await Promise.all(listeners.map((listener) => listener.socket.dispose()));
    await t.close();
  });

  const follow = async (user: TestUser, input: Record<string, unknown>) =>
    expect((await call.data(user, FOLLOW, { input })).follow).toEqual({ following: true, userErrors: [] });

  /** Opens a socket as `user`, subscribes to their notifications and waits until the server listens for them. */
  async function listen(user: TestUser): Promise<Listener> {
    const listener: Listener = { user, socket: t.client.as(user.accessToken).socket(), events: [], errors: [] };
    listeners.push(listener);
    listener.socket.subscribe(
      { query: LIVE },
      {
        next: (value) => listener.events.push(value.data?.['notificationAdded'] ?? value),
        error: (error) => listener.errors.push(error),
        complete: () => undefined,
      },
    );
    const pubsub = t.app.get(PgPubSub);
    await until(() => pubsub.listenerCount(`notifications:${user.id}`) === 1, `${user.handle}'s subscription`);
    return listener;
  }

  async function publish(input: Record<string, unknown>): Promise<{ id: string; slug: string; title: string }> {
    const { createPractice } = await call.data(author!, CREATE, { input: { communityId: community.globalId, ...COMPLETE, ...input } });
    const practice = createPractice.practice;
    expect((await call.data(author!, SUBMIT, { input: { practiceId: practice.id } })).submitPracticeForReview.userErrors).toEqual([]);
    expect((await call.data(coordinator!, PUBLISH, { input: { practiceId: practice.id } })).publishPractice.userErrors).toEqual([]);
    return practice;
  }

  it('pushes the publication to the followers of its tag and of its territory, to nobody else, and keeps it in their list', async () => {
    await follow(tagFan!, { tag: 'Orti sociali' });
    await follow(placeFan!, { subjectId: bergamo });
    await follow(bystander!, { tag: 'altro-tema' });
    const [tags, places, others] = [await listen(tagFan!), await listen(placeFan!), await listen(bystander!)];

    const practice = await publish({ title: 'Orti sociali in cascina', tags: ['orti-sociali'], territoryIds: [bergamo] });
    await until(() => tags.events.length === 1 && places.events.length === 1, 'both followers to hear of it');
    const notice = { kind: 'PRACTICE_PUBLISHED', actor: { id: coordinator!.globalId }, subject: { __typename: 'Practice', slug: practice.slug, title: 'Orti sociali in cascina' } };
    expect(tags.events).toEqual([notice]);
    expect(places.events).toEqual([notice]);
    // Sent in the same NOTIFY as the others: had the bystander been told, it would be here by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(others.events).toEqual([]);
    for (const listener of [tags, places, others]) expect(listener.errors).toEqual([]);

    const listed = { kind: 'PRACTICE_PUBLISHED', actor: { id: coordinator!.globalId }, subject: { __typename: 'Practice', slug: practice.slug } };
    expect((await call.data(tagFan!, INBOX)).notifications.nodes).toEqual([listed]);
    expect((await call.data(placeFan!, INBOX)).notifications.nodes).toEqual([listed]);
    expect((await call.data(bystander!, INBOX)).notifications.nodes).toEqual([]);
  });

  it('pushes nothing about a practice of a private community to a follower who may not read it, and tells its members', async () => {
    await follow(outsider!, { tag: 'mutuo-aiuto' });
    await follow(outsider!, { subjectId: bergamo });
    await follow(member!, { tag: 'mutuo-aiuto' });
    const [stranger, insider] = [await listen(outsider!), await listen(member!)];
    const placeFanEvents = listeners.find((listener) => listener.user === placeFan)!;
    const before = placeFanEvents.events.length;

    const practice = await publish({ title: 'Gruppo di mutuo aiuto', communityId: privateCommunity.globalId, tags: ['mutuo-aiuto'], territoryIds: [bergamo] });
    await until(() => insider.events.length === 1, 'the member to hear of it');
    expect(insider.events).toEqual([
      { kind: 'PRACTICE_PUBLISHED', actor: { id: coordinator!.globalId }, subject: { __typename: 'Practice', slug: practice.slug, title: 'Gruppo di mutuo aiuto' } },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Neither the stranger (tag and territory) nor the territory's follower from the first test reads it.
    expect(stranger.events).toEqual([]);
    expect(placeFanEvents.events).toHaveLength(before);
    expect((await call.data(outsider!, INBOX)).notifications.nodes).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_id = ANY($1::uuid[])
      AND kind = 'PRACTICE_PUBLISHED' AND subject_id = (SELECT id FROM practice WHERE slug = $2)`, [[outsider!.id, placeFan!.id], practice.slug])).toEqual([{ n: 0 }]);
  });

  it('pushes a new comment to the practice’s author', async () => {
    const practice = await publish({ title: 'Emporio solidale di quartiere', tags: ['emporio'] });
    const own = await listen(author!);
    expect((await call.data(bystander!, ADD_COMMENT, { input: { practiceId: practice.id, body: 'Come scegliete le **famiglie**?' } })).addPracticeComment.userErrors).toEqual([]);
    await until(() => own.events.length === 1, 'the author to hear of the comment');
    expect(own.events).toEqual([
      { kind: 'PRACTICE_COMMENT', actor: { id: bystander!.globalId }, subject: { __typename: 'PracticeComment', bodyHtml: '<p>Come scegliete le <strong>famiglie</strong>?</p>\n', practice: { slug: practice.slug } } },
    ]);
  });
});
