import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AccessTokenService,
  ForbiddenError,
  RateLimiter,
  UnauthenticatedError,
  UserError,
  UserErrorCode,
  isUniqueViolation,
  refuse,
  slugify,
  succeed,
  uniqueSlug,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { IDENTITY_OPTIONS, type IdentityOptions } from '../identity.options';
import { SessionRepository } from '../sessions/session.repository';
import { identityTextErrors, normalizeDisplayName, normalizeEmail, skeleton } from '../users/identity-text';
import { isSuspended } from '../users/suspension';
import type { UserEntity } from '../users/user.entity';
import { UserRepository } from '../users/user.repository';
import { LoginInput } from './dto/login.input';
import { LoginThrottleService } from './login-throttle.service';
import { RegisterInput } from './dto/register.input';
import { PasswordHasher } from './password.hasher';
import { PasswordPolicy } from './password.policy';
import { SessionTokens, hashRefreshToken, newRefreshToken } from './session-tokens';

export interface SignedIn {
  user: UserEntity;
  tokens: SessionTokens;
}

const INVALID_CREDENTIALS = 'Email or password is incorrect.';
const LOOKALIKE_EMAIL = 'This email looks like the address of an existing account.';
const SESSION_ENDED = 'This session has ended; sign in again.';

/** Accounts and sessions: register, sign in, rotate refresh tokens, sign out. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly accessTokens: AccessTokenService,
    private readonly rateLimiter: RateLimiter,
    private readonly throttle: LoginThrottleService,
  ) {}

  async register(input: RegisterInput, context: RequestContext): Promise<Outcome<SignedIn>> {
    await this.rateLimiter.consume(`register:ip:${context.ip}`, this.options.limits.registerPerIp);
    const email = normalizeEmail(input.email);
    const displayName = normalizeDisplayName(input.displayName);
    const textErrors = identityTextErrors(input);
    // One error per field: what is wrong with the characters says more than the format check.
    const flagged = new Set(textErrors.map((error) => error.field?.join('.')));
    const formatErrors = await validateInput(RegisterInput, { ...input, email, displayName });
    const errors = [...textErrors, ...formatErrors.filter((error) => !flagged.has(error.field?.join('.')))];
    const weakness = this.policy.weakness(input.password, { email, displayName });
    if (weakness) errors.push(UserError.of(UserErrorCode.WEAK_PASSWORD, weakness, ['input', 'password']));
    if (errors.length > 0) return refuse(...errors);

    const passwordHash = await this.hasher.hash(input.password);
    // Two people with the same name registering at once: the second retries with the next free handle.
    for (let attempt = 1; ; attempt++) {
      const stem = slugify(displayName, 24);
      const handle = await uniqueSlug(stem.length >= 2 ? stem : 'user', 'user', (base) => this.users.handlesStartingWith(base));
      try {
        return succeed(
          await this.db.transaction(async (manager) => {
            const user = await this.users.insert({ email, emailSkeleton: skeleton(email), handle, displayName, passwordHash }, manager);
            return { user, tokens: await this.openSession(manager, user, context) };
          }),
        );
      } catch (error) {
        if (isUniqueViolation(error, 'app_user_email_key')) {
          return refuse(UserError.of(UserErrorCode.TAKEN, 'An account with this email already exists.', ['input', 'email']));
        }
        if (isUniqueViolation(error, 'app_user_email_skeleton_key')) {
          return refuse(UserError.of(UserErrorCode.TAKEN, LOOKALIKE_EMAIL, ['input', 'email']));
        }
        if (!isUniqueViolation(error, 'app_user_handle_key') || attempt >= 3) throw error;
      }
    }
  }

  async login(input: LoginInput, context: RequestContext): Promise<Outcome<SignedIn>> {
    await this.rateLimiter.consume(`login:ip:${context.ip}`, this.options.limits.loginPerIp);
    const errors = await validateInput(LoginInput, input);
    if (errors.length > 0) return refuse(...errors);

    const email = normalizeEmail(input.email);
    const account = email.toLowerCase();
    await this.throttle.admit(account, context.ip);
    const user = await this.users.findForLogin(email);
    if (!(await this.hasher.verify(user?.passwordHash ?? null, input.password)) || !user) {
      return refuse(UserError.of(UserErrorCode.INVALID_CREDENTIALS, INVALID_CREDENTIALS, ['input']));
    }
    await this.throttle.succeeded(account, context.ip);
    if (isSuspended(user)) throw new ForbiddenError('This account is suspended.');
    const tokens = await this.db.transaction((manager) => this.openSession(manager, user, context));
    return succeed({ user, tokens });
  }

  /**
   * Exchanges a refresh token for a new pair. A token used twice means it
   * leaked: the whole session is revoked, for the thief and the owner alike.
   */
  async refresh(refreshToken: string): Promise<SessionTokens> {
    return (await this.rotate(refreshToken)).tokens;
  }

  /** {@link refresh}, with the account signed in, for a browser to show who it is. */
  async refreshWithAccount(refreshToken: string): Promise<SignedIn> {
    const { userId, tokens } = await this.rotate(refreshToken);
    const [user] = await this.users.findByIds([userId]);
    if (!user) throw new UnauthenticatedError(SESSION_ENDED);
    return { user, tokens };
  }

  /** Ends the session of the given refresh token, or else of the caller's access token. */
  async logout(refreshToken: string | null | undefined, context: RequestContext): Promise<void> {
    if (refreshToken) return this.endSessionOf(refreshToken);
    const viewer = await context.requireViewer();
    await this.sessions.revoke(viewer.sessionId, 'LOGOUT');
  }

  /** Ends the session a refresh token belongs to, used or not. */
  async endSessionOf(refreshToken: string): Promise<void> {
    const record = await this.sessions.findRefreshToken(hashRefreshToken(refreshToken));
    if (!record || record.sessionRevokedAt) throw new UnauthenticatedError('This session has already ended.');
    await this.sessions.revoke(record.sessionId, 'LOGOUT');
  }

  private async rotate(refreshToken: string): Promise<{ userId: string; tokens: SessionTokens }> {
    const record = await this.sessions.findRefreshToken(hashRefreshToken(refreshToken));
    if (!record || record.sessionRevokedAt || record.userSuspendedAt || record.expiresAt.getTime() <= Date.now()) {
      throw new UnauthenticatedError(SESSION_ENDED);
    }
    const tokens = await this.db.transaction(async (manager) => {
      if (!(await this.sessions.markUsed(manager, record.tokenId))) return null;
      await this.sessions.touch(manager, record.sessionId);
      return this.issueTokens(manager, record.userId, record.sessionId);
    });
    if (!tokens) {
      await this.sessions.revoke(record.sessionId, 'REUSE_DETECTED');
      throw new UnauthenticatedError('This refresh token was already used; the session has been ended. Sign in again.');
    }
    return { userId: record.userId, tokens };
  }

  private async openSession(manager: EntityManager, user: UserEntity, context: RequestContext): Promise<SessionTokens> {
    const session = await this.sessions.createSession(manager, user.id, {
      userAgent: context.userAgent?.slice(0, 300) ?? null,
      ip: context.ip || null,
    });
    context.signedInAs({ userId: user.id, sessionId: session.id, role: user.role });
    return this.issueTokens(manager, user.id, session.id);
  }

  private async issueTokens(manager: EntityManager, userId: string, sessionId: string): Promise<SessionTokens> {
    const refresh = newRefreshToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.options.refreshTokenTtlSeconds * 1000);
    await this.sessions.addRefreshToken(manager, sessionId, refresh.hash, refreshTokenExpiresAt);
    const access = await this.accessTokens.sign({ userId, sessionId });
    return Object.assign(new SessionTokens(), {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt,
    });
  }
}
