import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ForbiddenError,
  NotFoundError,
  UserError,
  UserErrorCode,
  fromGlobalId,
  isForeignKeyViolation,
  isUniqueViolation,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
  type Viewer,
} from '@bottega/core';
import { AddProjectMemberInput, UpdateProjectMemberInput, type RemoveProjectMemberInput } from './dto/team.inputs';
import type { ProjectMemberEntity } from './project.entity';
import { TeamRole } from './project.enums';
import { canManageTeam } from './project.policy';
import { ProjectRepository } from './project.repository';

interface MemberKey {
  projectId: string;
  userId: string;
}

const LAST_LEAD = UserError.of(
  UserErrorCode.INVALID_STATE,
  'A project keeps at least one lead; make someone else lead first.',
  ['input', 'userId'],
);

/**
 * Project leads (and admins) manage their team. Changes to one project's team
 * run one at a time under a row lock, so two leads can never remove each other
 * and leave the project without one.
 */
@Injectable()
export class ProjectTeamService {
  constructor(private readonly projects: ProjectRepository) {}

  async add(input: AddProjectMemberInput, context: RequestContext): Promise<Outcome<string>> {
    const viewer = await context.requireViewer();
    const key = memberKey(input);
    const errors = await validateInput(AddProjectMemberInput, input);
    if (errors.length > 0) return refuse(...errors);
    try {
      return await this.changeTeam(key.projectId, input.projectId, viewer, async (manager) => {
        await this.projects.addMember(manager, { ...key, role: input.role, title: input.title?.trim() || null });
        return succeed(key.projectId);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'project_member_pkey')) {
        return refuse(UserError.of(UserErrorCode.TAKEN, 'This person is already in the team.', ['input', 'userId']));
      }
      if (isForeignKeyViolation(error, 'project_member_user_id_fkey')) throw new NotFoundError('User', input.userId);
      throw error;
    }
  }

  async update(input: UpdateProjectMemberInput, context: RequestContext): Promise<Outcome<string>> {
    const viewer = await context.requireViewer();
    const key = memberKey(input);
    const errors = await validateInput(UpdateProjectMemberInput, input);
    if (errors.length > 0) return refuse(...errors);
    return this.changeTeam(key.projectId, input.projectId, viewer, async (manager, team) => {
      const member = findMember(team, key, input.userId);
      if (input.role === TeamRole.MEMBER && isLastLead(team, member)) return refuse(LAST_LEAD);
      await this.projects.updateMember(manager, key, {
        ...(input.role != null ? { role: input.role } : {}),
        ...(input.title !== undefined ? { title: input.title?.trim() || null } : {}),
      });
      return succeed(key.projectId);
    });
  }

  async remove(input: RemoveProjectMemberInput, context: RequestContext): Promise<Outcome<string>> {
    const viewer = await context.requireViewer();
    const key = memberKey(input);
    return this.changeTeam(key.projectId, input.projectId, viewer, async (manager, team) => {
      const member = findMember(team, key, input.userId);
      if (isLastLead(team, member)) return refuse(LAST_LEAD);
      await this.projects.removeMember(manager, key);
      return succeed(key.projectId);
    });
  }

  private changeTeam<T>(
    projectId: string,
    globalProjectId: string,
    viewer: Viewer,
    change: (manager: EntityManager, team: ProjectMemberEntity[]) => Promise<Outcome<T>>,
  ): Promise<Outcome<T>> {
    return this.projects.transaction(async (manager) => {
      if (!(await this.projects.lock(manager, projectId))) throw new NotFoundError('Project', globalProjectId);
      const team = await this.projects.membersOf([projectId], manager);
      if (!canManageTeam(viewer, team)) throw new ForbiddenError('Only the project leads and admins manage the team.');
      return change(manager, team);
    });
  }
}

function memberKey(input: { projectId: string; userId: string }): MemberKey {
  return {
    projectId: fromGlobalId(input.projectId, 'Project', ['input', 'projectId']),
    userId: fromGlobalId(input.userId, 'User', ['input', 'userId']),
  };
}

function findMember(team: ProjectMemberEntity[], key: MemberKey, globalUserId: string): ProjectMemberEntity {
  const member = team.find((m) => m.userId === key.userId);
  if (!member) throw new NotFoundError('Team member', globalUserId);
  return member;
}

function isLastLead(team: ProjectMemberEntity[], member: ProjectMemberEntity): boolean {
  return member.role === TeamRole.LEAD && team.filter((m) => m.role === TeamRole.LEAD).length === 1;
}
