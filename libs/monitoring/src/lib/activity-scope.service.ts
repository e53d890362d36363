import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  AccessDirectory,
  BadInputError,
  ForbiddenError,
  NotFoundError,
  STAFF,
  fromGlobalId,
  type ActivityScope,
  type Principals,
  type RequestContext,
} from '@bottega/core';
import { COMMUNITY_AUDIENCE, COORDINATOR, Community, CommunityLoaders, communityFacts } from '@bottega/forum';
import { Project, ProjectLoaders, Territory, TerritoryLoaders } from '@bottega/territories';
import { ActivityScopeKind } from './activity-report.enums';
import { ActivityScopeInfo } from './activity-report.model';
import { ActivityReportRepository } from './activity-report.repository';

/** Where a report's scope came from: the argument's fields, or a query string's parameters. */
export interface ScopeFields {
  scope: string[];
  territoryId: string[];
  communityId: string[];
  projectId: string[];
}

export interface ScopeRequest {
  territoryId?: string | null;
  communityId?: string | null;
  projectId?: string | null;
}

const SCOPE_KEYS = ['territoryId', 'communityId', 'projectId'] as const;

export interface ResolvedScope {
  scope: ActivityScope;
  info: ActivityScopeInfo;
}

/**
 * Resolves a report's scope and decides who sees it: staff always; for a
 * community, its coordinators; for a territory, the coordinators of a
 * community placed in it, below it or above it (a regional community's
 * coordinators see its provinces); for a project, its team and the
 * coordinators of a community in its territories. Unknown ids (and private
 * communities the viewer may not read) are NOT_FOUND, others FORBIDDEN.
 */
@Injectable()
export class ActivityScopeService {
  constructor(
    private readonly repository: ActivityReportRepository,
    private readonly directory: AccessDirectory,
    private readonly territories: TerritoryLoaders,
    private readonly projects: ProjectLoaders,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** The forum's loaders: the app configures the forum's module (`forRoot`), so it is found in the app, not imported here. */
  private get communities(): CommunityLoaders {
    this.communityLoaders ??= this.moduleRef.get(CommunityLoaders, { strict: false }) ?? undefined;
    if (!this.communityLoaders) throw new Error('No CommunityLoaders are provided; import the forum module.');
    return this.communityLoaders;
  }

  private communityLoaders: CommunityLoaders | undefined;

  async resolve(context: RequestContext, request: ScopeRequest, fields: ScopeFields): Promise<ResolvedScope> {
    const named = SCOPE_KEYS.flatMap((key) => {
      const globalId = request[key];
      return globalId === null || globalId === undefined ? [] : [{ key, globalId }];
    });
    const [first, second] = named;
    if (!first || second) {
      throw new BadInputError('Name exactly one of a territory, a community or a project.', second ? fields[second.key] : fields.scope);
    }
    const { key, globalId } = first;
    const principals = await this.directory.of(context);
    switch (key) {
      case 'territoryId':
        return this.territory(context, fromGlobalId(globalId, 'Territory', fields.territoryId), globalId, principals);
      case 'communityId':
        return this.community(context, fromGlobalId(globalId, 'Community', fields.communityId), globalId, principals);
      case 'projectId':
        return this.project(context, fromGlobalId(globalId, 'Project', fields.projectId), globalId, principals);
    }
  }

  private async territory(context: RequestContext, id: string, globalId: string, principals: Principals): Promise<ResolvedScope> {
    const staff = principals.has(STAFF);
    const [territory, territoryIds, ancestors, coordinated] = await Promise.all([
      context.loaders.get(this.territories.byId).load(id),
      this.repository.within([id]),
      staff ? [] : context.loaders.get(this.territories.ancestorsOf).load(id),
      staff ? [] : this.coordinatedTerritories(context, principals),
    ]);
    if (!territory) throw new NotFoundError('Territory', globalId);
    const related = new Set([...territoryIds, ...ancestors.map((ancestor) => ancestor.id)]);
    if (!staff && !coordinated.some((territoryId) => related.has(territoryId))) {
      throw new ForbiddenError('Only the coordinators of a community in this territory, and staff, see its activity.');
    }
    return {
      scope: { kind: ActivityScopeKind.TERRITORY, territoryIds, communityId: null, projectId: null },
      info: info(ActivityScopeKind.TERRITORY, territory.name, territoryIds.length, { territory: Territory.from(territory) }),
    };
  }

  private async community(context: RequestContext, id: string, globalId: string, principals: Principals): Promise<ResolvedScope> {
    const community = await context.loaders.get(this.communities.byId).load(id);
    if (!community || !COMMUNITY_AUDIENCE.allows(communityFacts(community), principals)) throw new NotFoundError('Community', globalId);
    if (!principals.has(STAFF) && !principals.holds(COORDINATOR, id)) {
      throw new ForbiddenError('Only the coordinators of this community, and staff, see its activity.');
    }
    const territoryIds = await this.repository.within(community.territoryId ? [community.territoryId] : []);
    return {
      scope: { kind: ActivityScopeKind.COMMUNITY, territoryIds, communityId: id, projectId: null },
      info: info(ActivityScopeKind.COMMUNITY, community.name, territoryIds.length, { community: Community.from(community) }),
    };
  }

  private async project(context: RequestContext, id: string, globalId: string, principals: Principals): Promise<ResolvedScope> {
    const staff = principals.has(STAFF);
    const [project, roots, team, coordinated] = await Promise.all([
      context.loaders.get(this.projects.byId).load(id),
      context.loaders.get(this.projects.territoryIds).load(id),
      staff ? [] : context.loaders.get(this.projects.team).load(id),
      staff ? [] : this.coordinatedTerritories(context, principals),
    ]);
    if (!project) throw new NotFoundError('Project', globalId);
    const territoryIds = await this.repository.within(roots);
    const inTeam = team.some((member) => member.userId === principals.userId);
    if (!staff && !inTeam && !coordinated.some((territoryId) => territoryIds.includes(territoryId))) {
      throw new ForbiddenError('Only the project’s team, the coordinators of a community in its territories, and staff, see its activity.');
    }
    return {
      scope: { kind: ActivityScopeKind.PROJECT, territoryIds, communityId: null, projectId: id },
      info: info(ActivityScopeKind.PROJECT, project.title, territoryIds.length, { project: Project.from(project) }),
    };
  }

  /** The territories of the communities the viewer coordinates. */
  private async coordinatedTerritories(context: RequestContext, principals: Principals): Promise<string[]> {
    const ids = principals.idsOf(COORDINATOR);
    if (ids.length === 0) return [];
    const communities = await context.loaders.get(this.communities.byId).loadMany(ids);
    return communities.flatMap((community) => (community && !(community instanceof Error) && community.territoryId ? [community.territoryId] : []));
  }
}

function info(
  kind: ActivityScopeKind,
  name: string,
  territoryCount: number,
  subject: { territory?: Territory; community?: Community; project?: Project },
): ActivityScopeInfo {
  return Object.assign(new ActivityScopeInfo(), {
    kind,
    name,
    territoryCount,
    territory: subject.territory ?? null,
    community: subject.community ?? null,
    project: subject.project ?? null,
  });
}
