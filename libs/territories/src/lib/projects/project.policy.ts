import { GlobalRole, type Viewer } from '@bottega/core';
import { TeamRole } from './project.enums';

/** Admins, and the leads of the project's team, manage that team. */
export function canManageTeam(viewer: Viewer, team: { userId: string; role: TeamRole }[]): boolean {
  return viewer.role === GlobalRole.ADMIN || team.some((m) => m.userId === viewer.userId && m.role === TeamRole.LEAD);
}
