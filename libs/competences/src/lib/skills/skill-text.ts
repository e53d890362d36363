/** A skill's or an area's stable key: lower-case words of letters and digits joined by hyphens. */
export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const KEY_MAX_LENGTH = 60;
export const LABEL_MIN_LENGTH = 2;
export const LABEL_MAX_LENGTH = 80;

/** A label as stored: trimmed, its runs of spaces made one. */
export const normaliseLabel = (label: string): string => label.trim().replace(/\s+/g, ' ');

/**
 * What a typed prefix is matched as: lower case, without accents, words of
 * letters and digits separated by one space ("Co-progett" → "co progett").
 * The SQL of {@link labelWordsSql} reads labels the same way.
 */
export function searchPrefix(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A label's words as {@link searchPrefix} makes them, each after a space, so `LIKE '% ' || prefix || '%'` finds a word's start. */
export const labelWordsSql = (column: string): string => `(' ' || regexp_replace(lower(unaccent(${column})), '[^a-z0-9]+', ' ', 'g'))`;
