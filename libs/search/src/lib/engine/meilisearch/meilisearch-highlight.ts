import { HIGHLIGHT_END, HIGHLIGHT_START } from './meilisearch-documents';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Meilisearch's formatted text (matches between {@link HIGHLIGHT_START} and
 * {@link HIGHLIGHT_END}) as safe HTML: the text escaped, the matches in
 * `<mark>`, and no other markup whatever the content held.
 */
export function markedHtml(formatted: string): string {
  let html = '';
  let open = false;
  for (const char of formatted) {
    if (char === HIGHLIGHT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (char === HIGHLIGHT_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += ESCAPES[char] ?? char;
    }
  }
  return open ? `${html}</mark>` : html;
}

/** Whether Meilisearch marked a match in this formatted text. */
export function hasMatch(formatted: string | null | undefined): boolean {
  return typeof formatted === 'string' && formatted.includes(HIGHLIGHT_START);
}

/**
 * The passage shown under a hit: the cropped body where the query matched
 * it, else the summary where it matched there, else the summary (or, without
 * one, the start of the body) as the item's own introduction.
 */
export function snippetOf(formatted: { summary?: unknown; body?: unknown }): string {
  const summary = typeof formatted.summary === 'string' ? formatted.summary : null;
  const body = typeof formatted.body === 'string' ? formatted.body : '';
  if (hasMatch(body)) return markedHtml(body);
  if (hasMatch(summary)) return markedHtml(summary ?? '');
  return markedHtml(summary !== null && summary.trim() !== '' ? summary : body);
}
