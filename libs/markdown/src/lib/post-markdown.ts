import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { mentionPlugin, type MentionEnv } from './mention.plugin';
import { postBlocksPlugin } from './post-blocks.plugin';
import { isAllowedUrl, sanitizePostHtml } from './post-html.sanitizer';
import { languageOf, type ContentLanguage } from './text-language';
import { quotePlugin, type FoundQuote, type QuoteEnv, type QuoteSource } from './quote.plugin';

export type RenderOptions = {
  /** URL of a person's profile; receives the handle lower-cased. */
  mentionHref: (handle: string) => string;
  /** URL of a post, for the link at the top of a quote. */
  quoteHref: (postId: string) => string;
  /** The quoted posts' sources by id; a quote of a post missing here renders without its source line. */
  quoteSources?: ReadonlyMap<string, QuoteSource>;
};

export type RenderedPost = {
  /** Sanitized HTML, safe to insert into a page as it is. */
  html: string;
  /** Distinct handles mentioned, lower-cased, in order of first appearance (at most 20). */
  mentions: string[];
  /** Distinct ids of the posts quoted, in order (at most 10). */
  quotedPostIds: string[];
  /** Every quote of those posts, in order. */
  quotes: FoundQuote[];
  /** The words of the post with whitespace collapsed, for search and previews. */
  text: string;
  /** The language its own words are in (quotes and code aside), for pages to mark it. */
  language: ContentLanguage;
};

/** Where rendered posts link: a person's profile, a quoted post. */
export const POST_LINKS: Pick<RenderOptions, 'mentionHref' | 'quoteHref'> = {
  mentionHref: (handle) => `/u/${encodeURIComponent(handle)}`,
  quoteHref: (postId) => `/p/${encodeURIComponent(postId)}`,
};

/** Longest accepted source, in characters (code points, as a person counts them). */
export const POST_MAX_LENGTH = 20_000;

/**
 * Thrown before any parsing when a source is over {@link POST_MAX_LENGTH}.
 * Input validation should reject such a body first, as a user error; this
 * keeps the renderer's work bounded whoever calls it.
 */
export class PostTooLongError extends Error {
  readonly code = 'POST_TOO_LONG';

  constructor(readonly maxLength: number = POST_MAX_LENGTH) {
    super(`A post can be at most ${maxLength} characters long.`);
    this.name = 'PostTooLongError';
  }
}

// Built once: markdown-it compiles its rule chains on first use, and every
// render shares them. Per-render data (hrefs, what was found) travels in `env`.
const markdown = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
  breaks: true,
  maxNesting: 20,
})
  .use(postBlocksPlugin)
  .use(quotePlugin)
  .use(mentionPlugin);

// markdown-it's own check only blocks a deny-list of schemes; allow-list instead.
markdown.validateLink = isAllowedUrl;

type PostEnv = MentionEnv & QuoteEnv;

/** Renders a post's markdown to sanitized HTML and extracts its mentions, quotes and text. */
export function renderPostMarkdown(source: string, options: RenderOptions): RenderedPost {
  if (isLongerThan(source, POST_MAX_LENGTH)) throw new PostTooLongError();
  const env: PostEnv = {
    mentionHref: options.mentionHref,
    quoteHref: options.quoteHref,
    quoteSources: options.quoteSources ?? new Map(),
    mentions: [],
    quotedPostIds: [],
    quotes: [],
  };
  const tokens = markdown.parse(source, env);
  const html = sanitizePostHtml(markdown.renderer.render(tokens, markdown.options, env));
  const text = plainText(tokens);
  return { html, mentions: env.mentions, quotedPostIds: env.quotedPostIds, quotes: env.quotes, text, language: languageOf(ownWords(tokens) || text) };
}

/** Counts code points, stopping at the limit, so a huge input costs no more than a small one. */
function isLongerThan(source: string, max: number): boolean {
  if (source.length <= max) return false;
  let count = 0;
  for (const _codePoint of source) {
    if (++count > max) return true;
  }
  return false;
}

/**
 * Text straight from the tokens rather than from the HTML: their content is
 * already entity-decoded, so nothing has to be parsed or decoded again. The
 * quote's source line is a block token without content, so the quoted
 * author's name adds nothing.
 */
function plainText(tokens: Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') parts.push(inlineText(token.children ?? []));
    else if (token.type === 'fence' || token.type === 'code_block') parts.push(token.content);
    // Any other block token ends a word: `<p>a</p><p>b</p>` reads "a b".
    parts.push(' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The writer's own words: what they quote (of another post or not) and code do not tell their language. */
function ownWords(tokens: Token[]): string {
  const parts: string[] = [];
  let quoted = 0;
  for (const token of tokens) {
    if (token.type === 'blockquote_open') quoted++;
    else if (token.type === 'blockquote_close') quoted--;
    else if (quoted === 0 && token.type === 'inline') parts.push(inlineText((token.children ?? []).filter(({ type }) => type !== 'code_inline')), ' ');
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function inlineText(children: Token[]): string {
  return children
    .map((token) => {
      switch (token.type) {
        case 'text':
        case 'text_special':
        case 'code_inline':
          return token.content;
        case 'image':
          return inlineText(token.children ?? []);
        case 'softbreak':
        case 'hardbreak':
          return ' ';
        default:
          return '';
      }
    })
    .join('');
}
