export { CompetencesModule } from './lib/competences.module';
export { Skill, SkillArea } from './lib/skills/skill.model';
export { Language } from './lib/skills/skill.enums';
export { SkillLoaders } from './lib/skills/skill.loaders';
