import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Outcome, RequestContext } from '@bottega/core';
import { CreateSkillInput, MergeSkillsInput, RenameSkillInput, SkillsArgs } from './dto/skill.inputs';
import { Language } from './skill.enums';
import { SkillLoaders } from './skill.loaders';
import { Skill, SkillArea, SkillPayload } from './skill.model';
import { SkillRepository, type SkillRow } from './skill.repository';
import { SkillService } from './skill.service';
import { searchPrefix } from './skill-text';

@Resolver(() => Skill)
export class SkillResolver {
  constructor(
    private readonly repository: SkillRepository,
    private readonly service: SkillService,
    private readonly loaders: SkillLoaders,
  ) {}

  @Query(() => [Skill], { description: 'The skills of the taxonomy (merged ones aside), by area and label; a few dozen, so not paged.' })
  async skills(@Args() args: SkillsArgs): Promise<Skill[]> {
    const prefix = args.prefix == null ? null : searchPrefix(args.prefix);
    const rows = await this.repository.search({ areaKey: args.area?.trim() || null, prefix: prefix || null, lang: args.lang });
    return rows.map((row) => Skill.from(row, args.lang));
  }

  @Mutation(() => SkillPayload, { nullable: true, description: 'Adds a skill to an area of the taxonomy. Admins; audited.' })
  async createSkill(@Args('input') input: CreateSkillInput, @Context() context: RequestContext): Promise<SkillPayload> {
    return payload(await this.service.create(input, context));
  }

  @Mutation(() => SkillPayload, { nullable: true, description: 'Changes a skill’s labels; its key and id stay. Admins; audited.' })
  async renameSkill(@Args('input') input: RenameSkillInput, @Context() context: RequestContext): Promise<SkillPayload> {
    return payload(await this.service.rename(input, context));
  }

  @Mutation(() => SkillPayload, {
    nullable: true,
    description:
      'Merges `from` into `into`: competences and endorsements move (someone with both keeps the higher level), and `from` stays as an alias whose id resolves to `into`. Admins; audited. Returns `into`.',
  })
  async mergeSkills(@Args('input') input: MergeSkillsInput, @Context() context: RequestContext): Promise<SkillPayload> {
    return payload(await this.service.merge(input, context));
  }

  @ResolveField(() => String, { description: 'In `lang`, else in the language the query asked for (Italian by default).' })
  label(@Parent() skill: Skill, @Args('lang', { type: () => Language, nullable: true }) lang: Language | null): string {
    return skill.labels[lang ?? skill.lang];
  }

  @ResolveField(() => SkillArea)
  async area(skill: Skill, _args: unknown, context: RequestContext): Promise<SkillArea> {
    const area = await context.loaders.get(this.loaders.areaById).load(skill.row.areaId);
    if (!area) throw new Error(`Skill ${skill.dbId} has no area`);
    return SkillArea.from(area, skill.lang);
  }
}

function payload(outcome: Outcome<SkillRow>): SkillPayload {
  return outcome.ok ? { skill: Skill.from(outcome.value), userErrors: [] } : { skill: null, userErrors: outcome.errors };
}
