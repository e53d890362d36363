import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { NodeRegistry, type Node, type RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { Practice } from '@bottega/practices';
import { RecordOutcomesInput } from './dto/exchange-outcome.inputs';
import { PeerExchange, PeerExchangePayload } from './exchange.model';
import { payload } from './exchange.resolver';
import { ExchangeOutcomeLoaders } from './exchange-outcome.loaders';
import { ExchangeOutcomes, FollowUpAction } from './exchange-outcome.model';
import { ExchangeOutcomeService } from './exchange-outcome.service';

@Resolver(() => PeerExchange)
export class ExchangeOutcomeResolver {
  constructor(
    private readonly service: ExchangeOutcomeService,
    private readonly loaders: ExchangeOutcomeLoaders,
  ) {}

  @Mutation(() => PeerExchangePayload, {
    nullable: true,
    description:
      'Records (or edits) what came of an exchange that took place: summary, learnings, follow-up actions and the practices adopted, each recorded as adopted ' +
      'in the host territory on the practice. Attendees are told when they are first published. Those who run it.',
  })
  async recordOutcomes(@Args('input') input: RecordOutcomesInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.service.record(input, context));
  }

  @ResolveField(() => ExchangeOutcomes, { nullable: true, description: 'What came of it; null until those who ran it record it.' })
  async outcomes(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<ExchangeOutcomes | null> {
    const row = await context.loaders.get(this.loaders.outcomes).load(exchange.dbId);
    return row ? ExchangeOutcomes.from(row) : null;
  }
}

@Resolver(() => ExchangeOutcomes)
export class ExchangeOutcomesFieldResolver {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly users: UserLoaders,
  ) {}

  @ResolveField(() => [Practice], { description: 'The practices adopted that the viewer reads, in order.' })
  async adoptedPractices(outcomes: ExchangeOutcomes, _args: unknown, context: RequestContext): Promise<Node[]> {
    const ids = outcomes.row.adoptedPracticeIds;
    const load = ids.length > 0 ? this.nodes.loaderFor('Practice') : undefined;
    const found = load ? await load(ids, context) : [];
    return found.filter((node): node is Node => node !== null);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who last edited them.' })
  async updatedBy(outcomes: ExchangeOutcomes, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.users.user(context, outcomes.row.updatedBy);
  }
}

@Resolver(() => FollowUpAction)
export class FollowUpActionResolver {
  constructor(private readonly users: UserLoaders) {}

  @ResolveField(() => User, { nullable: true, description: 'Who sees to it; null when the account was removed.' })
  async owner(action: FollowUpAction, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.users.user(context, action.value.ownerId);
  }
}
