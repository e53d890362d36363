import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** What the quote rule reads from and writes to markdown-it's per-render `env`. */
export type QuoteEnv = {
  quoteHref: (postId: string) => string;
  quotedPostIds: string[];
};

/** More would be a pile of quotes, not a reply; the rest render as plain blockquotes. */
export const MAX_QUOTED_POSTS = 10;

/** Text of the link back to the quoted post; clients may restyle `a.quote-source`. */
export const QUOTE_SOURCE_LABEL = 'Quoted post';

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
    open.meta = { ...open.meta, quotedPostId: postId };
    const source = new state.Token(QUOTE_SOURCE, '', 0);
    source.block = true;
    source.level = open.level + 1;
    source.meta = { href: env.quoteHref(postId) };

    inline.content = inline.content.slice(match[0].length);
    // A marker alone in its paragraph leaves nothing to render but the source link.
    const replaced = inline.content.trim() === '' ? 3 : 0;
    tokens.splice(i + 1, replaced, source);
  }
}

/**
 * The source link is its own token rendered here, not link tokens spliced into
 * the paragraph's inline children: inline parsing has not run yet, and
 * `href` is escaped exactly as markdown-it escapes attributes.
 */
function renderQuoteSource(md: MarkdownIt, token: Token): string {
  const href = md.utils.escapeHtml(String(token.meta?.['href'] ?? ''));
  return `<p><a class="quote-source" href="${href}">${md.utils.escapeHtml(QUOTE_SOURCE_LABEL)}</a></p>\n`;
}

/** Turns `> [quote:<postId>]` blockquotes into quotes of that post. */
export function quotePlugin(md: MarkdownIt): void {
  md.core.ruler.before('inline', 'post_quote', quoteRule);
  md.renderer.rules[QUOTE_SOURCE] = (tokens, idx) => renderQuoteSource(md, tokens[idx]);
}
