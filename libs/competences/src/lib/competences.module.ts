import { Module, type OnModuleInit } from '@nestjs/common';
import { NodeRegistry } from '@bottega/core';
import { SkillAreaResolver } from './skills/skill-area.resolver';
import { SkillLoaders } from './skills/skill.loaders';
import { Skill } from './skills/skill.model';
import { SkillRepository } from './skills/skill.repository';
import { SkillResolver } from './skills/skill.resolver';
import { SkillService } from './skills/skill.service';

/** Competences: the skills taxonomy, people's competence profiles and endorsements. */
@Module({
  providers: [SkillRepository, SkillLoaders, SkillService, SkillResolver, SkillAreaResolver],
  exports: [SkillLoaders],
})
export class CompetencesModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly loaders: SkillLoaders,
  ) {}

  onModuleInit(): void {
    // A merged skill's id still resolves: to the skill it went into.
    this.nodes.register('Skill', Skill, async (ids, context) => {
      const byId = context.loaders.get(this.loaders.byId);
      const found = await byId.loadMany(ids);
      return Promise.all(
        found.map(async (skill) => {
          if (!skill || skill instanceof Error) return null;
          const live = skill.mergedInto ? await byId.load(skill.mergedInto) : skill;
          return live && Skill.from(live);
        }),
      );
    });
  }
}
