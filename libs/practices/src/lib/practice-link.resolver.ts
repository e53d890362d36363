import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { NodeRegistry, type Outcome, type RequestContext } from '@bottega/core';
import { Thread } from '@bottega/forum';
import { PracticeThreadLinkInput } from './dto/practice-link.inputs';
import { Practice, PracticePayload } from './practice.model';
import type { PracticeRow } from './practice.repository';
import { LINKED_THREADS_LIMIT } from './practice-link.repository';
import { PracticeLinkService } from './practice-link.service';

@Resolver(() => Practice)
export class PracticeLinkResolver {
  constructor(
    private readonly service: PracticeLinkService,
    private readonly nodes: NodeRegistry,
  ) {}

  @Mutation(() => PracticePayload, {
    nullable: true,
    description: `Links a forum thread the viewer reads to a practice (at most ${LINKED_THREADS_LIMIT}). Its authors, while it is a draft or published.`,
  })
  async linkPracticeThread(@Args('input') input: PracticeThreadLinkInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.service.link(input, context));
  }

  @Mutation(() => PracticePayload, { nullable: true, description: 'Unlinks a thread from a practice. Its authors, while it is a draft or published.' })
  async unlinkPracticeThread(@Args('input') input: PracticeThreadLinkInput, @Context() context: RequestContext): Promise<PracticePayload> {
    return payload(await this.service.unlink(input, context));
  }

  /** Each thread through the forum's own node loader, which answers only what the viewer reads. */
  @ResolveField(() => [Thread], { description: 'Forum threads its authors linked, in the order linked: only those the viewer reads.' })
  async linkedThreads(practice: Practice, _args: unknown, context: RequestContext): Promise<Thread[]> {
    // The ids come with the practice's row, so the threads load in the same tick as the rest of the practice's fields.
    const ids = practice.row.linkedThreadIds;
    const load = ids.length > 0 ? this.nodes.loaderFor('Thread') : undefined;
    const threads = load ? await load(ids, context) : [];
    return threads.filter((thread): thread is Thread => thread instanceof Thread);
  }
}

function payload(outcome: Outcome<PracticeRow>): PracticePayload {
  return outcome.ok ? { practice: Practice.from(outcome.value), userErrors: [] } : { practice: null, userErrors: outcome.errors };
}
