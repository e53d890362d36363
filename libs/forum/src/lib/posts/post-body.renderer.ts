import { Injectable } from '@nestjs/common';
import { UserError, UserErrorCode, parseGlobalId, type RequestContext } from '@bottega/core';
import { UserLoaders } from '@bottega/identity';
import type { CommunityEntity } from '../communities/community.entity';
import { POST_LINKS, POST_MAX_LENGTH, PostTooLongError, quoteExcerpt, renderPostMarkdown, withQuoteExcerpts, type QuoteSource, type RenderOptions } from '@bottega/markdown';
import { ThreadAccess } from '../threads/thread.access';
import { PostLoaders } from './post.loaders';
import { canQuoteInto } from './post.policy';
import type { RenderedBody } from './post.repository';

export interface PreparedBody {
  body: RenderedBody;
  /** Accounts behind the @handles that exist; unknown handles stay plain links. */
  mentionedUserIds: string[];
}

/** A post a quote may copy from, with what the quote shows of it. */
interface Quotable extends QuoteSource {
  text: string;
}

const OPTIONS: RenderOptions = POST_LINKS;

/** Markdown to stored body: safe HTML, plain text, resolved @mentions and quotes of readable posts. */
@Injectable()
export class PostBodyRenderer {
  constructor(
    private readonly userLoaders: UserLoaders,
    private readonly postLoaders: PostLoaders,
    private readonly access: ThreadAccess,
  ) {}

  /**
   * `community` is where the post will be read; quotes of posts its readers
   * may not all read are refused. Without it, only public posts are quoted.
   */
  async prepare(
    source: string,
    context: RequestContext,
    field: string[],
    community: Pick<CommunityEntity, 'id' | 'visibility'> | null = null,
  ): Promise<PreparedBody | UserError> {
    const trimmed = source.trim();
    if (trimmed.length === 0) return UserError.of(UserErrorCode.REQUIRED, 'Write something first.', field);
    if (trimmed.length > POST_MAX_LENGTH) return tooLong(field);
    try {
      let rendered = renderPostMarkdown(trimmed, OPTIONS);
      let bodySource = trimmed;
      if (rendered.quotedPostIds.length > 0) {
        const quoted = await this.quotable(rendered.quotedPostIds, context, community);
        const refused = rendered.quotedPostIds.find((id) => !quoted.has(id));
        if (refused !== undefined) {
          return UserError.of(
            UserErrorCode.INVALID,
            `[quote:${refused}] names no post you can quote here: it is unknown, deleted or hidden, or not everyone who reads this may read it.`,
            field,
          );
        }
        // Rendered again: the quotes now have their sources, and empty ones an excerpt in the source.
        bodySource = withQuoteExcerpts(trimmed, rendered.quotes, (id) => quoteExcerpt(quoted.get(id)?.text ?? '') || null);
        rendered = renderPostMarkdown(bodySource, { ...OPTIONS, quoteSources: quoted });
      }
      const users = await context.loaders.get(this.userLoaders.byHandle).loadMany(rendered.mentions);
      return {
        body: { bodySource, bodyHtml: rendered.html, bodyText: rendered.text, language: rendered.language },
        mentionedUserIds: users.flatMap((user) => (user && !(user instanceof Error) ? [user.id] : [])),
      };
    } catch (error) {
      if (error instanceof PostTooLongError) return tooLong(field);
      throw error;
    }
  }

  /**
   * The quoted posts that may be copied into `community`, by the id written
   * in the marker: shown (neither deleted nor hidden, nor in a hidden thread),
   * readable by the writer, and readable by everyone who reads `community`.
   */
  private async quotable(
    globalIds: string[],
    context: RequestContext,
    community: Pick<CommunityEntity, 'id' | 'visibility'> | null,
  ): Promise<Map<string, Quotable>> {
    const found = new Map<string, Quotable>();
    await Promise.all(
      globalIds.map(async (globalId) => {
        const decoded = parseGlobalId(globalId);
        if (decoded?.type !== 'Post') return;
        const post = await context.loaders.get(this.postLoaders.byId).load(decoded.id);
        if (!post || post.deletedAt || post.hiddenAt) return;
        const where = await this.access.load(context, post.threadId);
        if (!where || where.thread.hiddenAt || !canQuoteInto(where.community, community)) return;
        const author = post.authorId ? await context.loaders.get(this.userLoaders.byId).load(post.authorId) : null;
        found.set(globalId, { author: author ? author.displayName || `@${author.handle}` : null, text: post.bodyText });
      }),
    );
    return found;
  }
}

function tooLong(field: string[]): UserError {
  return UserError.of(UserErrorCode.TOO_LONG, `A post has at most ${POST_MAX_LENGTH} characters.`, field);
}
