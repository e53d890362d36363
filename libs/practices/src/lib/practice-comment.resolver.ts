import { Args, Context, Info, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionArgs, nodesSelect, paginate, type ConnectionValue, type Outcome, type RequestContext, type SortKey } from '@bottega/core';
import { User, UserLoaders, userOf } from '@bottega/identity';
import { canFlag, canModerate } from '@bottega/moderation';
import { AddPracticeCommentInput, DeletePracticeCommentInput, EditPracticeCommentInput } from './dto/practice-comment.inputs';
import { PracticeAccess, type PracticeInContext } from './practice.access';
import { Practice } from './practice.model';
import { PRACTICE_COMMENT_AUDIENCE, practiceCommentFacts } from './practice-comment.audience';
import { commentItem } from './practice-comment-content';
import { PracticeCommentLoaders } from './practice-comment.loaders';
import { PracticeComment, PracticeCommentConnection, PracticeCommentPayload } from './practice-comment.model';
import { canComment, canDeleteComment, canEditComment } from './practice-comment.policy';
import { PracticeCommentRepository, withItsSource, type ListedCommentRow, type PracticeCommentRow } from './practice-comment.repository';
import { PracticeCommentService } from './practice-comment.service';

const OLDEST_FIRST: SortKey<ListedCommentRow>[] = [
  { expression: 'practiceComment.createdAt', column: 'c.created_at', direction: 'ASC', value: (c) => new Date(c.createdAt).toISOString() },
  { expression: 'practiceComment.id', column: 'c.id', direction: 'ASC', value: (c) => c.id },
];

@Resolver(() => PracticeComment)
export class PracticeCommentResolver {
  constructor(
    private readonly service: PracticeCommentService,
    private readonly access: PracticeAccess,
    private readonly userLoaders: UserLoaders,
    private readonly loaders: PracticeCommentLoaders,
  ) {}

  @Mutation(() => PracticeCommentPayload, {
    nullable: true,
    description: 'Comments on a published practice or story. Anyone signed in who reads it; its authors are notified.',
  })
  async addPracticeComment(@Args('input') input: AddPracticeCommentInput, @Context() context: RequestContext): Promise<PracticeCommentPayload> {
    return payload(await this.service.add(input, context));
  }

  @Mutation(() => PracticeCommentPayload, {
    nullable: true,
    description: 'Replaces a comment’s body while its practice is published. Its author; a stale version is a CONFLICT.',
  })
  async editPracticeComment(@Args('input') input: EditPracticeCommentInput, @Context() context: RequestContext): Promise<PracticeCommentPayload> {
    return payload(await this.service.edit(input, context));
  }

  @Mutation(() => PracticeCommentPayload, {
    nullable: true,
    description: 'Deletes a comment; a placeholder stays. Its author, and the practice’s reviewers.',
  })
  async deletePracticeComment(@Args('input') input: DeletePracticeCommentInput, @Context() context: RequestContext): Promise<PracticeCommentPayload> {
    return payload(await this.service.delete(input, context));
  }

  // Fields answer synchronously when the comment came with its practice as the viewer reads it (a page of them) and is not hidden.
  @ResolveField(() => String, { nullable: true, description: 'Sanitized HTML; null once deleted, and while hidden from the viewer.' })
  bodyHtml(comment: PracticeComment, _args: unknown, context: RequestContext): string | null | Promise<string | null> {
    if (comment.deleted) return null;
    if (!comment.hidden) return comment.row.bodyHtml;
    return this.decide(comment, context, (found) => (bodyVisible(found, comment) ? comment.row.bodyHtml : null), null);
  }

  @ResolveField(() => String, { nullable: true, description: 'Markdown as written (for editing); null once deleted, and while hidden from the viewer.' })
  bodySource(comment: PracticeComment, _args: unknown, context: RequestContext): string | null | Promise<string | null> {
    if (comment.deleted) return null;
    // A comment listed without its source (see `ListedCommentRow`) loads it.
    const source = comment.row.bodySource ?? this.loadSource(comment, context);
    if (!comment.hidden) return source;
    return this.hiddenSource(comment, context, source);
  }

  @ResolveField(() => User, { nullable: true, description: 'Null when the account was removed.' })
  author(comment: PracticeComment, _args: unknown, context: RequestContext): User | null | Promise<User | null> {
    if (comment.knownAuthor !== undefined) return comment.knownAuthor;
    const id = comment.row.authorId;
    return id ? context.loaders.get(this.userLoaders.byId).load(id).then((user) => user && User.from(user)) : null;
  }

