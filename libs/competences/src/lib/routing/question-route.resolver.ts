import { Args, Context, Info, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, ContentRegistry, paginate, type ConnectionValue, type RequestContext, type SortKey } from '@bottega/core';
import { Thread } from '@bottega/forum';
import { SkillLoaders } from '../skills/skill.loaders';
import { Skill } from '../skills/skill.model';
import { RoutedQuestion, RoutedQuestionConnection } from './question-route.model';
import { QuestionRouteRepository, type QuestionRouteRow } from './question-route.repository';

const NEWEST: SortKey<QuestionRouteRow>[] = [
  { expression: 'routedQuestion.threadCreatedAt', column: 'r.thread_created_at', direction: 'DESC', value: (row) => row.threadCreatedAt.toISOString() },
  { expression: 'routedQuestion.threadId', column: 'r.thread_id', direction: 'DESC', value: (row) => row.threadId },
];

@Resolver(() => RoutedQuestion)
export class QuestionRouteResolver {
  constructor(
    private readonly routes: QuestionRouteRepository,
    private readonly registry: ContentRegistry,
    private readonly skillLoaders: SkillLoaders,
  ) {}

  @Query(() => RoutedQuestionConnection, {
    description:
      'Questions you could answer, newest first: unanswered questions tagged with a skill you have at EXPERIENCED or above, ' +
      'while you are available and may read them.',
  })
  async questionsForMe(
    @Args() args: ConnectionArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<RoutedQuestion>> {
    const viewer = await context.requireViewer();
    const kind = this.registry.get('Thread');
    if (!kind) throw new Error('No content kind Thread is registered');
    const page = await paginate(this.routes.routedTo(viewer.userId), NEWEST, args, (row) =>
      Object.assign(new RoutedQuestion(), { row, routedAt: row.routedAt, notified: row.notified }),
    info);
    // Read through the thread's own audience: one that became unreadable (hidden, a community left) is left out.
    const threads = await Promise.all(page.nodes.map((question) => kind.present(context, question.row.threadId)));
    page.nodes.forEach((question, index) => (question.thread = threads[index] as Thread));
    const edges = page.edges.filter((edge) => edge.node.thread instanceof Thread);
    return { ...page, edges, nodes: edges.map((edge) => edge.node) };
  }

  @ResolveField(() => [Skill], { description: 'Your skills its tags stand for.' })
  async skills(question: RoutedQuestion, _args: unknown, context: RequestContext): Promise<Skill[]> {
    const found = await context.loaders.get(this.skillLoaders.byId).loadMany(question.row.skillIds);
    const live = await Promise.all(
      found.map(async (skill) => {
        if (!skill || skill instanceof Error) return null;
        return skill.mergedInto ? context.loaders.get(this.skillLoaders.byId).load(skill.mergedInto) : skill;
      }),
    );
    const unique = new Map(live.flatMap((skill) => (skill ? [[skill.id, skill] as const] : [])));
    return [...unique.values()].map((skill) => Skill.from(skill));
  }
}
