import { ResolveField, Resolver } from '@nestjs/graphql';
import { Node, type RequestContext } from '@bottega/core';
import { SkillLoaders } from '../skills/skill.loaders';
import { Skill } from '../skills/skill.model';
import { CompetenceEvidence } from './competence-evidence';
import { Competence } from './profile.model';

@Resolver(() => Competence)
export class CompetenceResolver {
  constructor(
    private readonly skills: SkillLoaders,
    private readonly evidenceItems: CompetenceEvidence,
  ) {}

  @ResolveField(() => Skill)
  async skill(competence: Competence, _args: unknown, context: RequestContext): Promise<Skill> {
    // A merge moves competences to the skill that stays, so a competence's skill is always a live one.
    const skill = await context.loaders.get(this.skills.byId).load(competence.row.skillId);
    if (!skill) throw new Error(`Competence in unknown skill ${competence.row.skillId}`);
    return Skill.from(skill);
  }

  @ResolveField(() => [Node], {
    description: 'Practices and posts of its owner that show it, in their order: those the viewer may read (a Practice or a Post).',
  })
  evidence(competence: Competence, _args: unknown, context: RequestContext): Promise<Node[]> {
    return this.evidenceItems.readable(context, competence.row.evidenceItems);
  }
}
