import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { BadInputError, type HttpExchange, type RequestContext } from '@bottega/core';
import { User } from '../users/user.model';
import { LoginPayload, LogoutPayload, RefreshSessionPayload, RegisterPayload } from './auth.payloads';
import { AuthService, type SignedIn } from './auth.service';
import { LoginInput } from './dto/login.input';
import { RegisterInput } from './dto/register.input';
import { LogoutInput, RefreshSessionInput } from './dto/session.inputs';
import { SessionCookie } from './session-cookie';
import { SessionAccess } from './session-tokens';
import { TokenDelivery } from './token-delivery';
import { requireWebClient } from './web-client';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly cookie: SessionCookie,
  ) {}

  @Mutation(() => RegisterPayload, { nullable: true, description: 'Creates an account and signs it in.' })
  async register(@Args('input') input: RegisterInput, @Context() context: RequestContext): Promise<RegisterPayload> {
    const cookie = this.cookieExchange(input.tokenDelivery, context);
    const outcome = await this.auth.register(input, context);
    return outcome.ok ? this.signedIn(outcome.value, cookie) : { viewer: null, session: null, access: null, userErrors: outcome.errors };
  }

  @Mutation(() => LoginPayload, { nullable: true, description: 'Signs in with email and password, opening a new session.' })
  async login(@Args('input') input: LoginInput, @Context() context: RequestContext): Promise<LoginPayload> {
    const cookie = this.cookieExchange(input.tokenDelivery, context);
    const outcome = await this.auth.login(input, context);
    return outcome.ok ? this.signedIn(outcome.value, cookie) : { viewer: null, session: null, access: null, userErrors: outcome.errors };
  }

  @Mutation(() => RefreshSessionPayload, {
    nullable: true,
    description: 'Exchanges a refresh token for new session tokens. Sessions opened with COOKIE delivery renew with `POST /session/refresh` instead.',
  })
  async refreshSession(@Args('input') input: RefreshSessionInput): Promise<RefreshSessionPayload> {
    return { session: await this.auth.refresh(input.refreshToken), userErrors: [] };
  }

  @Mutation(() => LogoutPayload, {
    nullable: true,
    description: 'Ends a session; its tokens stop working at once. A browser also drops its cookie with `POST /session/logout`.',
  })
  async logout(
    @Args('input', { nullable: true, type: () => LogoutInput }) input: LogoutInput | null,
    @Context() context: RequestContext,
  ): Promise<LogoutPayload> {
    await this.auth.logout(input?.refreshToken, context);
    return { loggedOut: true, userErrors: [] };
  }

  /** The HTTP exchange to set the cookie on, for COOKIE delivery; checked before anything is done. */
  private cookieExchange(delivery: TokenDelivery | undefined, context: RequestContext): HttpExchange | null {
    if (delivery !== TokenDelivery.COOKIE) return null;
    if (!context.http) {
      throw new BadInputError('A cookie can only be set over HTTP; use tokenDelivery PAYLOAD here.', ['input', 'tokenDelivery']);
    }
    requireWebClient(context.http.request);
    return context.http;
  }

  private signedIn({ user, tokens }: SignedIn, cookie: HttpExchange | null): LoginPayload & RegisterPayload {
    if (cookie) this.cookie.set(cookie.request, cookie.reply, tokens.refreshToken);
    return { viewer: User.from(user), session: cookie ? null : tokens, access: SessionAccess.of(tokens), userErrors: [] };
  }
}
