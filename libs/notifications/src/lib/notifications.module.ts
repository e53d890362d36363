import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NodeRegistry } from '@bottega/core';
import { FollowTargets } from './follows/follow-targets';
import { FollowEntity } from './follows/follow.entity';
import { FollowSubjectType } from './follows/follow.enums';
import { FollowRepository } from './follows/follow.repository';
import { FollowResolver } from './follows/follow.resolver';
import { FollowService } from './follows/follow.service';
import { NotificationEntity } from './notifications/notification.entity';
import { Notification } from './notifications/notification.model';
import { NotificationRepository } from './notifications/notification.repository';
import { NotificationResolver } from './notifications/notification.resolver';
import { NotificationWriter } from './notifications/notification.writer';

/** Follows, stored notifications and their live delivery. */
@Module({
  imports: [TypeOrmModule.forFeature([FollowEntity, NotificationEntity])],
  providers: [FollowTargets, FollowRepository, FollowService, FollowResolver, NotificationRepository, NotificationWriter, NotificationResolver],
  exports: [NotificationWriter, FollowRepository, FollowTargets],
})
export class NotificationsModule implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly notifications: NotificationRepository,
    private readonly targets: FollowTargets,
  ) {}

  onModuleInit(): void {
    // Territories sit below every feature; their followers hear of what is tagged with them.
    this.targets.register('Territory', FollowSubjectType.TERRITORY);
    // A notification is visible to its recipient only.
    this.nodes.register('Notification', Notification, async (ids, context) => {
      const viewer = await context.viewer();
      return Promise.all(
        ids.map(async (id) => {
          const entity = viewer && (await this.notifications.findById(id));
          return entity && entity.recipientId === viewer.userId ? Notification.from(entity) : null;
        }),
      );
    });
  }
}
