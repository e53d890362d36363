import { HIGHLIGHT_START, markedHtml } from '../highlight';

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
