import {
  Args,
  ArgsType,
  Context,
  Field,
  Int,
  Mutation,
  Query,
  ResolveField,
  Resolver,
  Subscription,
  registerEnumType,
} from '@nestjs/graphql';
import {
  ConnectionArgs,
  Node,
  NodeRegistry,
  PgPubSub,
  UnauthenticatedError,
  UserError,
  UserErrorCode,
  eventStream,
  parseGlobalId,
  paginate,
  startingWith,
  validateInput,
  type BusEvent,
  type ConnectionValue,
  type RequestContext,
  type SortKey,
} from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import type { NotificationEntity } from './notification.entity';
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  Notification,
  NotificationConnection,
} from './notification.model';
import { NotificationRepository } from './notification.repository';
import { notificationTopic } from './notification.writer';

export enum NotificationOrder {
  NEWEST = 'NEWEST',
  UNREAD_FIRST = 'UNREAD_FIRST',
}
registerEnumType(NotificationOrder, { name: 'NotificationOrder' });

@ArgsType()
class NotificationsArgs extends ConnectionArgs {
  @Field({ defaultValue: false })
  unreadOnly!: boolean;

  @Field(() => NotificationOrder, { defaultValue: NotificationOrder.NEWEST })
  orderBy!: NotificationOrder;
}

const NEWEST: SortKey<NotificationEntity>[] = [
  { expression: 'notification.createdAt', direction: 'DESC', value: (n) => n.createdAt.toISOString() },
  { expression: 'notification.id', direction: 'DESC', value: (n) => n.id },
];
const UNREAD: SortKey<NotificationEntity> = {
  expression: '(CASE WHEN notification.readAt IS NULL THEN 1 ELSE 0 END)',
  direction: 'DESC',
  value: (n) => (n.readAt ? 0 : 1),
};

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly nodes: NodeRegistry,
    private readonly userLoaders: UserLoaders,
    private readonly pubsub: PgPubSub,
  ) {}

  @Query(() => NotificationConnection, { description: 'The viewer’s notifications.' })
  async notifications(@Args() args: NotificationsArgs, @Context() context: RequestContext): Promise<ConnectionValue<Notification>> {
    const viewer = await context.requireViewer();
    const keys = args.orderBy === NotificationOrder.UNREAD_FIRST ? [UNREAD, ...NEWEST] : NEWEST;
    return paginate(this.repository.of(viewer.userId, args.unreadOnly), keys, args, Notification.from);
  }

  @Query(() => Int, { description: 'How many of the viewer’s notifications are unread.' })
  async unreadNotificationCount(@Context() context: RequestContext): Promise<number> {
    return this.repository.unreadCount((await context.requireViewer()).userId);
  }

  @Mutation(() => MarkNotificationsReadPayload, { nullable: true })
  async markNotificationsRead(
    @Args('input') input: MarkNotificationsReadInput,
    @Context() context: RequestContext,
  ): Promise<MarkNotificationsReadPayload> {
    const viewer = await context.requireViewer();
    const errors = await validateInput(MarkNotificationsReadInput, input);
    if (!input.all && !input.ids?.length) {
      errors.push(UserError.of(UserErrorCode.REQUIRED, 'Name the notifications to mark read, or pass all: true.', ['input', 'ids']));
    }
    if (errors.length > 0) return { unreadCount: await this.repository.unreadCount(viewer.userId), userErrors: errors };
    const ids = input.all
      ? null
      : (input.ids ?? []).flatMap((id) => {
          const decoded = parseGlobalId(id);
          return decoded?.type === 'Notification' ? [decoded.id] : [];
        });
    const marked = await this.repository.markRead(viewer.userId, ids);
    if (marked > 0) await this.pubsub.publish({ topic: notificationTopic(viewer.userId), read: marked });
    return { unreadCount: await this.repository.unreadCount(viewer.userId), userErrors: [] };
  }

  @ResolveField(() => User, { nullable: true, description: 'Who did it; null when the account was removed.' })
  async actor(notification: Notification, _args: unknown, context: RequestContext): Promise<User | null> {
    const actorId = notification.entity.actorId;
    return this.userLoaders.user(context, actorId);
  }

  @ResolveField(() => Node, { nullable: true, description: 'What it is about (a post, a thread…); null when no longer visible to you.' })
  subject(notification: Notification, _args: unknown, context: RequestContext): Promise<Node | null> {
    return this.subjectOf(notification.entity, context);
  }

  @Subscription(() => Notification, {
    resolve: (notification: Notification) => notification,
    description: 'Each new notification of the signed-in viewer.',
  })
  async notificationAdded(@Context() context: RequestContext) {
    const viewer = await context.requireViewer();
    return this.stream(viewer.userId, context);
  }

  @Subscription(() => Int, {
    name: 'unreadNotificationCount',
    resolve: (unread: { count: number }) => unread.count,
    description:
      'How many of the viewer’s notifications are unread: first as the subscription starts, then after each change ' +
      '(a new notification, notifications marked read in any tab). A client that reconnects is up to date with its first value.',
  })
  async unreadNotificationCountChanged(@Context() context: RequestContext) {
    const { userId } = await context.requireViewer();
    // Subscribed before the first count is read, so a notification arriving meanwhile is in one or the other.
    const changes = startingWith<BusEvent | null>(null, this.pubsub.subscribe(notificationTopic(userId)));
    // The first count follows the check just made; each change is checked again.
    return eventStream(changes, async (change) =>
      change !== null && !(await this.stillSignedIn(context)) ? 'stop' : { count: await this.repository.unreadCount(userId) },
    );
  }

  private stream(userId: string, context: RequestContext): AsyncIterableIterator<Notification> {
    return eventStream(this.pubsub.subscribe(notificationTopic(userId)), async (event) => {
      if (typeof event['notificationId'] !== 'string') return 'skip';
      if (!(await this.stillSignedIn(context))) return 'stop';
      const entity = await this.repository.findById(event['notificationId']);
      return entity && (await this.subjectOf(entity, context)) ? Notification.from(entity) : 'skip';
    });
  }

  /** Checked again for each event: a revoked session ends the stream. */
  private async stillSignedIn(context: RequestContext): Promise<boolean> {
    context.renew();
    try {
      await context.requireViewer();
      return true;
    } catch (error) {
      if (error instanceof UnauthenticatedError) return false;
      throw error;
    }
  }

  private async subjectOf(entity: NotificationEntity, context: RequestContext): Promise<Node | null> {
    const load = this.nodes.loaderFor(entity.subjectType);
    const [node] = load ? await load([entity.subjectId], context) : [];
    return node ?? null;
  }
}
