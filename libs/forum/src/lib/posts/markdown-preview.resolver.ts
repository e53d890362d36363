import { Inject } from '@nestjs/common';
import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import { BadInputError, CORE_OPTIONS, RateLimiter, type CoreOptions, type RequestContext } from '@bottega/core';
import { POST_LINKS, POST_MAX_LENGTH, PostTooLongError, renderPostMarkdown } from '@bottega/markdown';

/** What a post, a comment or a profile will look like once published, before it is. */
@Resolver()
export class MarkdownPreviewResolver {
  constructor(
    private readonly rateLimiter: RateLimiter,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Query(() => String, {
    description:
      'Sanitized HTML of `markdown` as a post would publish it (quotes without their source line). ' +
      `Signed in only; at most ${POST_MAX_LENGTH} characters (BAD_USER_INPUT beyond); counted against the mutation rate limits.`,
  })
  async markdownPreview(@Args('markdown') markdown: string, @Context() context: RequestContext): Promise<string> {
    const viewer = await context.requireViewer();
    const limits = this.options.graphql.mutationRateLimits;
    await this.rateLimiter.consume(`markdown-preview:ip:${context.ip}`, limits.perIp);
    await this.rateLimiter.consume(`markdown-preview:user:${viewer.userId}`, limits.perUser);
    try {
      return renderPostMarkdown(markdown, POST_LINKS).html;
    } catch (error) {
      if (error instanceof PostTooLongError) {
        throw new BadInputError(`A post has at most ${POST_MAX_LENGTH} characters.`, ['markdown']);
      }
      throw error;
    }
  }
}
