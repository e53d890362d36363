/** A toolbar action of the Markdown editor. */
export type MarkdownFormat = 'bold' | 'italic' | 'link' | 'list' | 'quote';

export interface Edit {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

const WRAPS: Record<'bold' | 'italic', string> = { bold: '**', italic: '_' };
const PREFIXES: Record<'list' | 'quote', string> = { list: '- ', quote: '> ' };
const LINK_PLACEHOLDER = 'https://';

/**
 * The text after a toolbar action on `value` with `start`–`end` selected, and what to select
 * then: bold and italic wrap the selection (or unwrap it when already wrapped), a link makes the
 * selection its text and selects the address to type, a list or a quote marks every selected line.
 */
export function applyMarkdownFormat(value: string, start: number, end: number, format: MarkdownFormat): Edit {
  const from = Math.max(0, Math.min(start, end, value.length));
  const to = Math.min(Math.max(start, end), value.length);
  switch (format) {
    case 'bold':
    case 'italic':
      return wrap(value, from, to, WRAPS[format]);
    case 'link':
      return link(value, from, to);
    case 'list':
    case 'quote':
      return prefixLines(value, from, to, PREFIXES[format]);
  }
}

function wrap(value: string, from: number, to: number, mark: string): Edit {
  const selected = value.slice(from, to);
  if (value.slice(from - mark.length, from) === mark && value.slice(to, to + mark.length) === mark && from >= mark.length) {
    const unwrapped = value.slice(0, from - mark.length) + selected + value.slice(to + mark.length);
    return { value: unwrapped, selectionStart: from - mark.length, selectionEnd: to - mark.length };
  }
  if (selected.length >= mark.length * 2 && selected.startsWith(mark) && selected.endsWith(mark)) {
    const inner = selected.slice(mark.length, selected.length - mark.length);
    return { value: value.slice(0, from) + inner + value.slice(to), selectionStart: from, selectionEnd: from + inner.length };
  }
  // Spaces around the selection stay outside the marks: `** bold**` is not bold.
  const leading = selected.length - selected.trimStart().length;
  const trailing = selected.length - selected.trimEnd().length;
  const core = selected.trim();
  const innerFrom = from + (core ? leading : selected.length);
  const innerTo = core ? to - trailing : innerFrom;
  const next = value.slice(0, innerFrom) + mark + core + mark + value.slice(innerTo);
  return { value: next, selectionStart: innerFrom + mark.length, selectionEnd: innerFrom + mark.length + core.length };
}

function link(value: string, from: number, to: number): Edit {
  const text = value.slice(from, to).trim();
  const inserted = `[${text}](${LINK_PLACEHOLDER})`;
  const next = value.slice(0, from) + inserted + value.slice(to);
  if (!text) return { value: next, selectionStart: from + 1, selectionEnd: from + 1 };
  const address = from + text.length + 3;
  return { value: next, selectionStart: address, selectionEnd: address + LINK_PLACEHOLDER.length };
}

function prefixLines(value: string, from: number, to: number, prefix: string): Edit {
  const lineStart = value.lastIndexOf('\n', from - 1) + 1;
  // A selection ending right after a newline does not take in the next line.
  const last = to > from && value[to - 1] === '\n' ? to - 1 : to;
  const nextBreak = value.indexOf('\n', last);
  const lineEnd = nextBreak === -1 ? value.length : nextBreak;
  const lines = value.slice(lineStart, lineEnd).split('\n');
  const marked = lines.every((line) => line.startsWith(prefix));
  const changed = lines.map((line) => (marked ? line.slice(prefix.length) : prefix + line)).join('\n');
  // A block needs a blank line before it to start on its own rather than join the paragraph above.
  const before = value.slice(0, lineStart);
  const gap = !marked && before.length > 0 && !before.endsWith('\n\n') && !isSameBlock(before, prefix) ? '\n' : '';
  const next = before + gap + changed + value.slice(lineEnd);
  const start = lineStart + gap.length;
  return { value: next, selectionStart: start, selectionEnd: start + changed.length };
}

function isSameBlock(before: string, prefix: string): boolean {
  const previous = before.slice(0, -1).split('\n').pop() ?? '';
  return previous.startsWith(prefix);
}
