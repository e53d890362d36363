import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UserError, UserErrorCode, type RequestContext } from '@bottega/core';
import { displayNameProblem, normalizeDisplayName } from './identity-text';
import { UserLoaders } from './user.loaders';
import { UserRepository } from './user.repository';

export const DISPLAY_NAME_MIN_LENGTH = 2;
export const DISPLAY_NAME_MAX_LENGTH = 80;

/**
 * A person's display name lives on their account: other libraries change it
 * through this, with the rules registration applies (NFKC, spaces collapsed,
 * 2 to 80 characters, no invisible or text-direction characters).
 */
@Injectable()
export class DisplayNames {
  constructor(
    private readonly users: UserRepository,
    private readonly loaders: UserLoaders,
  ) {}

  /** The name as it would be stored, or the user error (at `field`) that refuses it. */
  check(displayName: string, field: string[]): { value: string; error: null } | { value: null; error: UserError } {
    const problem = displayNameProblem(displayName);
    if (problem) return { value: null, error: UserError.of(UserErrorCode.INVALID, problem, field) };
    const value = normalizeDisplayName(displayName);
    const length = [...value].length;
    if (length < DISPLAY_NAME_MIN_LENGTH) {
      return { value: null, error: UserError.of(UserErrorCode.TOO_SHORT, `A display name has at least ${DISPLAY_NAME_MIN_LENGTH} characters.`, field) };
    }
    if (length > DISPLAY_NAME_MAX_LENGTH) {
      return { value: null, error: UserError.of(UserErrorCode.TOO_LONG, `A display name has at most ${DISPLAY_NAME_MAX_LENGTH} characters.`, field) };
    }
    return { value, error: null };
  }

  /**
   * Writes a name {@link check} returned, in the caller's transaction, and
   * forgets the account as this request had loaded it.
   */
  async set(manager: EntityManager, context: RequestContext, userId: string, displayName: string): Promise<void> {
    if (!(await this.users.setDisplayName(manager, userId, displayName))) throw new Error(`No account ${userId} to rename`);
    context.loaders.get(this.loaders.byId).clear(userId);
  }
}
