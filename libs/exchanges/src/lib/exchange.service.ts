import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  AccessDirectory,
  BadInputError,
  ForbiddenError,
  NodeRegistry,
  NotFoundError,
  Outbox,
  OutboxChange,
  PgPubSub,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  validateInput,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { CompanionThreads, type Community } from '@bottega/forum';
import { UserLoaders } from '@bottega/identity';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { ProjectLoaders, TerritoryLoaders } from '@bottega/territories';
import { CreatePeerExchangeInput, UpdatePeerExchangeInput, type ExchangeAgendaItemInput } from './dto/exchange.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeChange, ExchangeStatus } from './exchange.enums';
import { exchangeEvent } from './exchange.events';
import { ExchangeLoaders } from './exchange.loaders';
import { ExchangeNotifier } from './exchange.notifier';
import { over } from './exchange.errors';
import { LIVE, canManage } from './exchange.policy';
import { ExchangeRepository, type AgendaItemValue, type ExchangeFields, type ExchangeLinks, type ExchangeRow } from './exchange.repository';
import { RegistrationRepository } from './registration.repository';
import { PeerReviewRepository } from './peer-review.repository';
import { reviewQuestionRefusal } from './peer-review.service';

type FieldsInput = Omit<UpdatePeerExchangeInput, 'exchangeId' | 'version'>;

/** Planning exchanges: creating them (with their discussion thread) and editing them. */
@Injectable()
export class ExchangeService implements OnModuleInit {
  private threads!: CompanionThreads;

  constructor(
    private readonly exchanges: ExchangeRepository,
    private readonly registrations: RegistrationRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly nodes: NodeRegistry,
    private readonly directory: AccessDirectory,
    private readonly users: UserLoaders,
    private readonly projects: ProjectLoaders,
    private readonly territories: TerritoryLoaders,
    private readonly notifier: ExchangeNotifier,
    private readonly outbox: Outbox,
    private readonly pubsub: PgPubSub,
    private readonly moduleRef: ModuleRef,
    private readonly reviews: PeerReviewRepository,
  ) {}

  onModuleInit(): void {
    // The forum's, from the application's container (the forum module is configured once, by the app).
    this.threads = this.moduleRef.get(CompanionThreads, { strict: false });
  }

  /**
   * Plans an exchange as a DRAFT, and opens its discussion thread in the host
   * community in the same transaction. The community's coordinators, the
   * host project's leads and staff.
   */
  async create(input: CreatePeerExchangeInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    const viewer = await context.requireViewer();
    requireInstants(input);
    const community = await this.community(input.hostCommunityId, context);
    const hostTerritoryId = await this.territoryId(input.hostTerritoryId, ['input', 'hostTerritoryId'], context);
    const project = input.hostProjectId ? await this.project(input.hostProjectId, context) : null;
    const principals = await this.directory.of(context);
    if (!canManage(principals, { communityId: community.dbId, projectLeadIds: project?.leadIds ?? [] })) {
      throw new ForbiddenError('Only the coordinators of the host community (or the leads of the host project) plan its exchanges.');
    }
    const title = normaliseTitle(input.title);
    const errors = await validateInput(CreatePeerExchangeInput, { ...input, title });
    const { fields, links } = await this.read(input, context, errors);
    checkSchedule({ startsAt: input.startsAt, endsAt: input.endsAt, registrationDeadline: input.registrationDeadline, agenda: links.agenda ?? [] }, errors);
    const reviewQuestion = input.reviewQuestion?.trim() || null;
    const questionRefusal = reviewQuestion === null ? null : reviewQuestionRefusal(input.format, reviewQuestion);
    if (questionRefusal) errors.push(questionRefusal);
    if (errors.length > 0) return refuse(...errors);

    const id = await this.exchanges.transaction(async (manager) => {
      const threadId = await this.threads.start(manager, {
        communityId: community.dbId,
        authorId: viewer.userId,
        title,
        body: fields.description?.source || title,
        territoryIds: [hostTerritoryId],
      });
      const created = await this.exchanges.insert(
        manager,
        {
          ...fields,
          title,
          format: input.format,
          hostTerritoryId,
          hostProjectId: project?.id ?? null,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          capacity: input.capacity,
          registrationDeadline: input.registrationDeadline,
          communityId: community.dbId,
          threadId,
          createdBy: viewer.userId,
        },
        {
          hostIds: links.hostIds?.length ? links.hostIds : [viewer.userId],
          agenda: links.agenda ?? [],
          practiceIds: links.practiceIds ?? [],
          skillIds: links.skillIds ?? [],
        },
      );
      if (reviewQuestion !== null) await this.reviews.setQuestion(manager, created, reviewQuestion);
      await this.outbox.record(manager, { kind: 'PeerExchange', subjectId: created, change: OutboxChange.CREATED, payload: { communityId: community.dbId } });
      return created;
    });
    return succeed(await context.loaders.reload(this.loaders.byId, id));
  }

