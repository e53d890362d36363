import { Args, ArgsType, Context, Field, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AccessDirectory, ConnectionArgs, paginate, type ConnectionValue, type RequestContext } from '@bottega/core';
import { BookmarkPracticeInput } from './dto/practice-bookmark.inputs';
import { PracticeOrder } from './practice.enums';
import { PracticeLoaders } from './practice.loaders';
import { Practice, PracticeConnection, PracticePayload } from './practice.model';
import { PRACTICE_ORDERS } from './practice.orders';
import { PracticeRepository } from './practice.repository';
import { PracticeBookmarkLoaders, bookmarkKey } from './practice-bookmark.loaders';
import { PracticeBookmarkService } from './practice-bookmark.service';

@ArgsType()
class BookmarkedPracticesArgs extends ConnectionArgs {
  @Field(() => PracticeOrder, { defaultValue: PracticeOrder.NEWEST })
  orderBy!: PracticeOrder;
}

@Resolver(() => Practice)
export class PracticeBookmarkResolver {
  constructor(
    private readonly service: PracticeBookmarkService,
    private readonly repository: PracticeRepository,
    private readonly loaders: PracticeLoaders,
    private readonly bookmarkLoaders: PracticeBookmarkLoaders,
    private readonly directory: AccessDirectory,
  ) {}

  @Mutation(() => PracticePayload, { nullable: true, description: 'Bookmarks a practice the viewer reads; bookmarking it again changes nothing.' })
  async bookmarkPractice(@Args('input') input: BookmarkPracticeInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return { practice: Practice.from(await this.service.set(input, true, context)), userErrors: [] };
  }

  @Mutation(() => PracticePayload, { nullable: true, description: 'Removes the viewer’s bookmark of a practice, if there is one.' })
  async unbookmarkPractice(@Args('input') input: BookmarkPracticeInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return { practice: Practice.from(await this.service.set(input, false, context)), userErrors: [] };
  }

  @Query(() => PracticeConnection, { description: 'The practices the viewer bookmarked and still reads.' })
  async bookmarkedPractices(
    @Args() args: BookmarkedPracticesArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Practice>> {
    const viewer = await context.requireViewer();
    const query = this.repository.query(await this.directory.of(context), {
      territoryId: null,
      tag: null,
      kind: null,
      status: null,
      communityId: null,
      projectId: null,
      bookmarkedBy: viewer.userId,
    });
    const byId = context.loaders.get(this.loaders.byId);
    return paginate(query, PRACTICE_ORDERS[args.orderBy], args, (row) => (byId.prime(row.id, row), Practice.from(row)), info);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer bookmarked it; false when anonymous.' })
  async viewerHasBookmarked(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    const viewer = await context.viewer();
    return viewer !== null && context.loaders.get(this.bookmarkLoaders.bookmarked).load(bookmarkKey(viewer.userId, practice.dbId));
  }
}
