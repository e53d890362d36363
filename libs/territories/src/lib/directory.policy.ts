import { GlobalRole, hasRole } from '@bottega/core';

/** Who keeps the directory of organizations and projects: admins. */
export const canManageDirectory = hasRole(GlobalRole.ADMIN);
