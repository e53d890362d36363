import { Injectable } from '@nestjs/common';
import {
  NotFoundError,
  UserError,
  UserErrorCode,
  fromGlobalId,
  isUniqueViolation,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { canManageDirectory } from '../directory.policy';
import { TerritoryRepository } from '../territories/territory.repository';
import { CreateOrganizationInput, UpdateOrganizationInput } from './dto/organization.inputs';
import type { OrganizationEntity } from './organization.entity';
import { OrganizationRepository, type OrganizationFields } from './organization.repository';

const NAME_TAKEN = UserError.of(
  UserErrorCode.TAKEN,
  'An organization with this name already exists in this territory.',
  ['input', 'name'],
);

/** Admins keep the directory of organizations. */
@Injectable()
export class OrganizationService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly territories: TerritoryRepository,
  ) {}

  async create(input: CreateOrganizationInput, context: RequestContext): Promise<Outcome<OrganizationEntity>> {
    await context.authorize(canManageDirectory);
    const territoryId = await this.territoryId(input.territoryId);
    const fields: OrganizationFields = {
      name: input.name.trim(),
      kind: input.kind,
      territoryId,
      website: input.website?.trim() || null,
      description: input.description?.trim() || null,
    };
    const errors = await validateInput(CreateOrganizationInput, { ...input, ...fields });
    if (errors.length > 0) return refuse(...errors);
    return this.saving(() => this.organizations.insert(fields));
  }

  async update(input: UpdateOrganizationInput, context: RequestContext): Promise<Outcome<OrganizationEntity>> {
    await context.authorize(canManageDirectory);
    const id = fromGlobalId(input.id, 'Organization', ['input', 'id']);
    if (!(await this.organizations.findById(id))) throw new NotFoundError('Organization', input.id);
    const changes: Partial<OrganizationFields> = {};
    if (input.name != null) changes.name = input.name.trim();
    if (input.kind != null) changes.kind = input.kind;
    if (input.territoryId !== undefined) changes.territoryId = await this.territoryId(input.territoryId);
    if (input.website !== undefined) changes.website = input.website?.trim() || null;
    if (input.description !== undefined) changes.description = input.description?.trim() || null;
    const errors = await validateInput(UpdateOrganizationInput, { ...input, ...changes });
    if (errors.length > 0) return refuse(...errors);
    return this.saving(async () => (await this.organizations.update(id, changes)) as OrganizationEntity);
  }

  private async territoryId(globalId: string | null | undefined): Promise<string | null> {
    if (!globalId) return null;
    const id = fromGlobalId(globalId, 'Territory', ['input', 'territoryId']);
    const [territory] = await this.territories.findByIds([id]);
    if (!territory) throw new NotFoundError('Territory', globalId);
    return id;
  }

  private async saving(save: () => Promise<OrganizationEntity>): Promise<Outcome<OrganizationEntity>> {
    try {
      return succeed(await save());
    } catch (error) {
      if (isUniqueViolation(error, 'organization_name_key')) return refuse(NAME_TAKEN);
      throw error;
    }
  }
}
