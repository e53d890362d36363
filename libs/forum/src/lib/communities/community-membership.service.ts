import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ForbiddenError,
  NotFoundError,
  UserError,
  UserErrorCode,
  fromGlobalId,
  isForeignKeyViolation,
  refuse,
  succeed,
  type Outcome,
  type RequestContext,
  type Viewer,
} from '@bottega/core';
import { CommunityAccess } from './community.access';
import type { CommunityEntity, CommunityMembershipEntity } from './community.entity';
import { CommunityLoaders } from './community.loaders';
import { CommunityRole } from './community.enums';
import { canCoordinate, canJoin, viewerRole, type CommunityAccessFacts } from './community.policy';
import { CommunityRepository } from './community.repository';
import type { CommunityMemberInput, SetCommunityRoleInput } from './dto/community.inputs';

const LAST_COORDINATOR = UserError.of(
  UserErrorCode.INVALID_STATE,
  'A community keeps at least one coordinator; make someone else coordinator first.',
  ['input', 'userId'],
);

/**
 * Joining, leaving, inviting and coordinating. Changes to one community's
 * members run one at a time under a row lock, so the last coordinator can
 * never be removed by two requests racing.
 */
@Injectable()
export class CommunityMembershipService {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly access: CommunityAccess,
    private readonly loaders: CommunityLoaders,
  ) {}

  async join(communityId: string, context: RequestContext): Promise<Outcome<CommunityEntity>> {
    const viewer = await context.requireViewer();
    const community = await this.access.readable(context, communityId, ['input', 'communityId']);
    const facts = await this.access.facts(context, community);
    if (viewerRole(facts) !== null) {
      return refuse(UserError.of(UserErrorCode.INVALID_STATE, 'You are already a member.', ['input', 'communityId']));
    }
    if (!canJoin(facts)) throw new ForbiddenError('This community is open to invited people only.');
    await this.communities.transaction((manager) =>
      this.communities.addMember(manager, community.id, viewer.userId, CommunityRole.MEMBER),
    );
    return succeed(await this.reload(context, community.id));
  }

  async leave(communityId: string, context: RequestContext): Promise<Outcome<CommunityEntity>> {
    const viewer = await context.requireViewer();
    const community = await this.access.readable(context, communityId, ['input', 'communityId']);
    return this.changeMembers(context, community, async (manager, members) => {
      const member = members.find((m) => m.userId === viewer.userId);
      if (!member) return UserError.of(UserErrorCode.INVALID_STATE, 'You are not a member.', ['input', 'communityId']);
      if (isLastCoordinator(members, member)) return LAST_COORDINATOR;
      await this.communities.removeMember(manager, community.id, viewer.userId);
      return null;
    });
  }

  /** Coordinators invite people; to a private community, an invitation is the only way in. */
  async invite(input: CommunityMemberInput, context: RequestContext): Promise<Outcome<CommunityEntity>> {
    const { viewer, community } = await this.coordinated(input.communityId, context);
    const userId = fromGlobalId(input.userId, 'User', ['input', 'userId']);
    const [membership] = await this.communities.membershipsOf(userId, [community.id]);
    if (membership) return refuse(UserError.of(UserErrorCode.INVALID_STATE, 'This person is already a member.', ['input', 'userId']));
    try {
      await this.communities.invite(community.id, userId, viewer.userId);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new NotFoundError('User', input.userId);
      throw error;
    }
    return succeed(community);
  }

  async setRole(input: SetCommunityRoleInput, context: RequestContext): Promise<Outcome<CommunityEntity>> {
    const { community } = await this.coordinated(input.communityId, context);
    const userId = fromGlobalId(input.userId, 'User', ['input', 'userId']);
    return this.changeMembers(context, community, async (manager, members) => {
      const member = findMember(members, userId, input.userId);
      if (input.role === CommunityRole.MEMBER && isLastCoordinator(members, member)) return LAST_COORDINATOR;
      await this.communities.setRole(manager, community.id, userId, input.role);
      return null;
    });
  }

  async remove(input: CommunityMemberInput, context: RequestContext): Promise<Outcome<CommunityEntity>> {
    const { community } = await this.coordinated(input.communityId, context);
    const userId = fromGlobalId(input.userId, 'User', ['input', 'userId']);
    return this.changeMembers(context, community, async (manager, members) => {
      if (isLastCoordinator(members, findMember(members, userId, input.userId))) return LAST_COORDINATOR;
      await this.communities.removeMember(manager, community.id, userId);
      return null;
    });
  }

  private async coordinated(
    communityId: string,
    context: RequestContext,
  ): Promise<{ viewer: Viewer; community: CommunityEntity; facts: CommunityAccessFacts }> {
    const viewer = await context.requireViewer();
    const community = await this.access.readable(context, communityId, ['input', 'communityId']);
    const facts = await this.access.facts(context, community);
    if (!canCoordinate(viewer, facts)) throw new ForbiddenError('Only the coordinators manage members.');
    return { viewer, community, facts };
  }

  /** Runs `change` with the members locked; it returns the user error that stops it, if any. */
  private async changeMembers(
    context: RequestContext,
    community: CommunityEntity,
    change: (manager: EntityManager, members: CommunityMembershipEntity[]) => Promise<UserError | null>,
  ): Promise<Outcome<CommunityEntity>> {
    const refused = await this.communities.transaction(async (manager) =>
      change(manager, await this.communities.lockMembers(manager, community.id)),
    );
    return refused ? refuse(refused) : succeed(await this.reload(context, community.id));
  }

  /** The community as committed (the viewer's principals are read afresh in a request that writes). */
  private async reload(context: RequestContext, id: string): Promise<CommunityEntity> {
    return context.loaders.reload(this.loaders.byId, id);
  }
}

function findMember(members: CommunityMembershipEntity[], userId: string, globalId: string): CommunityMembershipEntity {
  const member = members.find((m) => m.userId === userId);
  if (!member) throw new NotFoundError('Member', globalId);
  return member;
}

function isLastCoordinator(members: CommunityMembershipEntity[], member: CommunityMembershipEntity): boolean {
  return member.role === CommunityRole.COORDINATOR && members.filter((m) => m.role === CommunityRole.COORDINATOR).length === 1;
}
