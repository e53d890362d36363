/** Marks the start of a matched passage in an engine's highlighted text: a control character no indexed text keeps. */
export const HIGHLIGHT_START = '\u0001';
/** Marks its end. */
export const HIGHLIGHT_END = '\u0002';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * An engine's highlighted text (matches between {@link HIGHLIGHT_START} and
 * {@link HIGHLIGHT_END}) as safe HTML: the text escaped, the matches in
 * `<mark>`, and no other markup whatever the content held.
 */
export function markedHtml(highlighted: string): string {
  let html = '';
  let open = false;
  for (const char of highlighted) {
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

/** Text as it is indexed: without the highlight markers, so that only the engine places them. */
export function stripMarkers(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, ' ').replaceAll(HIGHLIGHT_END, ' ');
}
