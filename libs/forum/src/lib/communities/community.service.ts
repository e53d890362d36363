import { Injectable } from '@nestjs/common';
import {
  ForbiddenError,
  NotFoundError,
  SLUG_PATTERN,
  UserError,
  UserErrorCode,
  fromGlobalId,
  isUniqueViolation,
  refuse,
  uniqueSlug,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { TerritoryLoaders } from '@bottega/territories';
import { CommunityAccess } from './community.access';
import type { CommunityEntity } from './community.entity';
import { CommunityLoaders } from './community.loaders';
import { CommunityKind } from './community.enums';
import { canCoordinate, canCreateCommunity } from './community.policy';
import { CommunityRepository, type CommunityFields } from './community.repository';
import { CreateCommunityInput, UpdateCommunityInput } from './dto/community.inputs';

/** Opening and describing communities. */
@Injectable()
export class CommunityService {
  constructor(
    private readonly communities: CommunityRepository,
    private readonly access: CommunityAccess,
    private readonly loaders: CommunityLoaders,
    private readonly territoryLoaders: TerritoryLoaders,
  ) {}

  async create(input: CreateCommunityInput, context: RequestContext): Promise<Outcome<CommunityEntity>> {
    const viewer = await context.authorize(canCreateCommunity);
    const territoryId = input.territoryId ? fromGlobalId(input.territoryId, 'Territory', ['input', 'territoryId']) : null;
    if (territoryId && !(await context.loaders.get(this.territoryLoaders.byId).load(territoryId))) {
      throw new NotFoundError('Territory', input.territoryId ?? undefined);
    }
    const fields: CommunityFields = {
      name: input.name.trim(),
      description: input.description?.trim() ?? '',
      kind: input.kind,
      visibility: input.visibility,
      territoryId,
      slug: input.slug?.trim() ?? '',
    };
    const errors = await validateInput(CreateCommunityInput, { ...input, ...fields });
    if (input.slug != null && !SLUG_PATTERN.test(fields.slug)) {
      errors.push(UserError.of(UserErrorCode.INVALID, 'Use lower-case letters, digits and hyphens.', ['input', 'slug']));
    }
    if (fields.kind === CommunityKind.TERRITORIAL && !territoryId) {
      errors.push(UserError.of(UserErrorCode.REQUIRED, 'A territorial community names its territory.', ['input', 'territoryId']));
    }
    if (errors.length > 0) return refuse(...errors);
    if (input.slug == null) {
      fields.slug = await uniqueSlug(fields.name, 'community', (base) => this.communities.slugsStartingWith(base));
    }
    try {
      return succeed(await this.communities.transaction((manager) => this.communities.insert(manager, fields, viewer.userId)));
    } catch (error) {
      if (isUniqueViolation(error, 'community_slug_key')) {
        return refuse(UserError.of(UserErrorCode.TAKEN, 'Another community already uses this slug.', ['input', 'slug']));
      }
      throw error;
    }
  }

  async update(input: UpdateCommunityInput, context: RequestContext): Promise<Outcome<CommunityEntity>> {
    const viewer = await context.requireViewer();
    const community = await this.access.readable(context, input.id, ['input', 'id']);
    if (!canCoordinate(viewer, await this.access.factsFor(context, viewer, community))) {
      throw new ForbiddenError('Only the coordinators edit this community.');
    }
    const changes: Partial<CommunityFields> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.description !== undefined) changes.description = input.description?.trim() ?? '';
    if (input.visibility != null) changes.visibility = input.visibility;
    const errors = await validateInput(UpdateCommunityInput, { ...input, ...changes });
    if (errors.length > 0) return refuse(...errors);
    await this.communities.update(community.id, changes);
    return succeed(await context.loaders.reload(this.loaders.byId, community.id));
  }
}
