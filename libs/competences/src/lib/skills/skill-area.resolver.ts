import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { Language } from './skill.enums';
import { SkillLoaders } from './skill.loaders';
import { Skill, SkillArea } from './skill.model';
import { SkillRepository } from './skill.repository';

const collator = { [Language.IT]: new Intl.Collator('it'), [Language.EN]: new Intl.Collator('en') };

@Resolver(() => SkillArea)
export class SkillAreaResolver {
  constructor(
    private readonly repository: SkillRepository,
    private readonly loaders: SkillLoaders,
  ) {}

  @Query(() => [SkillArea], { description: 'The areas of the skills taxonomy, in their order.' })
  async skillAreas(@Args('lang', { type: () => Language, defaultValue: Language.IT }) lang: Language): Promise<SkillArea[]> {
    return (await this.repository.areas()).map((row) => SkillArea.from(row, lang));
  }

  @ResolveField(() => String, { description: 'In `lang`, else in the language the query asked for (Italian by default).' })
  label(@Parent() area: SkillArea, @Args('lang', { type: () => Language, nullable: true }) lang: Language | null): string {
    return area.labels[lang ?? area.lang];
  }

  @ResolveField(() => [Skill], { description: 'Its skills (merged ones aside), by label.' })
  async skills(area: SkillArea, _args: unknown, context: RequestContext): Promise<Skill[]> {
    const rows = await context.loaders.get(this.loaders.byArea).load(area.dbId);
    const skills = rows.map((row) => Skill.from(row, area.lang));
    return skills.sort((a, b) => collator[area.lang].compare(a.labels[area.lang], b.labels[area.lang]));
  }
}