  /**
   * Edits an exchange still at the version the editor started from (a stale
   * one is a CONFLICT), while it is not over. Those registered or waitlisted
   * hear of a new schedule or place; subscribers see the change live.
   */
  async update(input: UpdatePeerExchangeInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    const viewer = await context.requireViewer();
    requireInstants(input);
    const { exchange, principals } = await this.access.readable(context, input.exchangeId, ['input', 'exchangeId']);
    if (!canManage(principals, exchange)) throw new ForbiddenError('Only those who run this exchange edit it.');
    const title = input.title == null ? null : normaliseTitle(input.title);
    const errors = await validateInput(UpdatePeerExchangeInput, { ...input, title });
    const { fields, links } = await this.read(input, context, errors);
    if (title !== null) fields.title = title;
    if (input.startsAt != null) fields.startsAt = input.startsAt;
    if (input.endsAt != null) fields.endsAt = input.endsAt;
    if (input.registrationDeadline != null) fields.registrationDeadline = input.registrationDeadline;
    const reviewQuestion = input.reviewQuestion?.trim() || null;
    const questionRefusal = reviewQuestion === null ? null : reviewQuestionRefusal(exchange.format, reviewQuestion);
    if (questionRefusal) errors.push(questionRefusal);
    if (Object.keys(fields).length === 0 && Object.keys(links).length === 0 && reviewQuestion === null) {
      errors.push(UserError.of(UserErrorCode.REQUIRED, 'Change at least one field.', ['input']));
    }
    checkSchedule(
      {
        startsAt: fields.startsAt ?? exchange.startsAt,
        endsAt: fields.endsAt ?? exchange.endsAt,
        registrationDeadline: fields.registrationDeadline ?? exchange.registrationDeadline,
        agenda: links.agenda ?? exchange.agenda,
      },
      errors,
    );
    if (errors.length > 0) return refuse(...errors);
    if (!LIVE.includes(exchange.status)) return refuse(over(exchange.status));
    const noticed = ['startsAt', 'endsAt', 'venue', 'onlineUrl'].some((name) => name in fields && !same(fields[name as keyof ExchangeFields], exchange[name as keyof ExchangeRow]));

    const written = await this.exchanges.transaction(async (manager) => {
      if (!(await this.exchanges.update(manager, exchange.id, input.version, fields, links))) return false;
      if (reviewQuestion !== null) await this.reviews.setQuestion(manager, exchange.id, reviewQuestion);
      await this.outbox.record(manager, { kind: 'PeerExchange', subjectId: exchange.id, change: OutboxChange.EDITED });
      if (noticed) {
        const [now] = await this.exchanges.findByIds([exchange.id], manager);
        if (now && now.status !== ExchangeStatus.DRAFT) {
          await this.notifier.changed(manager, now, await this.registrations.activeRegistrants(manager, exchange.id), viewer.userId);
        }
      }
      await this.pubsub.publish(exchangeEvent(exchange.id, ExchangeChange.DETAILS), manager);
      return true;
    });
    const now = await context.loaders.reload(this.loaders.byId, exchange.id);
    if (!written) {
      return refuse(
        now.version !== input.version
          ? UserError.of(UserErrorCode.CONFLICT, 'This exchange changed since you opened it; reload it and edit again.', ['input', 'version'])
          : over(now.status),
      );
    }
    return succeed(now);
  }

  /** The fields and links an input gives, normalised and checked. */
  private async read(input: FieldsInput, context: RequestContext, errors: UserError[]): Promise<{ fields: ExchangeFields; links: ExchangeLinks }> {
    const fields: ExchangeFields = {};
    const links: ExchangeLinks = {};
    if (input.description != null && !errors.some((error) => error.field?.[1] === 'description')) {
      const source = input.description.trim();
      fields.description = { source, html: source === '' ? '' : renderPostMarkdown(source, POST_LINKS).html };
    }
    if (input.venue !== undefined) fields.venue = input.venue?.trim() || null;
    if (input.onlineUrl !== undefined) fields.onlineUrl = input.onlineUrl?.trim() || null;
    if (input.agenda != null) {
      links.agenda = input.agenda.map((item: ExchangeAgendaItemInput): AgendaItemValue => ({
        startsAt: item.startsAt,
        title: item.title.trim(),
        note: item.note?.trim() || null,
      }));
    }
    if (input.hostIds != null) links.hostIds = await this.userIds(input.hostIds, context);
    if (input.practiceIds != null) links.practiceIds = await this.nodeIds('Practice', input.practiceIds, ['input', 'practiceIds'], context);
    if (input.skillIds != null) links.skillIds = await this.nodeIds('Skill', input.skillIds, ['input', 'skillIds'], context);
    return { fields, links };
  }

