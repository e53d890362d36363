export { CompetencesModule } from './lib/competences.module';
export { Skill, SkillArea } from './lib/skills/skill.model';
export { Language } from './lib/skills/skill.enums';
export { SkillLoaders } from './lib/skills/skill.loaders';
export { CompetenceProfile, Competence, ProfileOrganization } from './lib/profiles/profile.model';
export { Availability, CompetenceLevel, ProfileVisibility } from './lib/profiles/profile.enums';
export { PROFILE_AUDIENCE, type ProfileFacts } from './lib/profiles/profile.audience';
export { ProfileAccess } from './lib/profiles/profile.access';
