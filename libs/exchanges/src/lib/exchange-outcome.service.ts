import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
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
import { UserLoaders } from '@bottega/identity';
import { TerritoryLoaders } from '@bottega/territories';
import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { AdoptionOutcome, PracticeLoaders, PracticeStatus, recordPracticeAdoption, removePracticeAdoption, type Practice } from '@bottega/practices';
import { RecordOutcomesInput } from './dto/exchange-outcome.inputs';
import { ExchangeAccess } from './exchange.access';
import { ExchangeChange } from './exchange.enums';
import { exchangeEvent } from './exchange.events';
import { Refused, refusal } from './exchange.errors';
import { EXCHANGE_TIME_ZONE } from './exchange.model';
import { ExchangeLoaders } from './exchange.loaders';
import { ExchangeNotifier } from './exchange.notifier';
import { canManage } from './exchange.policy';
import { ExchangeRepository, type ExchangeRow } from './exchange.repository';
import { ExchangeAttendanceRepository } from './exchange-attendance.repository';
import { ExchangeOutcomeLoaders } from './exchange-outcome.loaders';
import { tookPlace } from './exchange-outcome.policy';
import { ExchangeOutcomeRepository, type AdoptedPracticeRow, type FollowUpValue } from './exchange-outcome.repository';

const ROME_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: EXCHANGE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Outcomes, recorded by those who run an exchange once it took place and
 * edited by them afterwards (a stale version is a CONFLICT): summary and
 * learnings in markdown, follow-up actions, and the practices adopted, each
 * recorded as "adopted in" the host territory (or the one named) on the
 * practice itself in the same transaction (and removed there when left out later). Attendees hear
 * of the first publication.
 */
@Injectable()
export class ExchangeOutcomeService implements OnModuleInit {
  private practiceLoaders!: PracticeLoaders;

  constructor(
    private readonly exchanges: ExchangeRepository,
    private readonly outcomes: ExchangeOutcomeRepository,
    private readonly attendance: ExchangeAttendanceRepository,
    private readonly access: ExchangeAccess,
    private readonly loaders: ExchangeLoaders,
    private readonly outcomeLoaders: ExchangeOutcomeLoaders,
    private readonly nodes: NodeRegistry,
    private readonly users: UserLoaders,
    private readonly territories: TerritoryLoaders,
    private readonly notifier: ExchangeNotifier,
    private readonly outbox: Outbox,
    private readonly pubsub: PgPubSub,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // The practices library's, from the application's container: adoptions change what its loaders read.
    this.practiceLoaders = this.moduleRef.get(PracticeLoaders, { strict: false });
  }

  async record(input: RecordOutcomesInput, context: RequestContext): Promise<Outcome<ExchangeRow>> {
    const viewer = await context.requireViewer();
    const { exchange, principals } = await this.access.readable(context, input.exchangeId, ['input', 'exchangeId']);
    if (!canManage(principals, exchange)) throw new ForbiddenError('Only those who run this exchange record its outcomes.');
    const summary = input.summary.trim();
    const learnings = input.learnings?.trim() ?? '';
    const actions = input.followUpActions.map((action) => ({ ...action, description: action.description.trim() }));
    const errors = await validateInput(RecordOutcomesInput, { ...input, summary, learnings, followUpActions: actions });
    const followUps = await this.followUps(actions, context);
    const practices = await this.practices(input.adoptedPracticeIds, context, errors);
    const adoptedIn = input.adoptedInTerritoryId ? await this.territoryId(input.adoptedInTerritoryId, context) : exchange.hostTerritoryId;
    if (errors.length > 0) return refuse(...errors);
    if (!tookPlace({ ...exchange, feedbackClosedAt: null }, new Date())) return refuse(notYet());
    const fields = { summary: markdown(summary), learnings: markdown(learnings), followUps };

    const refused = await refusal(
      this.exchanges.transaction(async (manager) => {
        const locked = await this.exchanges.lock(manager, exchange.id);
        if (!locked) throw new Error('An exchange vanished under its managers');
        if (!tookPlace({ ...locked.row, feedbackClosedAt: null }, new Date())) throw new Refused(notYet());
        const written = await this.outcomes.write(manager, exchange.id, viewer.userId, fields, input.version ?? null);
        if (!written) {
          throw new Refused(UserError.of(UserErrorCode.CONFLICT, 'These outcomes changed since you opened them; reload them and edit again.', ['input', 'version']));
        }
        await this.outcomes.setAdopted(manager, exchange.id, await this.adopt(manager, locked.row, practices, adoptedIn, viewer.userId));
        await this.outbox.record(manager, { kind: 'PeerExchange', subjectId: exchange.id, change: OutboxChange.EDITED });
        await this.pubsub.publish(exchangeEvent(exchange.id, ExchangeChange.DETAILS), manager);
        if (written.first) await this.notifier.outcomesPublished(manager, locked.row, await this.attendance.attendees(manager, exchange.id), viewer.userId);
        return null;
      }),
    );
    if (refused) return refuse(refused);
    context.loaders.get(this.outcomeLoaders.outcomes).clear(exchange.id);
    const practiceById = context.loaders.get(this.practiceLoaders.byId);
    practices.forEach((practice) => practiceById.clear(practice.dbId));
    return succeed(await context.loaders.reload(this.loaders.byId, exchange.id));
  }

