import { Injectable } from '@nestjs/common';
import {
  ContentRegistry,
  ForbiddenError,
  NotFoundError,
  Outbox,
  OutboxChange,
  UserError,
  UserErrorCode,
  fromGlobalId,
  refuse,
  succeed,
  type Outcome,
  type RequestContext,
} from '@bottega/core';
import { PracticeThreadLinkInput } from './dto/practice-link.inputs';
import { PracticeAccess, type PracticeInContext } from './practice.access';
import { PracticeLoaders } from './practice.loaders';
import { RULES } from './practice.policy';
import type { PracticeRow } from './practice.repository';
import { LINKED_THREADS_LIMIT, PracticeLinkRepository } from './practice-link.repository';

/** Refuses inside the transaction, so it rolls back. */
class Refusal extends Error {
  constructor(readonly error: UserError) {
    super(error.message);
  }
}

/**
 * Forum threads linked to a practice by its authors, while they may edit it.
 * Whether someone reads a thread is the forum's to say, through the content
 * registry: an author links only a thread they read, and each reader sees
 * only the linked threads they read (see the resolver).
 */
@Injectable()
export class PracticeLinkService {
  constructor(
    private readonly links: PracticeLinkRepository,
    private readonly access: PracticeAccess,
    private readonly loaders: PracticeLoaders,
    private readonly registry: ContentRegistry,
    private readonly outbox: Outbox,
  ) {}

  async link(input: PracticeThreadLinkInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    const viewer = await context.requireViewer();
    const found = await this.editable(input, context);
    const threadId = await this.readableThread(input.threadId, context);
    return this.change(found.practice, context, async (manager) => {
      const { linked, count } = await this.links.standing(manager, found.practice.id, threadId);
      if (linked) throw new Refusal(UserError.of(UserErrorCode.TAKEN, 'This thread is already linked to the practice.', ['input', 'threadId']));
      if (count >= LINKED_THREADS_LIMIT) {
        throw new Refusal(UserError.of(UserErrorCode.CAPACITY_FULL, `A practice links at most ${LINKED_THREADS_LIMIT} threads.`, ['input', 'practiceId']));
      }
      await this.links.insert(manager, found.practice.id, threadId, viewer.userId);
    });
  }

  /** Unlinks a thread, also one the author no longer reads (or that was deleted). */
  async unlink(input: PracticeThreadLinkInput, context: RequestContext): Promise<Outcome<PracticeRow>> {
    await context.requireViewer();
    const found = await this.editable(input, context);
    const threadId = fromGlobalId(input.threadId, 'Thread', ['input', 'threadId']);
    return this.change(found.practice, context, async (manager) => {
      if (!(await this.links.delete(manager, found.practice.id, threadId))) {
        throw new Refusal(UserError.of(UserErrorCode.INVALID_STATE, 'This thread is not linked to the practice.', ['input', 'threadId']));
      }
    });
  }

  /** The practice, when the viewer reads it (else NOT_FOUND) and authors it (else FORBIDDEN). */
  private async editable(input: PracticeThreadLinkInput, context: RequestContext): Promise<PracticeInContext> {
    const found = await this.access.readable(context, input.practiceId, ['input', 'practiceId']);
    if (!RULES.edit.who(found.principals, found.practice)) throw new ForbiddenError('Only its authors link threads to a practice.');
    return found;
  }

  /** The thread's id when the viewer reads it whole; NOT_FOUND otherwise, so a thread they may not read is not revealed. */
  private async readableThread(globalId: string, context: RequestContext): Promise<string> {
    const id = fromGlobalId(globalId, 'Thread', ['input', 'threadId']);
    const kind = this.registry.get('Thread');
    const [item] = kind ? await kind.readable(context, [id]) : [null];
    if (!item || !item.visible || item.deleted) throw new NotFoundError('Thread', globalId);
    return id;
  }

  /** Runs `work` under the practice's lock while its authors may edit it, with an outbox record; refused, it changes nothing. */
  private async change(practice: PracticeRow, context: RequestContext, work: Parameters<PracticeLinkRepository['transaction']>[0]): Promise<Outcome<PracticeRow>> {
    try {
      await this.links.transaction(async (manager) => {
        if (!(await this.links.lockPractice(manager, practice.id, RULES.edit.from))) throw new Refusal(notEditable());
        await work(manager);
        await this.outbox.record(manager, { kind: 'Practice', subjectId: practice.id, change: OutboxChange.EDITED });
      });
    } catch (error) {
      if (error instanceof Refusal) return refuse(error.error);
      throw error;
    }
    return succeed(await context.loaders.reload(this.loaders.byId, practice.id));
  }
}

const notEditable = () =>
  UserError.of(UserErrorCode.INVALID_STATE, 'Threads are linked while the practice is a draft or published.', ['input', 'practiceId']);
