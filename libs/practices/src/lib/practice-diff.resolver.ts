import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { Practice } from './practice.model';
import { PracticeFieldChange } from './practice-diff.model';
import { PracticeDiffService } from './practice-diff.service';

@Resolver(() => Practice)
export class PracticeDiffResolver {
  constructor(private readonly service: PracticeDiffService) {}

  @ResolveField(() => [PracticeFieldChange], {
    nullable: true,
    description:
      'What changed from version `from` to version `to` (the current version, or one `versions` lists), field by field in a fixed order; null unless the viewer authors or reviews the practice. An unknown version is NOT_FOUND.',
  })
  async diff(
    @Parent() practice: Practice,
    @Args('from', { type: () => Int }) from: number,
    @Args('to', { type: () => Int }) to: number,
    @Context() context: RequestContext,
  ): Promise<PracticeFieldChange[] | null> {
    const changes = await this.service.diff(practice.dbId, { from, to }, context);
    return changes && changes.map(PracticeFieldChange.from);
  }
}
