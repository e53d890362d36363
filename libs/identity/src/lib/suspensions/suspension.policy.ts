import { GlobalRole, isStaff, type Viewer } from '@bottega/core';
import type { UserEntity } from '../users/user.entity';

/**
 * Moderators and admins suspend accounts (and lift suspensions), never their
 * own; only admins touch admins. Community coordinators do not suspend.
 */
export function canSuspend(viewer: Viewer, target: Pick<UserEntity, 'id' | 'role'>): boolean {
  if (!isStaff(viewer)) return false;
  if (target.id === viewer.userId) return false;
  return target.role !== GlobalRole.ADMIN || viewer.role === GlobalRole.ADMIN;
}
