export { PracticesModule } from './lib/practices.module';
export { Practice } from './lib/practice.model';
export { PracticeKind, PracticeStatus } from './lib/practice.enums';
export { PracticeOrganizationKind, PracticeOrganizationRole } from './lib/practice-organization.enums';
export { PRACTICE_AUDIENCE, PRACTICE_AUTHOR, type PracticeFacts } from './lib/practice.audience';
export { PracticeLoaders } from './lib/practice.loaders';
export { PracticeAccess } from './lib/practice.access';
export { readablePublishedPracticesSql } from './lib/practice-evidence';
export { PracticeComment } from './lib/practice-comment.model';
