import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@bottega/core';
import { User } from '../users/user.model';
import { LoginPayload, LogoutPayload, RefreshSessionPayload, RegisterPayload } from './auth.payloads';
import { AuthService } from './auth.service';
import { LoginInput } from './dto/login.input';
import { RegisterInput } from './dto/register.input';
import { LogoutInput, RefreshSessionInput } from './dto/session.inputs';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Mutation(() => RegisterPayload, { nullable: true, description: 'Creates an account and signs it in.' })
  async register(@Args('input') input: RegisterInput, @Context() context: RequestContext): Promise<RegisterPayload> {
    const outcome = await this.auth.register(input, context);
    return outcome.ok
      ? { viewer: User.from(outcome.value.user), session: outcome.value.tokens, userErrors: [] }
      : { viewer: null, session: null, userErrors: outcome.errors };
  }

  @Mutation(() => LoginPayload, { nullable: true, description: 'Signs in with email and password, opening a new session.' })
  async login(@Args('input') input: LoginInput, @Context() context: RequestContext): Promise<LoginPayload> {
    const outcome = await this.auth.login(input, context);
    return outcome.ok
      ? { viewer: User.from(outcome.value.user), session: outcome.value.tokens, userErrors: [] }
      : { viewer: null, session: null, userErrors: outcome.errors };
  }

  @Mutation(() => RefreshSessionPayload, { nullable: true, description: 'Exchanges a refresh token for new session tokens.' })
  async refreshSession(@Args('input') input: RefreshSessionInput): Promise<RefreshSessionPayload> {
    return { session: await this.auth.refresh(input.refreshToken), userErrors: [] };
  }

  @Mutation(() => LogoutPayload, { nullable: true, description: 'Ends a session; its tokens stop working at once.' })
  async logout(
    @Args('input', { nullable: true, type: () => LogoutInput }) input: LogoutInput | null,
    @Context() context: RequestContext,
  ): Promise<LogoutPayload> {
    await this.auth.logout(input?.refreshToken, context);
    return { loggedOut: true, userErrors: [] };
  }
}
