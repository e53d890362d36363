/** The longest `textPrefix` a practice list takes. */
export const TEXT_PREFIX_MAX_LENGTH = 100;

/**
 * Whether typed text holds a word to look for: letters or digits, accents
 * aside. The database reads the words itself (`practice_prefix_query`, with
 * `unaccent`), so what is matched is decided in one place; this only tells a
 * blank box from a search.
 */
export const hasWords = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);
