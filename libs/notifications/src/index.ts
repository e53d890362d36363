export { NotificationsModule } from './lib/notifications.module';
export { NotificationWriter } from './lib/notifications/notification.writer';
export { NotificationKind } from './lib/notifications/notification.model';
export { FollowRepository } from './lib/follows/follow.repository';
export { FollowSubjectType, type FollowSubject } from './lib/follows/follow.model';
