import { Field, ObjectType } from '@nestjs/graphql';
import { UserError } from '@bottega/core';
import type { UserEntity } from '../users/user.entity';
import { User } from '../users/user.model';

@ObjectType({ description: 'A running suspension: the account cannot sign in and its sessions have ended.' })
export class UserSuspension {
  @Field()
  since!: Date;

  @Field(() => Date, { nullable: true, description: 'Null: until lifted.' })
  until!: Date | null;

  static of(user: Pick<UserEntity, 'suspendedAt' | 'suspendedUntil'>): UserSuspension {
    return Object.assign(new UserSuspension(), { since: user.suspendedAt, until: user.suspendedUntil });
  }
}

@ObjectType()
export class SuspensionPayload {
  @Field(() => User, { nullable: true })
  user!: User | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
