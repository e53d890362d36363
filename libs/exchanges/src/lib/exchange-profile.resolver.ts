import { Args, ArgsType, Context, Field, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Injectable } from '@nestjs/common';
import { AccessDirectory, BadInputError, LazyCount, LoaderFactory, MAX_PAGE_SIZE, type ConnectionValue, type RequestContext } from '@bottega/core';
import { CompetenceProfile } from '@bottega/competences';
import { ExchangeProfileRole } from './exchange-profile.enums';
import { ExchangeProfileRepository, type ProfileCursor } from './exchange-profile.repository';
import { ExchangeLoaders } from './exchange.loaders';
import { PeerExchange, PeerExchangeConnection } from './exchange.model';
import type { ExchangeRow } from './exchange.repository';

@ArgsType()
export class ProfileExchangesArgs {
  @Field(() => ExchangeProfileRole, { defaultValue: ExchangeProfileRole.ANY })
  role!: ExchangeProfileRole;

  @Field(() => Int, { defaultValue: 10, description: `At most ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Cursors name a position only (a start and an id): they grant nothing, and a malformed one is refused. */
const encodeCursor = (row: { startsAt: Date; id: string }) => Buffer.from(JSON.stringify([row.startsAt.toISOString(), row.id])).toString('base64url');

function decodeCursor(cursor: string): ProfileCursor {
  try {
    const [startsAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof startsAt === 'string' && !Number.isNaN(Date.parse(startsAt)) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) return { startsAt, id };
  } catch {
    // refused below
  }
  throw new BadInputError('`after` is not a cursor of this list.', ['after']);
}

interface PageKey {
  userId: string;
  role: ExchangeProfileRole;
  first: number;
  after: string | null;
}

interface ProfilePage {
  ids: string[];
  total: number;
  hasNextPage: boolean;
}

/**
 * The pages of a page of profiles, in one statement per distinct (role, first,
 * after) asked for, with the reader's principals; the exchanges' rows then
 * come through the exchanges' own loader, in one more.
 */
@Injectable()
export class ExchangeProfileLoaders {
  constructor(
    private readonly repository: ExchangeProfileRepository,
    private readonly directory: AccessDirectory,
  ) {}

  /** The reader's principals go into the statement: one factory per request. */
  private readonly factories = new WeakMap<RequestContext, LoaderFactory<string, ProfilePage>>();

  pages(context: RequestContext): LoaderFactory<string, ProfilePage> {
    let factory = this.factories.get(context);
    if (!factory) {
      factory = new LoaderFactory<string, ProfilePage>(async (keys) => {
        const reader = await this.directory.of(context);
        const parsed = keys.map((key) => JSON.parse(key) as PageKey);
        const groups = new Map<string, PageKey[]>();
        for (const key of parsed) {
          const group = JSON.stringify([key.role, key.first, key.after]);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const pages = new Map<string, ProfilePage>();
        for (const [group, members] of groups) {
          const [{ role, first, after }] = members as [PageKey, ...PageKey[]];
          const rows = await this.repository.pages([...new Set(members.map((m) => m.userId))], reader, role, first + 1, after ? decodeCursor(after) : null);
          for (const member of members) {
            const own = rows.filter((row) => row.userId === member.userId);
            const ids = own.flatMap((row) => (row.exchangeId ? [row.exchangeId] : []));
            pages.set(JSON.stringify([group, member.userId]), { ids: ids.slice(0, first), total: own[0]?.total ?? 0, hasNextPage: ids.length > first });
          }
        }
        return parsed.map((key) => pages.get(JSON.stringify([JSON.stringify([key.role, key.first, key.after]), key.userId])) ?? { ids: [], total: 0, hasNextPage: false });
      });
      this.factories.set(context, factory);
    }
    return factory;
  }
}

@Resolver(() => CompetenceProfile)
export class ExchangeProfileResolver {
  constructor(
    private readonly loaders: ExchangeProfileLoaders,
    private readonly exchangeLoaders: ExchangeLoaders,
  ) {}

  @ResolveField(() => PeerExchangeConnection, {
    description:
      'Peer exchanges the person hosted or attended (or holds a seat at, upcoming, or reviewed as a peer), latest first, among those the viewer reads; cancelled ones aside.',
  })
  async exchanges(
    @Parent() profile: CompetenceProfile,
    @Args() args: ProfileExchangesArgs,
    @Context() context: RequestContext,
  ): Promise<ConnectionValue<PeerExchange>> {
    if (args.first < 0 || args.first > MAX_PAGE_SIZE) throw new BadInputError(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}.`, ['first']);
    if (args.after) decodeCursor(args.after);
    const key: PageKey = { userId: profile.dbId, role: args.role, first: args.first, after: args.after ?? null };
    const page = await context.loaders.get(this.loaders.pages(context)).load(JSON.stringify(key));
    const rows = await context.loaders.get(this.exchangeLoaders.byId).loadMany(page.ids);
    const edges = rows.flatMap((row) => (row && !(row instanceof Error) ? [{ cursor: encodeCursor(row as ExchangeRow), node: PeerExchange.from(row as ExchangeRow) }] : []));
    const totalCount = new LazyCount(async () => page.total);
    totalCount.settle(page.total);
    return {
      edges,
      nodes: edges.map((edge) => edge.node),
      totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: args.after != null, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }
}
