import { Field, ObjectType } from '@nestjs/graphql';
import { UserError } from '@bottega/core';
import { User } from '../users/user.model';
import { SessionAccess, SessionTokens } from './session-tokens';

const SESSION_DESCRIPTION = 'All the session tokens, with `tokenDelivery: PAYLOAD`; null with COOKIE, whose refresh token is in the cookie.';
const ACCESS_DESCRIPTION = 'The access token and its expiry, whichever the token delivery.';

@ObjectType()
export class RegisterPayload {
  @Field(() => User, { nullable: true })
  viewer!: User | null;

  @Field(() => SessionTokens, { nullable: true, description: SESSION_DESCRIPTION })
  session!: SessionTokens | null;

  @Field(() => SessionAccess, { nullable: true, description: ACCESS_DESCRIPTION })
  access!: SessionAccess | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class LoginPayload {
  @Field(() => User, { nullable: true })
  viewer!: User | null;

  @Field(() => SessionTokens, { nullable: true, description: SESSION_DESCRIPTION })
  session!: SessionTokens | null;

  @Field(() => SessionAccess, { nullable: true, description: ACCESS_DESCRIPTION })
  access!: SessionAccess | null;

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