  @ResolveField(() => Practice, { nullable: true, description: 'The practice it is about; null when the viewer no longer reads it.' })
  practice(comment: PracticeComment, _args: unknown, context: RequestContext): Practice | null | Promise<Practice | null> {
    return this.decide(comment, context, (found) => Practice.from(found.practice), null);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may edit it now (its author, while it stands and its practice is published).' })
  viewerCanEdit(comment: PracticeComment, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    return this.decide(comment, context, (found) => canEditComment(found.principals, found.practice, comment.row), false);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may delete it (its author, and the practice’s reviewers).' })
  viewerCanDelete(comment: PracticeComment, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    return this.decide(comment, context, (found) => canDeleteComment(found.principals, found.practice, comment.row), false);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may flag it (not their own, not deleted or hidden).' })
  async viewerCanFlag(comment: PracticeComment, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, comment.row.practiceId);
    return found !== null && context.can((viewer) => canFlag(viewer, commentItem(found, comment.row)));
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may hide, restore or delete it with `moderate` (the practice’s reviewers).' })
  viewerCanModerate(comment: PracticeComment, _args: unknown, context: RequestContext): boolean | Promise<boolean> {
    return this.decide(comment, context, (found) => canModerate(commentItem(found, comment.row), found.principals), false);
  }

  private async loadSource(comment: PracticeComment, context: RequestContext): Promise<string | null> {
    return (await context.loaders.get(this.loaders.byId).load(comment.dbId))?.bodySource ?? null;
  }

  private async hiddenSource(comment: PracticeComment, context: RequestContext, source: string | Promise<string | null>): Promise<string | null> {
    return (await this.decide(comment, context, (found) => bodyVisible(found, comment), false)) ? source : null;
  }

  /**
   * `rule` on the comment's practice as the viewer reads it: at once when the
   * comment came with it, else once it is loaded (memoized per request);
   * `otherwise` when the viewer does not read it.
   */
  private decide<T>(comment: PracticeComment, context: RequestContext, rule: (found: PracticeInContext) => T, otherwise: T): T | Promise<T> {
    if (comment.seenAs) return rule(comment.seenAs);
    return this.access.load(context, comment.row.practiceId).then((found) => (found ? rule(found) : otherwise));
  }
}

/** A hidden comment's body shows only to its author and the practice's reviewers. */
const bodyVisible = (found: PracticeInContext, comment: PracticeComment): boolean =>
  PRACTICE_COMMENT_AUDIENCE.allows(practiceCommentFacts(found.practice, comment.row), found.principals);

@Resolver(() => Practice)
export class PracticeCommentFieldResolver {
  constructor(
    private readonly repository: PracticeCommentRepository,
    private readonly loaders: PracticeCommentLoaders,
    private readonly access: PracticeAccess,
  ) {}

  @ResolveField(() => PracticeCommentConnection, { description: 'Comments, oldest first; deleted ones as placeholders.' })
  async comments(
    @Parent() practice: Practice,
    @Args() args: ConnectionArgs,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionValue<PracticeComment>> {
    // Each comment carries its practice as the viewer reads it (already loaded, memoized), so its fields need not wait.
    const seenAs = (await this.access.load(context, practice.dbId)) ?? undefined;
    // The page's rows, when they bring their source, are what node and the mutations would load again.
    const withSource = nodesSelect(info, 'bodySource');
    const byId = context.loaders.get(this.loaders.byId);
    // Each row brings its author, so the author field answers without a statement.
    return paginate(this.repository.of(practice.dbId, { withSource }), OLDEST_FIRST, args, ({ author, ...comment }) => {
      if (withItsSource(comment)) byId.prime(comment.id, comment);
      return PracticeComment.from(comment, seenAs, userOf(author));
    }, info);
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may comment: signed in, and the practice published.' })
  async viewerCanComment(practice: Practice, _args: unknown, context: RequestContext): Promise<boolean> {
    const found = await this.access.load(context, practice.dbId);
    return found !== null && canComment(found.principals, found.practice);
  }
}

function payload(outcome: Outcome<PracticeCommentRow>): PracticeCommentPayload {
  return outcome.ok ? { comment: PracticeComment.from(outcome.value), userErrors: [] } : { comment: null, userErrors: outcome.errors };
}
