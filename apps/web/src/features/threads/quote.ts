/** Longest excerpt a quote copies, in characters, as the API cuts them. */
const EXCERPT_LENGTH = 240;

/** Words of a post on one line, cut at a word near `max` characters. */
export function excerptOf(text: string, max = EXCERPT_LENGTH): string {
  const characters = [...text.replace(/\s+/g, ' ').trim()];
  if (characters.length <= max) return characters.join('');
  const cut = characters.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > cut.length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Plain text as Markdown that reads back as the same text: nothing in it becomes a link, emphasis or a block. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<|~]|&(?=#?[A-Za-z0-9]+;)/g, '\\$&')
    .replace(/^(?:[#+=>:-]|\d+(?=[.)]))/, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`));
}

/** A quote of a post as the API reads it: `> [quote:<id>]` on its first line, then the excerpt. */
export function quoteBlock(postId: string, text: string): string {
  const excerpt = escapeMarkdown(excerptOf(text));
  return excerpt ? `> [quote:${postId}]\n> ${excerpt}\n\n` : `> [quote:${postId}]\n\n`;
}

/** `draft` with `block` added on a paragraph of its own at the end. */
export function appendBlock(draft: string, block: string): string {
  const kept = draft.replace(/\s+$/, '');
  return kept ? `${kept}\n\n${block}` : block;
}
