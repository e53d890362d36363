import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { PgPubSub, UnauthenticatedError, eventStream, loadersForEvent, type RequestContext } from '@bottega/core';
import { ExchangeAccess } from './exchange.access';
import { ExchangeChange } from './exchange.enums';
import { exchangeTopic } from './exchange.events';
import { PeerExchange, PeerExchangeUpdate } from './exchange.model';

/**
 * Live changes of one exchange: its status, seats and waitlist, schedule and
 * agenda. Events carry ids; each is loaded once for all its subscribers in a
 * process and authorized again for each, so someone who may no longer read
 * the exchange (removed from its private community, signed out) stops at once.
 */
@Resolver()
export class ExchangeSubscriptionsResolver {
  constructor(
    private readonly pubsub: PgPubSub,
    private readonly access: ExchangeAccess,
  ) {}

  @Subscription(() => PeerExchangeUpdate, {
    resolve: (update: PeerExchangeUpdate) => update,
    description: 'Each change of an exchange the viewer may read: status, seats left and waitlist, schedule, place and agenda.',
  })
  async peerExchangeUpdated(@Args('id', { type: () => ID }) id: string, @Context() context: RequestContext) {
    const { exchange } = await this.access.readable(context, id, ['id']);
    // Each subscriber's session is checked with the event's other subscribers', in one statement.
    const events = this.pubsub.subscribe(exchangeTopic(exchange.id), { onArrival: (event) => void context.prepare(loadersForEvent(event)) });
    return eventStream(events, async (event) => {
      context.renew(loadersForEvent(event));
      try {
        const found = await this.access.load(context, exchange.id);
        if (!found) return 'stop';
        return Object.assign(new PeerExchangeUpdate(), { change: event['change'] as ExchangeChange, peerExchange: PeerExchange.from(found.exchange) });
      } catch (error) {
        if (error instanceof UnauthenticatedError) return 'stop';
        throw error;
      }
    });
  }
}
