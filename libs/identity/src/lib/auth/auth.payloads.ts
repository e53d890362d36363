import { Field, ObjectType } from '@nestjs/graphql';
import { UserError } from '@bottega/core';
import { User } from '../users/user.model';
import { SessionTokens } from './session-tokens';

@ObjectType()
export class RegisterPayload {
  @Field(() => User, { nullable: true })
  viewer!: User | null;

  @Field(() => SessionTokens, { nullable: true })
  session!: SessionTokens | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class LoginPayload {
  @Field(() => User, { nullable: true })
  viewer!: User | null;

  @Field(() => SessionTokens, { nullable: true })
  session!: SessionTokens | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class RefreshSessionPayload {
  @Field(() => SessionTokens, { nullable: true })
  session!: SessionTokens | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class LogoutPayload {
  @Field({ description: 'True when a live session was ended.' })
  loggedOut!: boolean;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
