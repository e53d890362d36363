import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { isPostQuote } from './quote.plugin';

/** What the mention rule reads from and writes to markdown-it's per-render `env`. */
export type MentionEnv = {
  mentionHref: (handle: string) => string;
  mentions: string[];
};

/** Bounds the notifications one post can send; later handles stay plain text. */
export const MAX_MENTIONS = 20;

// Letters of any script count as word characters, so `caffè@anna` is not a
// mention. Handles are ASCII by rule; no `i` flag, because with `u` it would
// also match look-alikes such as the Kelvin sign (U+212A) for `k`.
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const MENTION = /(?<![\p{L}\p{N}_])@([A-Za-z0-9][A-Za-z0-9_-]{1,29})(?![\p{L}\p{N}_-])/gu;

type MentionScope = {
  state: StateCore;
  env: MentionEnv;
  /** Inside a quote of another post: linked for the reader, not listed (its author already notified them). */
  quoted: boolean;
};

/** Whether this mention becomes a link: known, in a quote, or still under the cap. */
function claim(scope: MentionScope, handle: string): boolean {
  if (scope.quoted || scope.env.mentions.includes(handle)) return true;
  if (scope.env.mentions.length >= MAX_MENTIONS) return false;
  scope.env.mentions.push(handle);
  return true;
}

function textToken(state: StateCore, content: string, level: number): Token {
  const token = new state.Token('text', '', 0);
  token.content = content;
  token.level = level;
  return token;
}

function mentionLink(scope: MentionScope, label: string, handle: string, level: number): Token[] {
  const open = new scope.state.Token('link_open', 'a', 1);
  open.attrs = [['class', 'mention'], ['href', scope.env.mentionHref(handle)]];
  open.markup = 'mention';
  open.level = level;
  const close = new scope.state.Token('link_close', 'a', -1);
  close.markup = 'mention';
  close.level = level;
  return [open, textToken(scope.state, label, level + 1), close];
}

/** Splits one text token around its mentions; `before` is the character preceding it. */
function splitText(scope: MentionScope, token: Token, before: string): Token[] {
  const parts: Token[] = [];
  let done = 0;
  for (const match of token.content.matchAll(MENTION)) {
    // The lookbehind sees only this token; across tokens, look at the previous one.
    if (match.index === 0 && WORD_CHAR.test(before)) continue;
    const handle = match[1].toLowerCase();
    if (!claim(scope, handle)) continue;
    if (match.index > done) parts.push(textToken(scope.state, token.content.slice(done, match.index), token.level));
    parts.push(...mentionLink(scope, match[0], handle, token.level));
    done = match.index + match[0].length;
  }
  if (done === 0) return [token];
  if (done < token.content.length) parts.push(textToken(scope.state, token.content.slice(done), token.level));
  return parts;
}

/**
 * Only `text` tokens are searched, so code spans (`code_inline`), code blocks
 * (no inline children) and escaped characters (`text_special`, e.g. `\@anna`)
 * never mention anyone; text inside any link, autolinks included, is skipped.
 */
function linkMentions(scope: MentionScope, children: Token[]): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  let before = '';
  for (const token of children) {
    if (token.type === 'link_open') linkDepth++;
    if (token.type === 'link_close') linkDepth--;
    if (token.type === 'text' && linkDepth === 0) out.push(...splitText(scope, token, before));
    else out.push(token);
    before = token.type === 'text' || token.type === 'text_special' ? token.content.slice(-1) : '';
  }
  return out;
}

// After linkify, so e-mail addresses are links already and stay untouched;
// before text_join, which would merge escaped `\@` back into plain text.
function mentionRule(state: StateCore): void {
  const env = state.env as MentionEnv;
  const quotes: boolean[] = [];
  for (const token of state.tokens) {
    if (token.type === 'blockquote_open') quotes.push(isPostQuote(token));
    else if (token.type === 'blockquote_close') quotes.pop();
    else if (token.type === 'inline' && token.children !== null) {
      token.children = linkMentions({ state, env, quoted: quotes.includes(true) }, token.children);
    }
  }
}

/** Turns `@handle` in post text into links to the person's profile. */
export function mentionPlugin(md: MarkdownIt): void {
  md.core.ruler.after('linkify', 'mention', mentionRule);
}
