import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ContentRegistry, OutboxChange, OutboxConsumers, type OutboxConsumer, type OutboxEvent } from '@bottega/core';
import { NotificationKind, NotificationWriter } from '@bottega/notifications';
import { COMPETENCES_DEFAULTS, COMPETENCES_OPTIONS, type CompetencesOptions } from './question-routing.options';
import { QuestionRouteRepository } from './question-route.repository';

/** Changes after which a thread may newly reach people: it is new, its tags changed, it moved, it is shown again. */
const ROUTED_ON = new Set<string>([OutboxChange.CREATED, OutboxChange.EDITED, OutboxChange.MOVED, OutboxChange.RESTORED]);

/**
 * Routes unanswered questions to the people who could answer them, from the
 * outbox (so a crash loses nothing): when a QUESTION thread carries tags that
 * stand for skills, the available people with one of those skills at
 * EXPERIENCED or above who may read the thread (its asker aside) find it in
 * `questionsForMe`, and each gets one QUESTION_ROUTED notification while
 * their daily quota lasts. Everything is written in the batch's transaction,
 * and a question is routed to a person once: a replayed batch notifies nobody
 * twice.
 */
@Injectable()
export class QuestionRouter implements OutboxConsumer, OnModuleInit {
  readonly name = 'question-routing';
  private readonly cap: number;

  constructor(
    private readonly consumers: OutboxConsumers,
    private readonly registry: ContentRegistry,
    private readonly routes: QuestionRouteRepository,
    private readonly writer: NotificationWriter,
    @Optional() @Inject(COMPETENCES_OPTIONS) options: CompetencesOptions | null,
  ) {
    this.cap = (options ?? COMPETENCES_DEFAULTS).questionRoutingDailyCap;
  }

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async handle(events: OutboxEvent[], manager: EntityManager): Promise<void> {
    const threadIds = [...new Set(events.filter((e) => e.kind === 'Thread' && ROUTED_ON.has(e.change)).map((e) => e.subjectId))];
    if (threadIds.length === 0) return;
    const questions = await this.routes.unansweredQuestions(manager, threadIds);
    for (const threadId of threadIds) {
      if (questions.has(threadId)) await this.routeQuestion(manager, threadId);
    }
    await this.routes.pruneQuotas(manager);
  }

  private async routeQuestion(manager: EntityManager, threadId: string): Promise<void> {
    const kind = this.registry.get('Thread');
    if (!kind) throw new Error('No content kind Thread is registered');
    // The thread as search sees it: its tags and asker, null once deleted.
    const thread = await kind.document(manager, threadId);
    if (!thread) return;
    const skillIds = await this.routes.skillsForTags(manager, thread.tags);
    if (skillIds.length === 0) return;
    const experts = await this.routes.expertsIn(manager, skillIds, thread.authorId);
    const readers = new Set(await kind.readersAmong(manager, threadId, experts.map((e) => e.userId)));
    const routed = await this.routes.route(
      manager,
      threadId,
      thread.createdAt,
      experts.filter((e) => readers.has(e.userId)),
    );
    const told = await this.routes.takeQuota(manager, routed, this.cap);
    await this.routes.markNotified(manager, threadId, told);
    await this.writer.notify(manager, {
      kind: NotificationKind.QUESTION_ROUTED,
      actorId: thread.authorId,
      subjectType: 'Thread',
      subjectId: threadId,
      eventKey: `question-routed:${threadId}`,
      recipientIds: told,
    });
  }
}
