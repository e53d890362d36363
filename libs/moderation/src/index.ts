export { ModerationModule } from './lib/moderation.module';
export { MODERATION_OPTIONS, type ModerationOptions } from './lib/moderation.options';
export { ModerationDecisions, type Decision, type KindDecision } from './lib/moderation-decisions';
export { ModerationCases } from './lib/moderation-cases';
export type { ContentRef } from './lib/moderation.repository';
export { ModerationCase, flaggable } from './lib/moderation.model';
export { FlagReason, ModerationAction, ModerationCaseStatus } from './lib/moderation.enums';
export { canFlag, canModerate, isNewAccount } from './lib/moderation.policy';
