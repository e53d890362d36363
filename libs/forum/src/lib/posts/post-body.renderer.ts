import { Injectable } from '@nestjs/common';
import { UserError, UserErrorCode, type RequestContext } from '@bottega/core';
import { UserLoaders } from '@bottega/identity';
import { POST_MAX_LENGTH, PostTooLongError, renderPostMarkdown } from '../markdown/post-markdown';
import type { RenderedBody } from './post.repository';

export interface PreparedBody {
  body: RenderedBody;
  /** Accounts behind the @handles that exist; unknown handles stay plain links. */
  mentionedUserIds: string[];
}

/** Markdown to stored body: safe HTML, plain text and resolved @mentions. */
@Injectable()
export class PostBodyRenderer {
  constructor(private readonly userLoaders: UserLoaders) {}

  async prepare(source: string, context: RequestContext, field: string[]): Promise<PreparedBody | UserError> {
    const trimmed = source.trim();
    if (trimmed.length === 0) return UserError.of(UserErrorCode.REQUIRED, 'Write something first.', field);
    if (trimmed.length > POST_MAX_LENGTH) {
      return UserError.of(UserErrorCode.TOO_LONG, `A post has at most ${POST_MAX_LENGTH} characters.`, field);
    }
    try {
      const rendered = renderPostMarkdown(trimmed, {
        mentionHref: (handle) => `/u/${encodeURIComponent(handle)}`,
        quoteHref: (postId) => `/p/${encodeURIComponent(postId)}`,
      });
      const users = await context.loaders.get(this.userLoaders.byHandle).loadMany(rendered.mentions);
      return {
        body: { bodySource: trimmed, bodyHtml: rendered.html, bodyText: rendered.text },
        mentionedUserIds: users.flatMap((user) => (user && !(user instanceof Error) ? [user.id] : [])),
      };
    } catch (error) {
      if (error instanceof PostTooLongError) {
        return UserError.of(UserErrorCode.TOO_LONG, `A post has at most ${POST_MAX_LENGTH} characters.`, field);
      }
      throw error;
    }
  }
}
