import { Field, ObjectType } from '@nestjs/graphql';
import { GlobalRole, Node, toGlobalId } from '@bottega/core';
import type { UserEntity } from './user.entity';

@ObjectType('User', { implements: () => [Node], description: 'A person with an account.' })
export class User extends Node {
  @Field()
  displayName!: string;

  @Field({ description: 'Unique name for @mentions, e.g. "giulia-rossi".' })
  handle!: string;

  @Field(() => GlobalRole)
  role!: GlobalRole;

  @Field({ description: 'When the account was created.' })
  createdAt!: Date;

  /** Read through the `email` field resolver, which shows it to its owner and admins only. */
  emailAddress!: string;

  /** Read through the `suspension` field resolver, which shows it to staff only. */
  suspension!: Pick<UserEntity, 'suspendedAt' | 'suspendedUntil'>;

  static from(entity: UserEntity): User {
    return Object.assign(new User(), {
      id: toGlobalId('User', entity.id),
      dbId: entity.id,
      displayName: entity.displayName,
      handle: entity.handle,
      role: entity.role,
      createdAt: entity.createdAt,
      emailAddress: entity.email,
      suspension: { suspendedAt: entity.suspendedAt, suspendedUntil: entity.suspendedUntil },
    });
  }
}
