import { ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { SkillLoaders } from '../skills/skill.loaders';
import { Skill } from '../skills/skill.model';
import { Competence } from './profile.model';

@Resolver(() => Competence)
export class CompetenceResolver {
  constructor(private readonly skills: SkillLoaders) {}

  @ResolveField(() => Skill)
  async skill(competence: Competence, _args: unknown, context: RequestContext): Promise<Skill> {
    // A merge moves competences to the skill that stays, so a competence's skill is always a live one.
    const skill = await context.loaders.get(this.skills.byId).load(competence.row.skillId);
    if (!skill) throw new Error(`Competence in unknown skill ${competence.row.skillId}`);
    return Skill.from(skill);
  }
}
