export { NotificationsModule } from './lib/notifications.module';
export { NotificationWriter } from './lib/notifications/notification.writer';
export { NotificationKind } from './lib/notifications/notification.enums';
export { FollowRepository } from './lib/follows/follow.repository';
export { FollowSubjectType } from './lib/follows/follow.enums';
export type { FollowSubject } from './lib/follows/follow.entity';
export { FollowTargets } from './lib/follows/follow-targets';
