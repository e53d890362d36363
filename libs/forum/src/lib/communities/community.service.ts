import { Injectable } from '@nestjs/common';
import {
  AuditLog,
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
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
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
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
      const created = await this.communities.transaction(async (manager) => {
        const community = await this.communities.insert(manager, fields, viewer.userId);
        await this.outbox.record(manager, { kind: 'Community', subjectId: community.id, change: OutboxChange.CREATED });
        return community;
      });
      return succeed(created);
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
    if (!canCoordinate(viewer, await this.access.facts(context, community))) {
      throw new ForbiddenError('Only the coordinators edit this community.');
    }
    const changes: Partial<CommunityFields> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.description !== undefined) changes.description = input.description?.trim() ?? '';
    if (input.visibility != null) changes.visibility = input.visibility;
    const errors = await validateInput(UpdateCommunityInput, { ...input, ...changes });
    if (errors.length > 0) return refuse(...errors);
    // Visibility decides who reads everything inside: the change, its audit entry and its outbox row commit together.
    await this.communities.transaction(async (manager) => {
      const before = await this.communities.update(manager, community.id, changes);
      if (!before) throw new NotFoundError('Community', input.id);
      const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((field) => changes[field] !== before[field]);
      if (changed.length === 0) return;
      const visibilityChanged = changed.includes('visibility');
      await this.audit.record(manager, {
        actorId: viewer.userId,
        action: visibilityChanged ? 'CHANGE_VISIBILITY' : 'EDIT',
        subject: { type: 'Community', id: community.id },
        metadata: { changed, ...(visibilityChanged ? { from: before.visibility, to: changes.visibility } : {}) },
      });
      await this.outbox.record(manager, {
        kind: 'Community',
        subjectId: community.id,
        change: visibilityChanged ? OutboxChange.VISIBILITY_CHANGED : OutboxChange.EDITED,
        payload: visibilityChanged ? { visibility: changes.visibility ?? null } : {},
      });
    });
    return succeed(await context.loaders.reload(this.loaders.byId, community.id));
  }
}
