import { detect } from 'tinyld/light';

/** The languages content is told apart in: most of what is written here is Italian, some English. */
export type ContentLanguage = 'it' | 'en';

/** Text beyond this is not read for the language: its start tells. */
const LANGUAGE_SAMPLE = 2_000;

/**
 * The language a text is written in, as ISO 639-1: Italian unless the words are clearly English
 * (a short reply, a name, a number stay Italian). Pages mark content with it, so that screen readers
 * pronounce it right, and search analyses it with the right stemmer.
 */
export function languageOf(text: string): ContentLanguage {
  return detect(text.slice(0, LANGUAGE_SAMPLE), { only: ['it', 'en'] }) === 'en' ? 'en' : 'it';
}
