import { Args, Context, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import {
  AccessDirectory,
  BadInputError,
  ConnectionArgs,
  fromGlobalId,
  paginate,
  slugify,
  type ConnectionValue,
  type Outcome,
  type RequestContext,
  type SortKey,
} from '@bottega/core';
import { COMMUNITY_AUDIENCE, Community, communityFacts } from '@bottega/forum';
import { User, UserLoaders, primeUsers } from '@bottega/identity';
import { Project, ProjectLoaders, Territory, TerritoryLoaders, primeTerritories } from '@bottega/territories';
import { CreatePracticeInput, PracticeDecisionInput, PracticesArgs, ReturnPracticeInput, UpdatePracticeInput } from './dto/practice.inputs';
import { PracticeReviewService } from './practice-review.service';
import { PracticeAccess } from './practice.access';
import { PracticeLoaders } from './practice.loaders';
import { PRACTICE_ORDERS } from './practice.orders';
import { Practice, PracticeConnection, PracticePayload, PracticeVersion, PracticeVersionConnection } from './practice.model';
import { canDecide, canReadVersions, type PracticeDecision } from './practice.policy';
import { PracticeRepository, type PracticeRow, type PracticeVersionRow } from './practice.repository';
import { PracticeService } from './practice.service';
import { PracticeBookmarkLoaders, bookmarkKey } from './practice-bookmark.loaders';
import { communityRow } from './practice-page.rows';
import { TEXT_PREFIX_MAX_LENGTH, hasWords } from './practice-text';

const NEWEST_VERSION_FIRST: SortKey<PracticeVersionRow>[] = [
  { expression: 'practiceVersion.version', column: 'v.version', direction: 'DESC', value: (v) => v.version },
];

@Resolver(() => Practice)
export class PracticeResolver {
  constructor(
    private readonly repository: PracticeRepository,
    private readonly service: PracticeService,
    private readonly review: PracticeReviewService,
    private readonly access: PracticeAccess,
    private readonly loaders: PracticeLoaders,
    private readonly directory: AccessDirectory,
    private readonly userLoaders: UserLoaders,
    private readonly projectLoaders: ProjectLoaders,
    private readonly territoryLoaders: TerritoryLoaders,
    private readonly bookmarkLoaders: PracticeBookmarkLoaders,
  ) {}

  @Query(() => Practice, { nullable: true, description: 'A practice by its slug; null when there is none the viewer may read.' })
  async practice(@Args('slug') slug: string, @Context() context: RequestContext): Promise<Practice | null> {
    const viewer = await context.viewer();
    const page = await this.repository.page(slug, viewer?.userId ?? null);
    if (!page) return null;
    // What the page shows with the practice came in its statement: its fields answer from these loaders.
    context.loaders.get(this.loaders.byId).prime(page.row.id, page.row);
    primeUsers(context, this.userLoaders, page.authors);
    primeTerritories(context, this.territoryLoaders, page.territories);
    if (viewer) context.loaders.get(this.bookmarkLoaders.bookmarked).prime(bookmarkKey(viewer.userId, page.row.id), page.viewerBookmarked);
    const found = await this.access.load(context, page.row.id);
    return found ? Practice.from(found.practice) : null;
  }

  @Query(() => PracticeConnection, { description: 'Practices and stories the viewer may read, filtered, in the order asked (newest first by default).' })
  async practices(@Args() args: PracticesArgs, @Context() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConnectionValue<Practice>> {
    const { filter } = args;
    const textPrefix = filter?.textPrefix ?? '';
    if (textPrefix.length > TEXT_PREFIX_MAX_LENGTH) {
      throw new BadInputError(`Search with at most ${TEXT_PREFIX_MAX_LENGTH} characters.`, ['filter', 'textPrefix']);
    }
    const query = this.repository.query(await this.directory.of(context), {
      territoryId: filter?.territory ? fromGlobalId(filter.territory, 'Territory', ['filter', 'territory']) : null,
      tag: filter?.tag ? slugify(filter.tag, 40) : null,
      kind: filter?.kind ?? null,
      status: filter?.status ?? null,
      communityId: filter?.community ? fromGlobalId(filter.community, 'Community', ['filter', 'community']) : null,
      projectId: filter?.project ? fromGlobalId(filter.project, 'Project', ['filter', 'project']) : null,
      bookmarkedBy: null,
      organizationKinds: filter?.organizationKinds ?? null,
      textPrefix: hasWords(textPrefix) ? textPrefix : null,
    });
    // The page's rows are what the fields' access checks would load again.
    const byId = context.loaders.get(this.loaders.byId);
    return paginate(query, PRACTICE_ORDERS[args.orderBy], args, (row) => (byId.prime(row.id, row), Practice.from(row)), info);
  }

  @Mutation(() => PracticePayload, { nullable: true, description: 'Starts a practice or a story as a draft; its creator is its first author.' })
  async createPractice(@Args('input') input: CreatePracticeInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.service.create(input, context));
  }

  @Mutation(() => PracticePayload, {
    nullable: true,
    description: 'Edits a draft or a published practice (which keeps the version it replaces). Its authors; a stale version is a CONFLICT.',
  })
  async updatePractice(@Args('input') input: UpdatePracticeInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.service.update(input, context));
  }

  @Mutation(() => PracticePayload, { nullable: true, description: 'Sends a draft to its reviewers once its required sections are written. Its authors.' })
  async submitPracticeForReview(@Args('input') input: PracticeDecisionInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.review.submit(input, context));
  }

  @Mutation(() => PracticePayload, {
    nullable: true,
    description: 'Publishes a practice in review. The coordinators of its community, and staff; audited.',
  })
  async publishPractice(@Args('input') input: PracticeDecisionInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.review.publish(input, context));
  }

  @Mutation(() => PracticePayload, {
    nullable: true,
    description: 'Returns a practice in review to its authors as a draft, with a comment. Its reviewers; audited.',
  })
  async returnPractice(@Args('input') input: ReturnPracticeInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.review.return(input, context));
  }

  @Mutation(() => PracticePayload, {
    nullable: true,
    description: 'Archives a published practice: still readable, no longer edited. Its authors and reviewers; audited.',
  })
  async archivePractice(@Args('input') input: PracticeDecisionInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.review.archive(input, context));
  }

  @ResolveField(() => [User], { description: 'The creator first, then the co-authors.' })
  async authors(practice: Practice, _args: unknown, context: RequestContext): Promise<User[]> {
    const users = await context.loaders.get(this.userLoaders.byId).loadMany(practice.row.authorIds);
    return users.flatMap((user) => (user && !(user instanceof Error) ? [User.from(user)] : []));
  }

  @ResolveField(() => Community, { nullable: true, description: 'The community it belongs to, when the viewer reads it.' })
  async community(practice: Practice, _args: unknown, context: RequestContext): Promise<Community | null> {
    // The community came with the practice's row; who reads it is the forum's audience, as its node loader asks.
    const { community } = practice.row;
    if (!community) return null;
    return COMMUNITY_AUDIENCE.allows(communityFacts(community), await this.directory.of(context)) ? Community.from(communityRow(community)) : null;
  }

  @ResolveField(() => Project, { nullable: true, description: 'The living lab it comes from.' })
  async project(practice: Practice, _args: unknown, context: RequestContext): Promise<Project | null> {
    const project = practice.row.projectId && (await context.loaders.get(this.projectLoaders.byId).load(practice.row.projectId));
    return project ? Project.from(project) : null;
  }

  @ResolveField(() => [Territory])
  async territories(practice: Practice, _args: unknown, context: RequestContext): Promise<Territory[]> {
    const found = await context.loaders.get(this.territoryLoaders.byId).loadMany(practice.row.territoryIds);
    return found.flatMap((t) => (t && !(t instanceof Error) ? [Territory.from(t)] : []));
  }

  @ResolveField(() => PracticeVersionConnection, {
    nullable: true,
    description: 'Earlier published versions, newest first; null unless the viewer authors or reviews the practice.',
  })
  async versions(
    @Parent() practice: Practice,
    @Args() args: ConnectionArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<PracticeVersion> | null> {
    const found = await this.access.load(context, practice.dbId);
    if (!found || !canReadVersions(found.principals, found.practice)) return null;
    return paginate(this.repository.versions(practice.dbId), NEWEST_VERSION_FIRST, args, PracticeVersion.from, info);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may edit it now (an author, while a draft or published).' })
  viewerCanEdit(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    return this.can('edit', practice, context);
  }

  @ResolveField(() => Boolean)
  viewerCanSubmit(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    return this.can('submit', practice, context);
  }

  @ResolveField(() => Boolean)
  viewerCanPublish(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    return this.can('publish', practice, context);
  }

  @ResolveField(() => Boolean)
  viewerCanReturn(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    return this.can('return', practice, context);
  }

  @ResolveField(() => Boolean)
  viewerCanArchive(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    return this.can('archive', practice, context);
  }

  /** The policy that guards the mutation, for the viewer (false when anonymous: anonymous readers hold no authorship). */
  private async can(decision: PracticeDecision, practice: Practice, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, practice.dbId);
    return found !== null && canDecide(decision, found.principals, found.practice);
  }
}

function payload(outcome: Outcome<PracticeRow>): PracticePayload {
  return outcome.ok ? { practice: Practice.from(outcome.value), userErrors: [] } : { practice: null, userErrors: outcome.errors };
}
