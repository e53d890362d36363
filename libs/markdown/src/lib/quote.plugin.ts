import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** What a quote shows of the post it quotes, loaded by the caller before rendering. */
export type QuoteSource = {
  /** The quoted post's author as people know them (display name, else handle); null when the account is gone. */
  author: string | null;
};

/** A quote found in a post, in order of appearance. */
export type FoundQuote = {
  postId: string;
  /** 0-based line of the source holding the marker. */
  line: number;
  /** Whether the quote holds nothing but its marker. */
  empty: boolean;
};

/** What the quote rule reads from and writes to markdown-it's per-render `env`. */
export type QuoteEnv = {
  quoteHref: (postId: string) => string;
  quoteSources: ReadonlyMap<string, QuoteSource>;
  quotedPostIds: string[];
  quotes: FoundQuote[];
};

/** More would be a pile of quotes, not a reply; the rest render as plain blockquotes. */
export const MAX_QUOTED_POSTS = 10;

/** Longest excerpt copied into a quote that names only its post, in characters. */
export const QUOTE_EXCERPT_LENGTH = 240;

/** `[quote:<postId>]` alone on the first line of a blockquote. */
const MARKER = /^\[quote:([A-Za-z0-9_-]{1,200})\][ \t]*(?:\n|$)/;
const QUOTE_SOURCE = 'quote_source';

/** Whether this `blockquote_open` token opens a quote of another post. */
export function isPostQuote(token: Token): boolean {
  return token.type === 'blockquote_open' && typeof token.meta?.['quotedPostId'] === 'string';
}

/**
 * Runs after block parsing and before inline parsing, while the first
 * paragraph still holds its raw source: later the marker would already be
 * text that emphasis or linkify may have split (`[quote:_a_]`).
 */
function quoteRule(state: StateCore): void {
  const env = state.env as QuoteEnv;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i];
    const paragraph = tokens[i + 1];
    const inline = tokens[i + 2];
    if (open.type !== 'blockquote_open' || paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline') {
      continue;
    }
    const match = MARKER.exec(inline.content);
    if (match === null) continue;
    const postId = match[1];
    if (!env.quotedPostIds.includes(postId)) {
      if (env.quotedPostIds.length >= MAX_QUOTED_POSTS) continue;
      env.quotedPostIds.push(postId);
    }

    open.attrJoin('class', 'quote');
    // The post is named in the markup, so clients can add their own (localized) wording or link.
    open.attrSet('data-post', postId);
    open.meta = { ...open.meta, quotedPostId: postId };
    const source = new state.Token(QUOTE_SOURCE, '', 0);
    source.block = true;
    source.level = open.level + 1;
    source.meta = { postId, href: env.quoteHref(postId) };

    inline.content = inline.content.slice(match[0].length);
    // A marker alone in its paragraph leaves nothing to render but the source line.
    const replaced = inline.content.trim() === '' ? 3 : 0;
    tokens.splice(i + 1, replaced, source);
    const empty = replaced === 3 && tokens[i + 2]?.type === 'blockquote_close';
    env.quotes.push({ postId, line: paragraph.map?.[0] ?? 0, empty });
  }
}

/**
 * The source line is its own token rendered here, not link tokens spliced
 * into the paragraph's inline children: inline parsing has not run yet, and
 * attributes and text are escaped exactly as markdown-it escapes them. It
 * names the quoted author and nothing else, in no language: clients word it.
 */
function renderQuoteSource(md: MarkdownIt, token: Token, env: QuoteEnv): string {
  const author = env.quoteSources.get(String(token.meta?.['postId']))?.author;
  if (!author) return '';
  const href = md.utils.escapeHtml(String(token.meta?.['href'] ?? ''));
  return `<p class="quote-source"><a href="${href}">${md.utils.escapeHtml(author)}</a></p>\n`;
}

/** Turns `> [quote:<postId>]` blockquotes into quotes of that post. */
export function quotePlugin(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'post_quote', quoteRule);
  md.renderer.rules[QUOTE_SOURCE] = (tokens, idx, _options, env) => renderQuoteSource(md, tokens[idx], env as QuoteEnv);
}

/** The opening words of a post's plain text, cut at a word where it is longer than `max`. */
export function quoteExcerpt(text: string, max: number = QUOTE_EXCERPT_LENGTH): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  const cut = characters.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * One line of plain text as markdown that reads back as the same text: every
 * character that could start markup is escaped, so nothing in someone's words
 * becomes a link, an image, emphasis, a heading or a list.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<|~]|&(?=#?[A-Za-z0-9]+;)/g, '\\$&')
    .replace(/^(?:[#+=>:-]|\d+(?=[.)]))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/**
 * Copies an excerpt of each quoted post into the quotes that hold only their
 * marker, in the source itself: the copy is then the quoting author's text,
 * which they see when editing, which revisions keep and moderation reaches,
 * rather than words that exist only in rendered HTML.
 */
export function withQuoteExcerpts(source: string, quotes: readonly FoundQuote[], excerptOf: (postId: string) => string | null): string {
  const lines = source.split('\n');
  for (const quote of [...quotes].reverse()) {
    const excerpt = quote.empty ? excerptOf(quote.postId) : null;
    const markerLine = lines[quote.line];
    const at = markerLine?.indexOf('[quote:') ?? -1;
    if (!excerpt || markerLine === undefined || at < 0) continue;
    // `- > [quote:x]` continues as `  > …`: list markers become indentation, quote markers stay.
    const prefix = markerLine.slice(0, at).replace(/[^>\s]/g, ' ');
    lines.splice(quote.line + 1, 0, `${prefix}${escapeMarkdownText(excerpt)}`);
  }
  return lines.join('\n');
}
