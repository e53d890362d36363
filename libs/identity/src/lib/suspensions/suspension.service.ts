import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  BadInputError,
  ForbiddenError,
  NotFoundError,
  UserError,
  UserErrorCode,
  fromGlobalId,
  isStaff,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
  type Viewer,
} from '@bottega/core';
import { SessionRepository } from '../sessions/session.repository';
import { isSuspended } from '../users/suspension';
import type { UserEntity } from '../users/user.entity';
import { UserLoaders } from '../users/user.loaders';
import { UserRepository } from '../users/user.repository';
import { SuspendUserInput, UnsuspendUserInput } from './dto/suspension.inputs';
import { canSuspend } from './suspension.policy';

/** Suspending accounts and lifting suspensions, each with its audit entry in the same transaction. */
@Injectable()
export class SuspensionService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly loaders: UserLoaders,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Suspends an account and ends all its sessions in one transaction: its
   * access tokens stop working on the next request, since every request
   * checks the session.
   */
  async suspend(input: SuspendUserInput, context: RequestContext): Promise<Outcome<UserEntity>> {
    const { viewer, target } = await this.target(input.userId, context);
    const until = input.until ?? null;
    // Nest's DateTime scalar lets unparseable text through as an invalid Date.
    if (until && Number.isNaN(until.getTime())) throw new BadInputError('`until` is not a date-time.', ['input', 'until']);
    const reason = input.reason.trim();
    const errors = await validateInput(SuspendUserInput, { ...input, reason });
    if (until && until.getTime() <= Date.now()) {
      errors.push(UserError.of(UserErrorCode.OUT_OF_RANGE, 'A suspension ends in the future.', ['input', 'until']));
    }
    if (errors.length > 0) return refuse(...errors);
    await this.sessions.transaction(async (manager) => {
      await this.users.suspend(manager, target.id, until);
      const sessionsRevoked = await this.sessions.revokeAllOf(manager, target.id, 'SUSPENDED');
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: 'SUSPEND',
        subject: { type: 'User', id: target.id },
        reason,
        metadata: { until: until?.toISOString() ?? null, sessionsRevoked, replacedRunningSuspension: isSuspended(target) },
      });
    });
    return succeed(await context.loaders.reload(this.loaders.byId, target.id));
  }

  async unsuspend(input: UnsuspendUserInput, context: RequestContext): Promise<Outcome<UserEntity>> {
    const { viewer, target } = await this.target(input.userId, context);
    const reason = input.reason.trim();
    const errors = await validateInput(UnsuspendUserInput, { ...input, reason });
    if (errors.length > 0) return refuse(...errors);
    const lifted = await this.sessions.transaction(async (manager) => {
      if (!(await this.users.unsuspend(manager, target.id))) return false;
      await this.audit.record(manager, { actorId: viewer.userId, action: 'UNSUSPEND', subject: { type: 'User', id: target.id }, reason });
      return true;
    });
    if (!lifted) return refuse(UserError.of(UserErrorCode.INVALID_STATE, 'This account is not suspended.', ['input', 'userId']));
    return succeed(await context.loaders.reload(this.loaders.byId, target.id));
  }

  /** Staff only (FORBIDDEN before anything about the account is revealed), then NOT_FOUND, then the policy. */
  private async target(globalId: string, context: RequestContext): Promise<{ viewer: Viewer; target: UserEntity }> {
    const viewer = await context.authorize(isStaff);
    const target = await context.loaders.get(this.loaders.byId).load(fromGlobalId(globalId, 'User', ['input', 'userId']));
    if (!target) throw new NotFoundError('User', globalId);
    if (!canSuspend(viewer, target)) throw new ForbiddenError('Moderators suspend other accounts; only admins suspend admins.');
    return { viewer, target };
  }
}
