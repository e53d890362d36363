import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Connection, ConnectionArgs } from '../graphql/connection';
import { toGlobalId } from '../graphql/global-id';
import { JSONObject } from '../graphql/json-object.scalar';
import type { AuditEntryEntity } from './audit-entry.entity';

@ObjectType('AuditEntry', { description: 'One recorded moderation or administration action.' })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'What was done, e.g. HIDE, AUTO_HIDE, SUSPEND.' })
  action!: string;

  @Field({ description: 'The type of what was acted on, e.g. Post, Thread, User.' })
  subjectType!: string;

  @Field(() => ID, { description: 'Global id of what was acted on; it may no longer exist.' })
  subjectId!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => JSONObject, { description: 'Facts kept with the action (previous state, counts).' })
  metadata!: Record<string, unknown>;

  @Field()
  createdAt!: Date;

  /** Resolved to a `User` by the identity library, which owns accounts. */
  actorDbId!: string | null;
  subjectDbId!: string;

  static from(entity: AuditEntryEntity): AuditEntry {
    return Object.assign(new AuditEntry(), {
      id: toGlobalId('AuditEntry', entity.id),
      action: entity.action,
      subjectType: entity.subjectType,
      subjectId: toGlobalId(entity.subjectType, entity.subjectId),
      reason: entity.reason,
      metadata: entity.metadata,
      createdAt: entity.createdAt,
      actorDbId: entity.actorId,
      subjectDbId: entity.subjectId,
    });
  }
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}

@InputType()
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Actions by this user.' })
  actor?: string | null;

  @Field(() => ID, { nullable: true, description: 'Actions on this object (any global id).' })
  subject?: string | null;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditLogFilterInput, { nullable: true })
  filter?: AuditLogFilterInput | null;
}