  /**
   * The adoptions the outcomes name: those already recorded there stay, new
   * ones are recorded on their practices (in `territoryId`, by the host
   * project when that is the host territory, on the day it ended in Rome),
   * those left out or moved elsewhere are removed there.
   */
  private async adopt(
    manager: Parameters<typeof recordPracticeAdoption>[0],
    exchange: ExchangeRow,
    practices: Practice[],
    territoryId: string,
    userId: string,
  ): Promise<AdoptedPracticeRow[]> {
    const current = await this.outcomes.adoptedPractices(manager, exchange.id);
    const adopted: AdoptedPracticeRow[] = [];
    for (const [index, practice] of practices.entries()) {
      const kept = current.find((row) => row.practiceId === practice.dbId && row.territoryId === territoryId);
      if (kept) {
        adopted.push(kept);
        continue;
      }
      const adoptionId = await recordPracticeAdoption(manager, {
        practiceId: practice.dbId,
        territoryId,
        // The host project takes it up when it is taken up at home.
        projectId: territoryId === exchange.hostTerritoryId ? exchange.hostProjectId : null,
        organizationName: null,
        adoptedOn: ROME_DAY.format(exchange.endsAt),
        notes: `Adottata con lo scambio tra pari «${exchange.title}».`,
        outcome: AdoptionOutcome.ADOPTING,
        recordedBy: userId,
      });
      if (!adoptionId) throw new Refused(notPublished(index));
      adopted.push({ practiceId: practice.dbId, adoptionId, territoryId });
    }
    for (const row of current) {
      if (row.adoptionId && !adopted.some((a) => a.adoptionId === row.adoptionId)) await removePracticeAdoption(manager, row.adoptionId);
    }
    return adopted;
  }

  private async territoryId(globalId: string, context: RequestContext): Promise<string> {
    const id = fromGlobalId(globalId, 'Territory', ['input', 'adoptedInTerritoryId']);
    if (!(await context.loaders.get(this.territories.byId).load(id))) throw new NotFoundError('Territory', globalId);
    return id;
  }

  /** Follow-up actions with their owners' ids; an unknown owner is NOT_FOUND. */
  private async followUps(actions: RecordOutcomesInput['followUpActions'], context: RequestContext): Promise<FollowUpValue[]> {
    const ownerIds = actions.map((action, index) => fromGlobalId(action.ownerId, 'User', ['input', 'followUpActions', String(index), 'ownerId']));
    const owners = await context.loaders.get(this.users.byId).loadMany(ownerIds);
    const missing = owners.findIndex((owner) => !owner || owner instanceof Error);
    if (missing >= 0) throw new NotFoundError('User', actions[missing]?.ownerId);
    return actions.map((action, index) => ({ description: action.description, ownerId: ownerIds[index] ?? null, dueOn: action.dueOn }));
  }

  /** The practices named, each once, that the viewer reads (else NOT_FOUND); a practice not published is a user error. */
  private async practices(globalIds: string[], context: RequestContext, errors: UserError[]): Promise<Practice[]> {
    const ids = [...new Set(globalIds.map((globalId, index) => fromGlobalId(globalId, 'Practice', ['input', 'adoptedPracticeIds', String(index)])))];
    if (ids.length === 0) return [];
    const load = this.nodes.loaderFor('Practice');
    const found = ((load ? await load(ids, context) : ids.map(() => null)) as (Practice | null)[]);
    const missing = found.findIndex((practice) => !practice);
    if (missing >= 0) throw new NotFoundError('Practice', globalIds.find((g) => fromGlobalId(g, 'Practice') === ids[missing]));
    const practices = found as Practice[];
    practices.forEach((practice, index) => {
      if (practice.status !== PracticeStatus.PUBLISHED) errors.push(notPublished(globalIds.findIndex((g) => fromGlobalId(g, 'Practice') === ids[index])));
    });
    return practices;
  }
}

const markdown = (source: string) => ({ source, html: source === '' ? '' : renderPostMarkdown(source, POST_LINKS).html });

const notYet = () => UserError.of(UserErrorCode.INVALID_STATE, 'Outcomes are recorded once the exchange has taken place.', ['input', 'exchangeId']);

const notPublished = (index: number) =>
  UserError.of(UserErrorCode.INVALID_STATE, 'Only a published practice is recorded as adopted.', ['input', 'adoptedPracticeIds', String(index)]);