  /** A community the viewer reads (through the forum's own `node`), else NOT_FOUND. */
  private async community(globalId: string, context: RequestContext): Promise<Community> {
    const id = fromGlobalId(globalId, 'Community', ['input', 'hostCommunityId']);
    const load = this.nodes.loaderFor('Community');
    const [community] = (load ? await load([id], context) : [null]) as (Community | null)[];
    if (!community) throw new NotFoundError('Community', globalId);
    return community;
  }

  private async territoryId(globalId: string, field: string[], context: RequestContext): Promise<string> {
    const id = fromGlobalId(globalId, 'Territory', field);
    if (!(await context.loaders.get(this.territories.byId).load(id))) throw new NotFoundError('Territory', globalId);
    return id;
  }

  /** The project and the leads of its team (who manage its exchanges). */
  private async project(globalId: string, context: RequestContext): Promise<{ id: string; leadIds: string[] }> {
    const id = fromGlobalId(globalId, 'Project', ['input', 'hostProjectId']);
    if (!(await context.loaders.get(this.projects.byId).load(id))) throw new NotFoundError('Project', globalId);
    const team = await context.loaders.get(this.projects.team).load(id);
    return { id, leadIds: team.filter((member) => member.role === 'LEAD').map((member) => member.userId) };
  }

  private async userIds(globalIds: string[], context: RequestContext): Promise<string[]> {
    const ids = [...new Set(globalIds.map((globalId) => fromGlobalId(globalId, 'User', ['input', 'hostIds'])))];
    const found = await context.loaders.get(this.users.byId).loadMany(ids);
    const missing = ids.findIndex((_, index) => !found[index] || found[index] instanceof Error);
    if (missing >= 0) throw new NotFoundError('User', globalIds.find((g) => fromGlobalId(g, 'User') === ids[missing]));
    return ids;
  }

  /** Ids of nodes the viewer reads (practices through their audience, skills), each once; NOT_FOUND otherwise. */
  private async nodeIds(type: string, globalIds: string[], field: string[], context: RequestContext): Promise<string[]> {
    const ids = [...new Set(globalIds.map((globalId) => fromGlobalId(globalId, type, field)))];
    const load = this.nodes.loaderFor(type);
    const found = load ? await load(ids, context) : ids.map(() => null);
    const missing = ids.findIndex((_, index) => !found[index]);
    if (missing >= 0) throw new NotFoundError(type, globalIds.find((g) => fromGlobalId(g, type) === ids[missing]));
    return ids;
  }
}

/**
 * Every instant given is one: the DateTime scalar lets text that names no
 * instant through as an invalid date, which is refused here as bad input.
 */
export function requireInstants(input: { startsAt?: Date | null; endsAt?: Date | null; registrationDeadline?: Date | null; agenda?: { startsAt: Date }[] | null }, path = ['input']): void {
  for (const name of ['startsAt', 'endsAt', 'registrationDeadline'] as const) {
    const value = input[name];
    if (value != null && Number.isNaN(value.getTime())) throw new BadInputError(`\`${name}\` is not an instant (ISO 8601, with its offset).`, [...path, name]);
  }
  input.agenda?.forEach((item, index) => {
    if (Number.isNaN(item.startsAt.getTime())) throw new BadInputError('An agenda item’s `startsAt` is not an instant.', [...path, 'agenda', String(index), 'startsAt']);
  });
}

const normaliseTitle = (title: string) => title.trim().replace(/\s+/g, ' ');

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** The schedule's own rules: it ends after it starts, registrations close by the start, the agenda lies within it. */
function checkSchedule(schedule: { startsAt: Date; endsAt: Date; registrationDeadline: Date; agenda: AgendaItemValue[] }, errors: UserError[]): void {
  if (schedule.endsAt.getTime() <= schedule.startsAt.getTime()) {
    errors.push(UserError.of(UserErrorCode.OUT_OF_RANGE, 'An exchange ends after it starts.', ['input', 'endsAt']));
  }
  if (schedule.registrationDeadline.getTime() > schedule.startsAt.getTime()) {
    errors.push(UserError.of(UserErrorCode.OUT_OF_RANGE, 'Registrations close by the time the exchange starts.', ['input', 'registrationDeadline']));
  }
  schedule.agenda.forEach((item, index) => {
    const at = item.startsAt.getTime();
    if (at < schedule.startsAt.getTime() || at > schedule.endsAt.getTime()) {
      errors.push(UserError.of(UserErrorCode.OUT_OF_RANGE, 'An agenda item takes place within the exchange.', ['input', 'agenda', String(index), 'startsAt']));
    }
  });
}
