import type { Client } from 'graphql-ws';
import { PgPubSub } from '@bottega/core';
import { CommunityFactory, ThreadFactory } from '@bottega/forum/testing';
import { startTestApp, type TestApp } from './support/test-app';
import { until } from '@bottega/testing';

function collect(client: Client, query: string, variables: Record<string, unknown> = {}): any[] {
  const received: any[] = [];
  client.subscribe({ query, variables }, { next: (value) => received.push(value), error: () => undefined, complete: () => undefined });
  return received;
}

/**
 * The newcomer's story: reads without an account, registers, asks, gets an
 * answer live from someone served by another API process, accepts it, and
 * reads and clears their notifications.
 */
describe('journey: a newcomer asks and gets answered', () => {
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

  it('works end to end', async () => {
    const practitioner = await web.users.named('Marta Pratica').create();
    const community = await new CommunityFactory(web.db).create({ name: 'Anziani e comunità', coordinatorId: practitioner.id });
    await new ThreadFactory(web.db).create({ communityId: community.id, authorId: practitioner.id, title: 'Portierato sociale a Milano: come lo facciamo' });

    // 1. Reads a public thread without an account.
    const { threads } = await web.client.data(`query($c: ID!) { threads(filter: { community: $c }) { nodes { title viewerCanReply openingPost { bodyHtml } } } }`, {
      c: community.globalId,
    });
    expect(threads.nodes).toEqual([{ title: 'Portierato sociale a Milano: come lo facciamo', viewerCanReply: false, openingPost: { bodyHtml: '<p>Opening post</p>\n' } }]);

    // 2. Registers.
    const { register } = await web.client.data(
      `mutation($input: RegisterInput!) { register(input: $input) { viewer { handle } session { accessToken } userErrors { code } } }`,
      { input: { email: 'nuova@comune.example', displayName: 'Nadia Nuova', password: 'Cortile-Condiviso-2026' } },
    );
    expect(register.userErrors).toEqual([]);
    const newcomer = web.client.as(register.session.accessToken);

    // 3. Asks a question in the right community.
    const { startThread } = await newcomer.data(
      `mutation($input: StartThreadInput!) { startThread(input: $input) { thread { id answered locked } userErrors { code } } }`,
      { input: { communityId: community.globalId, kind: 'QUESTION', title: 'Come raggiungere gli anziani soli?', body: 'Siamo un comune piccolo.', tags: ['anziani soli'] } },
    );
    expect(startThread.thread).toMatchObject({ answered: false, locked: false });
    const threadId: string = startThread.thread.id;

    // 4. Listens live (graphql-ws) for the answer and for notifications.
    const pubsub = web.app.get(PgPubSub);
    const listening = pubsub.listenerCount();
    const socket = web.client.as(register.session.accessToken).socket();
    try {
      const posts = collect(socket, `subscription($t: ID!) { postAdded(threadId: $t) { id bodyHtml author { displayName } } }`, { t: threadId });
      const notifications = collect(socket, `subscription { notificationAdded { kind actor { displayName } } }`);
      await until(() => pubsub.listenerCount() >= listening + 2, 'the subscriptions');

      // 5. A practitioner answers through another API process.
      const { replyToThread } = await other.client.as(practitioner.accessToken).data(
        `mutation($input: ReplyToThreadInput!) { replyToThread(input: $input) { post { id } } }`,
        { input: { threadId, body: 'Partite dai **medici di base**.' } },
      );
      await until(() => posts.length === 1 && notifications.length === 1, 'the live answer');
      expect(posts[0].data.postAdded).toEqual({
        id: replyToThread.post.id,
        bodyHtml: '<p>Partite dai <strong>medici di base</strong>.</p>\n',
        author: { displayName: 'Marta Pratica' },
      });
      expect(notifications[0].data.notificationAdded).toEqual({ kind: 'REPLY', actor: { displayName: 'Marta Pratica' } });

      // 6. Accepts the answer.
      const { acceptAnswer } = await newcomer.data(
        `mutation($input: AcceptAnswerInput!) { acceptAnswer(input: $input) { thread { answered acceptedAnswer { id } } } }`,
        { input: { postId: replyToThread.post.id } },
      );
      expect(acceptAnswer.thread).toEqual({ answered: true, acceptedAnswer: { id: replyToThread.post.id } });
    } finally {
      await socket.dispose();
    }

    // 7. Lists notifications and marks them read.
    const inbox = await newcomer.data(`{ unreadNotificationCount notifications { nodes { kind read subject { id } } } }`);
    expect(inbox.unreadNotificationCount).toBe(1);
    expect(inbox.notifications.nodes).toEqual([{ kind: 'REPLY', read: false, subject: { id: expect.any(String) } }]);
    const { markNotificationsRead } = await newcomer.data(`mutation { markNotificationsRead(input: { all: true }) { unreadCount } }`);
    expect(markNotificationsRead.unreadCount).toBe(0);
    const practitionerInbox = await web.client.as(practitioner.accessToken).data(`{ notifications { nodes { kind } } }`);
    expect(practitionerInbox.notifications.nodes).toEqual([{ kind: 'ANSWER_ACCEPTED' }]);
  });
});
