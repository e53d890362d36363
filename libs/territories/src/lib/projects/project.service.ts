import { Injectable } from '@nestjs/common';
import {
  NotFoundError,
  SLUG_PATTERN,
  UserError,
  UserErrorCode,
  fromGlobalId,
  isUniqueViolation,
  refuse,
  slugify,
  uniqueSlug,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { canManageDirectory } from '../directory.policy';
import { OrganizationRepository } from '../organizations/organization.repository';
import { TerritoryRepository } from '../territories/territory.repository';
import { CreateProjectInput, UpdateProjectInput, type ProjectPartnerInput } from './dto/project.inputs';
import type { ProjectEntity } from './project.entity';
import { PartnerRole } from './project.enums';
import { ProjectRepository, type ProjectFields, type ProjectLinks } from './project.repository';

/** Admins describe living labs: dates, themes, territories and partnership. */
@Injectable()
export class ProjectService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly territories: TerritoryRepository,
    private readonly organizations: OrganizationRepository,
  ) {}

  async create(input: CreateProjectInput, context: RequestContext): Promise<Outcome<ProjectEntity>> {
    await context.authorize(canManageDirectory);
    const links = await this.links(input);
    const fields: ProjectFields = {
      title: input.title.trim(),
      summary: input.summary?.trim() ?? '',
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      themes: normaliseThemes(input.themes ?? []),
      slug: input.slug?.trim() ?? '',
    };
    const errors = [
      ...(await validateInput(CreateProjectInput, { ...input, ...fields })),
      ...datesErrors(fields.startsOn, fields.endsOn),
      ...themeErrors(fields.themes),
      ...partnerErrors(input.partners ?? []),
    ];
    if (input.slug != null && !SLUG_PATTERN.test(fields.slug)) {
      errors.push(UserError.of(UserErrorCode.INVALID, 'Use lower-case letters, digits and hyphens.', ['input', 'slug']));
    }
    if (errors.length > 0) return refuse(...errors);
    if (input.slug == null) {
      fields.slug = await uniqueSlug(fields.title, 'project', (base) => this.projects.slugsStartingWith(base));
    }
    try {
      return succeed(await this.projects.transaction((manager) => this.projects.insert(manager, fields, links)));
    } catch (error) {
      if (isUniqueViolation(error, 'project_slug_key')) {
        return refuse(UserError.of(UserErrorCode.TAKEN, 'Another project already uses this slug.', ['input', 'slug']));
      }
      throw error;
    }
  }

  async update(input: UpdateProjectInput, context: RequestContext): Promise<Outcome<ProjectEntity>> {
    await context.authorize(canManageDirectory);
    const id = fromGlobalId(input.id, 'Project', ['input', 'id']);
    const current = await this.projects.findById(id);
    if (!current) throw new NotFoundError('Project', input.id);
    const links = await this.links(input);
    const changes: Partial<ProjectFields> = {};
    if (input.title != null) changes.title = input.title.trim();
    if (input.summary !== undefined) changes.summary = input.summary?.trim() ?? '';
    if (input.startsOn != null) changes.startsOn = input.startsOn;
    if (input.endsOn != null) changes.endsOn = input.endsOn;
    if (input.themes != null) changes.themes = normaliseThemes(input.themes);
    const errors = [
      ...(await validateInput(UpdateProjectInput, { ...input, ...changes })),
      ...datesErrors(changes.startsOn ?? current.startsOn, changes.endsOn ?? current.endsOn),
      ...themeErrors(changes.themes ?? []),
      ...partnerErrors(input.partners ?? []),
    ];
    if (errors.length > 0) return refuse(...errors);
    await this.projects.transaction((manager) => this.projects.update(manager, id, changes, links));
    return succeed((await this.projects.findById(id)) as ProjectEntity);
  }

  /** Territories and partners named in the input, checked to exist. */
  private async links(input: {
    territoryIds?: string[] | null;
    partners?: ProjectPartnerInput[] | null;
  }): Promise<ProjectLinks> {
    const links: ProjectLinks = {};
    if (input.territoryIds) {
      const ids = [...new Set(input.territoryIds.map((id) => fromGlobalId(id, 'Territory', ['input', 'territoryIds'])))];
      const found = new Set((await this.territories.findByIds(ids)).map((t) => t.id));
      const missing = input.territoryIds.find((id) => !found.has(fromGlobalId(id, 'Territory')));
      if (missing) throw new NotFoundError('Territory', missing);
      links.territoryIds = ids;
    }
    if (input.partners) {
      const partners = input.partners.map((partner) => ({
        organizationId: fromGlobalId(partner.organizationId, 'Organization', ['input', 'partners']),
        role: partner.role,
      }));
      const found = new Set((await this.organizations.findByIds(partners.map((p) => p.organizationId))).map((o) => o.id));
      const missing = input.partners.find((p) => !found.has(fromGlobalId(p.organizationId, 'Organization')));
      if (missing) throw new NotFoundError('Organization', missing.organizationId);
      links.partners = partners;
    }
    return links;
  }
}

export function normaliseThemes(themes: string[]): string[] {
  return [...new Set(themes.map((theme) => slugify(theme, 40)).filter(Boolean))];
}

function themeErrors(themes: string[]): UserError[] {
  return themes.some((theme) => theme.length < 2)
    ? [UserError.of(UserErrorCode.TOO_SHORT, 'A theme has at least 2 letters.', ['input', 'themes'])]
    : [];
}

function datesErrors(startsOn: string, endsOn: string): UserError[] {
  return endsOn < startsOn
    ? [UserError.of(UserErrorCode.OUT_OF_RANGE, 'The end date comes before the start date.', ['input', 'endsOn'])]
    : [];
}

function partnerErrors(partners: ProjectPartnerInput[]): UserError[] {
  const errors: UserError[] = [];
  if (partners.filter((partner) => partner.role === PartnerRole.LEAD).length > 1) {
    errors.push(UserError.of(UserErrorCode.INVALID, 'A project has at most one lead partner.', ['input', 'partners']));
  }
  if (new Set(partners.map((partner) => partner.organizationId)).size < partners.length) {
    errors.push(UserError.of(UserErrorCode.INVALID, 'Each organization is listed once.', ['input', 'partners']));
  }
  return errors;
}
