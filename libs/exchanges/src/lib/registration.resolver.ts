import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { Outcome, RequestContext } from '@bottega/core';
import { User, UserLoaders } from '@bottega/identity';
import { CancelRegistrationInput, RegisterForExchangeInput } from './dto/exchange.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeRegistration, ExchangeRegistrationPayload, PeerExchange } from './exchange.model';
import { RegistrationService, type RegistrationOutcome } from './registration.service';

@Resolver(() => ExchangeRegistration)
export class RegistrationResolver {
  constructor(
    private readonly service: RegistrationService,
    private readonly access: ExchangeAccess,
    private readonly userLoaders: UserLoaders,
  ) {}

  @Mutation(() => ExchangeRegistrationPayload, {
    nullable: true,
    description:
      'Registers the viewer, with what they want to learn: a seat while seats are left, else the waitlist in arrival order. ' +
      'Open exchanges only, before the deadline, once.',
  })
  async registerForExchange(@Args('input') input: RegisterForExchangeInput, @Context() context: RequestContext): Promise<ExchangeRegistrationPayload> {
    return payload(await this.service.register(input, context));
  }

  @Mutation(() => ExchangeRegistrationPayload, {
    nullable: true,
    description: 'Cancels the viewer’s own registration; a seat it frees goes to the first waitlisted person at once.',
  })
  async cancelRegistration(@Args('input') input: CancelRegistrationInput, @Context() context: RequestContext): Promise<ExchangeRegistrationPayload> {
    return payload(await this.service.cancel(input, context));
  }

  @ResolveField(() => User, { nullable: true, description: 'Who registered; null when the account was removed.' })
  async user(registration: ExchangeRegistration, _args: unknown, context: RequestContext): Promise<User | null> {
    return this.userLoaders.user(context, registration.row.userId);
  }

  @ResolveField(() => PeerExchange, { nullable: true })
  async peerExchange(registration: ExchangeRegistration, _args: unknown, context: RequestContext): Promise<PeerExchange | null> {
    const found = await this.access.load(context, registration.row.exchangeId);
    return found && PeerExchange.from(found.exchange);
  }
}

function payload(outcome: Outcome<RegistrationOutcome>): ExchangeRegistrationPayload {
  return outcome.ok
    ? { registration: ExchangeRegistration.from(outcome.value.registration), peerExchange: PeerExchange.from(outcome.value.exchange), userErrors: [] }
    : { registration: null, peerExchange: null, userErrors: outcome.errors };
}
