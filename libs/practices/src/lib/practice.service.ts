import { Injectable } from '@nestjs/common';
import {
  AccessDirectory,
  ForbiddenError,
  STAFF,
  NodeRegistry,
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  slugify,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { Community, CommunityVisibility, MEMBER } from '@bottega/forum';
import { UserLoaders } from '@bottega/identity';
import { ProjectLoaders, TerritoryLoaders } from '@bottega/territories';
import { CreatePracticeInput, UpdatePracticeInput } from './dto/practice.inputs';
import { PracticeAccess } from './practice.access';
import { PracticeKind, PracticeStatus } from './practice.enums';
import { PracticeLoaders } from './practice.loaders';
import { RULES } from './practice.policy';
import { PracticeRepository, type PracticeFields, type PracticeLinks, type PracticeRow } from './practice.repository';
import { SECTIONS, renderSection, type Sections } from './practice.sections';
import { normaliseOrganizationName, repeatedOrganizations } from './practice-organization';

type FieldsInput = Omit<UpdatePracticeInput, 'practiceId' | 'version'>;

/** Writing practices: creating drafts and editing them (a published one keeps its earlier version). */
@Injectable()
export class PracticeService {
  constructor(
    private readonly practices: PracticeRepository,
    private readonly access: PracticeAccess,
    private readonly loaders: PracticeLoaders,
    private readonly nodes: NodeRegistry,
    private readonly users: UserLoaders,
    private readonly projects: ProjectLoaders,
    private readonly territories: TerritoryLoaders,
    private readonly outbox: Outbox,
    private readonly directory: AccessDirectory,
  ) {}

  async create(input: CreatePracticeInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    const viewer = await context.requireViewer();
    const communityId = input.communityId ? await this.communityId(input.communityId, context) : null;
    const title = normaliseTitle(input.title);
    const organizations = normaliseOrganizations(input.organizations);
    const errors = await validateInput(CreatePracticeInput, { ...input, title, organizations });
    const { fields, links } = await this.read({ ...input, organizations }, context, errors);
    if (errors.length > 0) return refuse(...errors);

    const id = await this.practices.transaction(async (manager) => {
      const slug = await this.practices.takeSlug(manager, title);
      const created = await this.practices.insert(
        manager,
        { ...fields, kind: fields.kind ?? PracticeKind.PRACTICE, title, slug, communityId, createdBy: viewer.userId },
        { coAuthorIds: links.coAuthorIds ?? [], tags: links.tags ?? [], territoryIds: links.territoryIds ?? [], organizations: links.organizations ?? [] },
      );
      await this.outbox.record(manager, { kind: 'Practice', subjectId: created, change: OutboxChange.CREATED, payload: { communityId } });
      return created;
    });
    return succeed(await context.loaders.reload(this.loaders.byId, id));
  }

  /**
   * Edits the practice if it is still at the version the author started from:
   * a stale version is a CONFLICT and changes nothing, so of two edits from one
   * version exactly one is written. Editing a published practice keeps the
   * version it replaces.
   */
  async update(input: UpdatePracticeInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    const viewer = await context.requireViewer();
    const { practice, principals } = await this.access.readable(context, input.practiceId, ['input', 'practiceId']);
    if (!RULES.edit.who(principals, practice)) throw new ForbiddenError('Only its authors edit a practice.');
    const title = input.title == null ? null : normaliseTitle(input.title);
    const organizations = normaliseOrganizations(input.organizations);
    const errors = await validateInput(UpdatePracticeInput, { ...input, title, organizations });
    const { fields, links } = await this.read({ ...input, organizations }, context, errors, practice);
    if (title !== null) fields.title = title;
    if (Object.keys(fields).length === 0 && Object.keys(links).length === 0) {
      errors.push(UserError.of(UserErrorCode.REQUIRED, 'Change at least one field.', ['input']));
    }
    if (errors.length > 0) return refuse(...errors);
    if (!(RULES.edit.from as readonly PracticeStatus[]).includes(practice.status)) return refuse(notEditable(practice.status));

    const written = await this.practices.transaction(async (manager) => {
      const before = await this.practices.lockAt(manager, practice.id, input.version, [...RULES.edit.from]);
      if (!before) return false;
      // A published practice becomes a story only with every medium consented (read under the lock media changes take).
      if ((fields.kind ?? before.kind) === PracticeKind.STORY && before.status !== PracticeStatus.DRAFT && before.mediaWithoutConsent > 0) return UNCONSENTED;
      if (before.status === PracticeStatus.PUBLISHED) await this.practices.keepVersion(manager, before);
      await this.practices.update(manager, practice.id, viewer.userId, fields, links);
      await this.outbox.record(manager, { kind: 'Practice', subjectId: practice.id, change: OutboxChange.EDITED });
      return true;
    });
    const now = await context.loaders.reload(this.loaders.byId, practice.id);
    if (written === UNCONSENTED) {
      return refuse(
        UserError.of(UserErrorCode.INVALID_STATE, 'A published story shows only media whose consent is recorded: record it first.', ['input', 'kind']),
      );
    }
    if (!written) {
      return refuse(
        now.version !== input.version
          ? UserError.of(UserErrorCode.CONFLICT, 'This practice changed since you opened it; reload it and edit again.', ['input', 'version'])
          : notEditable(now.status),
      );
    }
    return succeed(now);
  }

  /** The fields and links an input gives, normalised and checked; `current` is the practice being edited. */
  private async read(
    input: FieldsInput,
    context: RequestContext,
    errors: UserError[],
    current?: PracticeRow,
  ): Promise<{ fields: PracticeFields; links: PracticeLinks }> {
    const fields: PracticeFields = {};
    const links: PracticeLinks = {};
    if (input.kind != null) fields.kind = input.kind;
    if (input.summary != null) fields.summary = input.summary.trim();
    const sections: Partial<Sections> = {};
    for (const name of SECTIONS) {
      const source = input[name];
      if (source != null && !errors.some((error) => error.field?.[1] === name)) sections[name] = renderSection(source);
    }
    if (Object.keys(sections).length > 0) fields.sections = sections;
    if (input.startsOn !== undefined) fields.startsOn = input.startsOn;
    if (input.endsOn !== undefined) fields.endsOn = input.endsOn;
    const startsOn = fields.startsOn !== undefined ? fields.startsOn : (current?.startsOn ?? null);
    const endsOn = fields.endsOn !== undefined ? fields.endsOn : (current?.endsOn ?? null);
    if (startsOn && endsOn && endsOn < startsOn) {
      errors.push(UserError.of(UserErrorCode.OUT_OF_RANGE, 'The end date comes before the start date.', ['input', 'endsOn']));
    }
    if (input.projectId !== undefined) fields.projectId = input.projectId === null ? null : await this.projectId(input.projectId, context);
    if (input.territoryIds != null) links.territoryIds = await this.territoryIds(input.territoryIds, context);
    if (input.coAuthorIds != null) links.coAuthorIds = await this.userIds(input.coAuthorIds, context);
    if (input.tags != null) {
      links.tags = [...new Set(input.tags.map((tag) => slugify(tag, 40)).filter(Boolean))];
      if (input.tags.some((tag) => slugify(tag, 40).length < 2)) {
        errors.push(UserError.of(UserErrorCode.TOO_SHORT, 'A tag has at least 2 letters or digits.', ['input', 'tags']));
      }
    }
    if (input.organizations != null) {
      links.organizations = input.organizations.map(({ name, kind, role }) => ({ name, kind, role }));
      for (const index of repeatedOrganizations(links.organizations)) {
        errors.push(UserError.of(UserErrorCode.INVALID, 'Name each organization once.', ['input', 'organizations', String(index), 'name']));
      }
    }
    return { fields, links };
  }

  /**
   * A community the viewer reads (through the forum's own `node`), else
   * NOT_FOUND; a private one takes its members' work only, as its threads do.
   */
  private async communityId(globalId: string, context: RequestContext): Promise<string> {
    const id = fromGlobalId(globalId, 'Community', ['input', 'communityId']);
    const load = this.nodes.loaderFor('Community');
    const [community] = (load ? await load([id], context) : [null]) as (Community | null)[];
    if (!community) throw new NotFoundError('Community', globalId);
    const principals = await this.directory.of(context);
    if (community.visibility === CommunityVisibility.PRIVATE && !principals.holds(MEMBER, id) && !principals.has(STAFF)) {
      throw new ForbiddenError('Join this community to write a practice in it.');
    }
    return id;
  }

  private async projectId(globalId: string, context: RequestContext): Promise<string> {
    const id = fromGlobalId(globalId, 'Project', ['input', 'projectId']);
    if (!(await context.loaders.get(this.projects.byId).load(id))) throw new NotFoundError('Project', globalId);
    return id;
  }

  private async territoryIds(globalIds: string[], context: RequestContext): Promise<string[]> {
    const ids = [...new Set(globalIds.map((globalId) => fromGlobalId(globalId, 'Territory', ['input', 'territoryIds'])))];
    const found = await context.loaders.get(this.territories.byId).loadMany(ids);
    const missing = ids.findIndex((_, index) => !found[index] || found[index] instanceof Error);
    if (missing >= 0) throw new NotFoundError('Territory', globalIds.find((g) => fromGlobalId(g, 'Territory') === ids[missing]));
    return ids;
  }

  private async userIds(globalIds: string[], context: RequestContext): Promise<string[]> {
    const ids = [...new Set(globalIds.map((globalId) => fromGlobalId(globalId, 'User', ['input', 'coAuthorIds'])))];
    const found = await context.loaders.get(this.users.byId).loadMany(ids);
    const missing = ids.findIndex((_, index) => !found[index] || found[index] instanceof Error);
    if (missing >= 0) throw new NotFoundError('User', globalIds.find((g) => fromGlobalId(g, 'User') === ids[missing]));
    return ids;
  }
}

const UNCONSENTED = 'unconsented';

const normaliseTitle = (title: string) => title.trim().replace(/\s+/g, ' ');

const normaliseOrganizations = (organizations: FieldsInput['organizations']) =>
  organizations?.map((organization) => ({ ...organization, name: normaliseOrganizationName(organization.name) }));

function notEditable(status: PracticeStatus): UserError {
  return UserError.of(
    UserErrorCode.INVALID_STATE,
    status === PracticeStatus.IN_REVIEW
      ? 'This practice is in review; its reviewers publish it or return it to you.'
      : 'An archived practice is no longer edited.',
    ['input', 'practiceId'],
  );
}
