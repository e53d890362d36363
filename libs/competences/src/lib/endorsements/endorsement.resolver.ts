import { Args, Context, Info, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, paginate, type ConnectionValue, type Outcome, type RequestContext, type SortKey } from '@bottega/core';
import { Competence } from '../profiles/profile.model';
import type { CompetenceRow } from '../profiles/profile.repository';
import { EndorsementInput } from './dto/endorsement.inputs';
import { EndorsementLoaders, competenceKey } from './endorsement.loaders';
import { Endorsement, EndorsementConnection, EndorsementPayload } from './endorsement.model';
import { EndorsementRepository, type EndorsementRow } from './endorsement.repository';
import { EndorsementService } from './endorsement.service';

const NEWEST_FIRST: SortKey<EndorsementRow>[] = [
  { expression: 'endorsement.createdAt', column: 'e.created_at', direction: 'DESC', value: (e) => e.createdAt.toISOString() },
  { expression: 'endorsement.endorserId', column: 'e.endorser_id', direction: 'DESC', value: (e) => e.endorserId },
];

/**
 * Endorsements of a competence. A competence is reached only through a
 * profile the viewer sees (or the payload of an endorsement the viewer may
 * make), so its endorsers are listed only where the profile is visible.
 */
@Resolver(() => Competence)
export class EndorsementResolver {
  constructor(
    private readonly service: EndorsementService,
    private readonly repository: EndorsementRepository,
    private readonly loaders: EndorsementLoaders,
  ) {}

  @Mutation(() => EndorsementPayload, {
    nullable: true,
    description: 'Vouches for another person’s competence, once; on a profile you may see, never your own.',
  })
  async endorseCompetence(@Args('input') input: EndorsementInput, @Context() context: RequestContext): Promise<EndorsementPayload> {
    return payload(await this.service.endorse(input, context));
  }

  @Mutation(() => EndorsementPayload, { nullable: true, description: 'Withdraws your endorsement of a competence.' })
  async withdrawEndorsement(@Args('input') input: EndorsementInput, @Context() context: RequestContext): Promise<EndorsementPayload> {
    return payload(await this.service.withdraw(input, context));
  }

  @ResolveField(() => Int, { description: 'How many people endorse it.' })
  endorsementCount(competence: Competence, _args: unknown, context: RequestContext): Promise<number> {
    return context.loaders.get(this.loaders.countByCompetence).load(competenceKey(competence.row));
  }

  @ResolveField(() => EndorsementConnection, { description: 'Who endorses it, most recent first.' })
  async endorsements(
    @Parent() competence: Competence,
    @Args() args: ConnectionArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<Endorsement>> {
    return paginate(this.repository.of(competence.row), NEWEST_FIRST, args, Endorsement.from, info);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer endorses it.' })
  async viewerHasEndorsed(competence: Competence, _args: unknown, context: RequestContext): Promise<boolean> {
    const viewer = await context.viewer();
    return viewer !== null && context.loaders.get(this.loaders.endorsed).load(`${viewer.userId}|${competenceKey(competence.row)}`);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may endorse it now: signed in, not its owner, not yet.' })
  async viewerCanEndorse(competence: Competence, _args: unknown, context: RequestContext): Promise<boolean> {
    const viewer = await context.viewer();
    if (!viewer || viewer.userId === competence.row.userId) return false;
    return !(await context.loaders.get(this.loaders.endorsed).load(`${viewer.userId}|${competenceKey(competence.row)}`));
  }
}

function payload(outcome: Outcome<CompetenceRow>): EndorsementPayload {
  return outcome.ok ? { competence: Competence.from(outcome.value), userErrors: [] } : { competence: null, userErrors: outcome.errors };
}
