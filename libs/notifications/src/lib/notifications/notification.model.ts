import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional } from 'class-validator';
import { Connection, Node, UserError, toGlobalId } from '@bottega/core';
import type { NotificationEntity } from './notification.entity';
import { NotificationKind } from './notification.enums';

@ObjectType('Notification', { implements: () => [Node] })
export class Notification extends Node {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  createdAt!: Date;

  @Field()
  read!: boolean;

  @Field(() => String, { nullable: true, description: 'Why, in the words of whoever acted, when someone gave a reason (e.g. a moderator).' })
  reason!: string | null;

  @Field(() => [String], {
    description: 'Why, as codes for clients to put into words, most significant first (for CONTENT_HIDDEN by flags: `FlagReason` values).',
  })
  reasonCodes!: string[];

  entity!: NotificationEntity;

  static from(entity: NotificationEntity): Notification {
    return Object.assign(new Notification(), {
      id: toGlobalId('Notification', entity.id),
      dbId: entity.id,
      kind: entity.kind,
      createdAt: entity.createdAt,
      read: entity.readAt !== null,
      reason: entity.reason,
      reasonCodes: entity.reasonCodes,
      entity,
    });
  }
}

@ObjectType()
export class NotificationConnection extends Connection(Notification, 'Notification') {}

@InputType({ description: 'Either some notifications by id, or all of them.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100, { message: 'Mark at most 100 notifications at once, or all.' })
  ids?: string[] | null;

  @Field({ defaultValue: false })
  all!: boolean;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => Int)
  unreadCount!: number;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
