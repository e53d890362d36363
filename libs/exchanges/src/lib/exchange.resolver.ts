import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AccessDirectory,
  BadInputError,
  ForbiddenError,
  NodeRegistry,
  STAFF,
  fromGlobalId,
  paginate,
  type ConnectionValue,
  type Node,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { Community, Thread } from '@bottega/forum';
import { Skill } from '@bottega/competences';
import { User, UserLoaders } from '@bottega/identity';
import { Practice } from '@bottega/practices';
import { Project, ProjectLoaders, Territory, TerritoryLoaders } from '@bottega/territories';
import {
  CancelPeerExchangeInput,
  CreatePeerExchangeInput,
  ExchangeRegistrationsArgs,
  PeerExchangeInput,
  PeerExchangesArgs,
  SetExchangeCapacityInput,
  UpdatePeerExchangeInput,
} from './dto/exchange.inputs';
import { ExchangeLifecycleService } from './exchange-lifecycle.service';
import { ExchangeLoaders, registrationKey } from './exchange.loaders';
import { ExchangeRegistration, ExchangeRegistrationConnection, PeerExchange, PeerExchangeConnection, PeerExchangePayload } from './exchange.model';
import { ARRIVAL_ORDER, EXCHANGE_ORDERS } from './exchange.orders';
import { canManage, canRegister, canSeePlace } from './exchange.policy';
import { ExchangeRepository, type ExchangeRow } from './exchange.repository';
import { RegistrationRepository, type RegistrationRow } from './registration.repository';
import { ExchangeService } from './exchange.service';
import { ReviewInvitationStatus } from './peer-review.enums';
import { PeerReviewService } from './peer-review.service';

@Resolver(() => PeerExchange)
export class ExchangeResolver {
  constructor(
    private readonly repository: ExchangeRepository,
    private readonly registrationRepository: RegistrationRepository,
    private readonly service: ExchangeService,
    private readonly lifecycle: ExchangeLifecycleService,
    private readonly loaders: ExchangeLoaders,
    private readonly directory: AccessDirectory,
    private readonly nodes: NodeRegistry,
    private readonly userLoaders: UserLoaders,
    private readonly projectLoaders: ProjectLoaders,
    private readonly territoryLoaders: TerritoryLoaders,
    private readonly reviews: PeerReviewService,
  ) {}

  @Query(() => PeerExchangeConnection, { description: 'Peer exchanges the viewer may read, filtered, soonest first by default.' })
  async peerExchanges(@Args() args: PeerExchangesArgs, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<PeerExchange>> {
    const { filter } = args;
    const principals = await this.directory.of(context);
    const registeredBy = filter?.registeredBy ? fromGlobalId(filter.registeredBy, 'User', ['filter', 'registeredBy']) : null;
    if (registeredBy && registeredBy !== principals.userId && !principals.has(STAFF)) {
      throw new ForbiddenError('Only your own registrations are listed.');
    }
    for (const name of ['from', 'to'] as const) {
      const value = filter?.[name];
      if (value && Number.isNaN(value.getTime())) throw new BadInputError(`\`${name}\` is not an instant (ISO 8601, with its offset).`, ['filter', name]);
    }
    const statuses = [...(filter?.statuses ?? []), ...(filter?.status ? [filter.status] : [])];
    const query = this.repository.query(principals, {
      statuses: statuses.length > 0 ? statuses : null,
      formats: filter?.formats ?? null,
      territoryId: filter?.territoryId ? fromGlobalId(filter.territoryId, 'Territory', ['filter', 'territoryId']) : null,
      communityId: filter?.communityId ? fromGlobalId(filter.communityId, 'Community', ['filter', 'communityId']) : null,
      from: filter?.from ?? null,
      to: filter?.to ?? null,
      hostedBy: filter?.hostedBy ? fromGlobalId(filter.hostedBy, 'User', ['filter', 'hostedBy']) : null,
      registeredBy,
    });
    // The page's rows are what the fields' access checks would load again.
    const byId = context.loaders.get(this.loaders.byId);
    return paginate(query, EXCHANGE_ORDERS[args.orderBy], args, (row) => (byId.prime(row.id, row), PeerExchange.from(row)), info);
  }

  @Mutation(() => PeerExchangePayload, {
    nullable: true,
    description: 'Plans a peer exchange as a DRAFT and opens its discussion thread in the host community. Its coordinators, the host project’s leads, staff.',
  })
  async createPeerExchange(@Args('input') input: CreatePeerExchangeInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.service.create(input, context));
  }

