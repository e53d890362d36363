import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { Skill, SkillPayload } from '../skills/skill.model';
import { SetSkillTagsInput } from './dto/skill-tag.inputs';
import { SkillTagLoaders } from './skill-tag.loaders';
import { SkillTagService } from './skill-tag.service';

/** What routing adds to a skill: the forum tags it stands for. */
@Resolver(() => Skill)
export class SkillTagResolver {
  constructor(
    private readonly service: SkillTagService,
    private readonly loaders: SkillTagLoaders,
  ) {}

  @ResolveField(() => [String], { description: 'The forum tags it stands for: questions with one are routed to people with this skill.' })
  tags(skill: Skill, _args: unknown, context: RequestContext): Promise<string[]> {
    return context.loaders.get(this.loaders.bySkillId).load(skill.dbId);
  }

  @Mutation(() => SkillPayload, {
    nullable: true,
    description: 'Sets the forum tags a skill stands for (all of them). Admins; audited. A merged skill’s tags stay, standing for the skill it went into.',
  })
  async setSkillTags(@Args('input') input: SetSkillTagsInput, @Context() context: RequestContext): Promise<SkillPayload> {
    const outcome = await this.service.set(input, context);
    return outcome.ok ? { skill: Skill.from(outcome.value), userErrors: [] } : { skill: null, userErrors: outcome.errors };
  }
}
