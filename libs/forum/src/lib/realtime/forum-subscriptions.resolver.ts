import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { PgPubSub, UnauthenticatedError, eventStream, loadersForEvent, type BusEvent, type EventStep, type RequestContext } from '@bottega/core';
import { CommunityAccess } from '../communities/community.access';
import { CommunityLoaders } from '../communities/community.loaders';
import { PostLoaders } from '../posts/post.loaders';
import { Post } from '../posts/post.model';
import { ThreadAccess } from '../threads/thread.access';
import { ThreadActivityKind, communityTopic, threadTopic } from '../threads/thread.events';
import { Thread } from '../threads/thread.model';
import { ThreadActivity } from './thread-activity.model';

/**
 * Live updates. Events carry ids only; every event is loaded and authorized
 * again for its receiver, with nothing cached from earlier events, so someone
 * removed from a private community (or signed out) stops receiving at once.
 * What is the same for every receiver (the post, the thread, sessions and
 * memberships by key) is loaded once per event for all of them.
 */
@Resolver()
export class ForumSubscriptionsResolver {
  constructor(
    private readonly pubsub: PgPubSub,
    private readonly threads: ThreadAccess,
    private readonly communities: CommunityAccess,
    private readonly communityLoaders: CommunityLoaders,
    private readonly postLoaders: PostLoaders,
  ) {}

  @Subscription(() => Post, { resolve: (post: Post) => post, description: 'Each new post in a thread the viewer may read.' })
  async postAdded(@Args('threadId', { type: () => ID }) threadId: string, @Context() context: RequestContext) {
    const { thread } = await this.threads.readable(context, threadId, ['threadId']);
    return this.deliver(threadTopic(thread.id), context, async (event, scoped) => {
      if (!(await this.threads.load(scoped, thread.id))) return 'stop';
      if (!event['postId']) return 'skip';
      const post = await scoped.loaders.get(this.postLoaders.byId).load(String(event['postId']));
      return post ? Post.from(post) : 'skip';
    });
  }

  @Subscription(() => ThreadActivity, {
    resolve: (activity: ThreadActivity) => activity,
    description: 'New threads, new posts and status changes in a community the viewer may read.',
  })
  async threadActivity(@Args('communityId', { type: () => ID }) communityId: string, @Context() context: RequestContext) {
    const community = await this.communities.readable(context, communityId, ['communityId']);
    return this.deliver(communityTopic(community.id), context, async (event, scoped) => {
      const current = await scoped.loaders.get(this.communityLoaders.byId).load(community.id);
      if (!current || !(await this.communities.canRead(scoped, current))) return 'stop';
      const found = await this.threads.load(scoped, String(event['threadId']));
      if (!found) return 'skip';
      const post = event['postId'] ? await scoped.loaders.get(this.postLoaders.byId).load(String(event['postId'])) : null;
      return Object.assign(new ThreadActivity(), {
        kind: event['kind'] as ThreadActivityKind,
        thread: Thread.from(found.thread),
        post: post ? Post.from(post) : null,
      });
    });
  }

  /** Delivers what `load` makes of each event; 'skip' drops one, 'stop' (or a revoked session) ends the stream. */
  private deliver<T extends object>(
    topic: string,
    context: RequestContext,
    load: (event: BusEvent, scoped: RequestContext) => Promise<EventStep<T>>,
  ): AsyncIterableIterator<T> {
    // Each subscriber's session is checked with the event's other subscribers', in one statement.
    const events = this.pubsub.subscribe(topic, { onArrival: (event) => void context.prepare(loadersForEvent(event)) });
    return eventStream(events, async (event) => {
      // Fresh for each event, shared with the event's other subscribers; nested fields read it too.
      context.renew(loadersForEvent(event));
      try {
        return await load(event, context);
      } catch (error) {
        if (error instanceof UnauthenticatedError) return 'stop';
        throw error;
      }
    });
  }
}