  @Mutation(() => PeerExchangePayload, {
    nullable: true,
    description: 'Edits an exchange until it is completed or cancelled; those registered hear of a new schedule or place. A stale version is a CONFLICT.',
  })
  async updatePeerExchange(@Args('input') input: UpdatePeerExchangeInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.service.update(input, context));
  }

  @Mutation(() => PeerExchangePayload, { nullable: true, description: 'DRAFT → OPEN: people may register until the deadline.' })
  async openRegistrations(@Args('input') input: PeerExchangeInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.lifecycle.open(input, context));
  }

  @Mutation(() => PeerExchangePayload, { nullable: true, description: 'OPEN → CLOSED: no more registrations; the waitlist still moves.' })
  async closeRegistrations(@Args('input') input: PeerExchangeInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.lifecycle.close(input, context));
  }

  @Mutation(() => PeerExchangePayload, { nullable: true, description: 'OPEN or CLOSED → COMPLETED, once it has ended.' })
  async completePeerExchange(@Args('input') input: PeerExchangeInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.lifecycle.complete(input, context));
  }

  @Mutation(() => PeerExchangePayload, { nullable: true, description: 'Cancels an exchange that has not taken place; everyone registered or waitlisted is told why.' })
  async cancelPeerExchange(@Args('input') input: CancelPeerExchangeInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.lifecycle.cancel(input, context));
  }

  @Mutation(() => PeerExchangePayload, {
    nullable: true,
    description: 'A new capacity: raised, the first waitlisted take the new seats in order; lowered, nobody registered loses a seat.',
  })
  async setExchangeCapacity(@Args('input') input: SetExchangeCapacityInput, @Context() context: RequestContext): Promise<PeerExchangePayload> {
    return payload(await this.lifecycle.setCapacity(input, context));
  }

  @ResolveField(() => String, { nullable: true, description: 'Where it takes place; null unless the viewer holds a seat, hosts or runs it.' })
  async venue(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<string | null> {
    return (await this.seesPlace(exchange, context)) ? exchange.row.venue : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The link of an online exchange; null unless the viewer holds a seat, hosts or runs it.' })
  async onlineUrl(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<string | null> {
    return (await this.seesPlace(exchange, context)) ? exchange.row.onlineUrl : null;
  }

  @ResolveField(() => Territory)
  async hostTerritory(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<Territory> {
    const territory = await context.loaders.get(this.territoryLoaders.byId).load(exchange.row.hostTerritoryId);
    if (!territory) throw new Error(`Territory ${exchange.row.hostTerritoryId} of an exchange is gone`);
    return Territory.from(territory);
  }

  @ResolveField(() => Project, { nullable: true, description: 'The living lab that hosts it.' })
  async hostProject(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<Project | null> {
    const project = exchange.row.hostProjectId && (await context.loaders.get(this.projectLoaders.byId).load(exchange.row.hostProjectId));
    return project ? Project.from(project) : null;
  }

  @ResolveField(() => Community, { nullable: true, description: 'Where it is discussed; its coordinators run it.' })
  hostCommunity(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<Node | null> {
    return this.node('Community', exchange.row.communityId, context);
  }

  @ResolveField(() => Thread, { nullable: true, description: 'Its discussion thread, when the viewer reads it.' })
  thread(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<Node | null> {
    return this.node('Thread', exchange.row.threadId, context);
  }

  @ResolveField(() => [User])
  async hosts(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<User[]> {
    const users = await context.loaders.get(this.userLoaders.byId).loadMany(exchange.row.hostIds);
    return users.flatMap((user) => (user && !(user instanceof Error) ? [User.from(user)] : []));
  }

  @ResolveField(() => [Practice], { description: 'The practices to study that the viewer reads, in order.' })
  async practicesToStudy(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<Node[]> {
    return this.nodesOf('Practice', exchange.row.practiceIds, context);
  }

  @ResolveField(() => [Skill])
  async targetSkills(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<Node[]> {
    return this.nodesOf('Skill', exchange.row.skillIds, context);
  }

  @ResolveField(() => ExchangeRegistration, { nullable: true, description: 'The viewer’s own registration (with its waitlist position), if any.' })
  async viewerRegistration(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<ExchangeRegistration | null> {
    const registration = await this.registrationOfViewer(exchange, context);
    return registration ? ExchangeRegistration.from(registration) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer runs it: edits, opens, closes, cancels, completes, changes its capacity, sees its registrations.' })
  async viewerCanManage(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<boolean> {
    return canManage(await this.directory.of(context), exchange.row);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may register now (signed in, open, before the deadline, not yet registered).' })
  async viewerCanRegister(exchange: PeerExchange, _args: unknown, context: RequestContext): Promise<boolean> {
    const principals = await this.directory.of(context);
    return canRegister(principals, exchange.row, await this.registrationOfViewer(exchange, context), new Date());
  }

  @ResolveField(() => ExchangeRegistrationConnection, {
    description: 'Its registrations in arrival order: all of them for those who run it, the viewer’s own for anyone else.',
  })
  async registrations(
    @Parent() exchange: PeerExchange,
    @Args() args: ExchangeRegistrationsArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<ExchangeRegistration>> {
    const principals = await this.directory.of(context);
    // Those who run it see all; anyone signed in, their own; anonymous readers, none.
    const of = canManage(principals, exchange.row) ? 'all' : principals.userId;
    const list = this.registrationRepository.registrations(exchange.dbId, { of, statuses: args.statuses ?? null });
    return paginate(list, ARRIVAL_ORDER, args, ExchangeRegistration.from, info);
  }

  private async seesPlace(exchange: PeerExchange, context: RequestContext): Promise<boolean> {
    const principals = await this.directory.of(context);
    if (canSeePlace(principals, exchange.row, await this.registrationOfViewer(exchange, context))) return true;
    // Peers who accepted to review take part outside the capacity, without a registration.
    return (await this.reviews.invitationOfViewer(context, exchange.row))?.status === ReviewInvitationStatus.ACCEPTED;
  }

  private async registrationOfViewer(exchange: PeerExchange, context: RequestContext): Promise<RegistrationRow | null> {
    const viewer = await context.viewer();
    return viewer ? context.loaders.get(this.loaders.registration).load(registrationKey(exchange.dbId, viewer.userId)) : null;
  }

  private async node(type: string, id: string, context: RequestContext): Promise<Node | null> {
    const load = this.nodes.loaderFor(type);
    const [node] = load ? await load([id], context) : [null];
    return node ?? null;
  }

  private async nodesOf(type: string, ids: string[], context: RequestContext): Promise<Node[]> {
    if (ids.length === 0) return [];
    const load = this.nodes.loaderFor(type);
    const found = load ? await load(ids, context) : [];
    return found.filter((node): node is Node => node !== null);
  }
}

export function payload(outcome: Outcome<ExchangeRow>): PeerExchangePayload {
  return outcome.ok ? { peerExchange: PeerExchange.from(outcome.value), userErrors: [] } : { peerExchange: null, userErrors: outcome.errors };
}

