import type { MessageFormatElement } from 'react-intl';

/** Italian first; English selectable. The choice is kept in the `lang` cookie, which the server render reads. */
export const LANGS = ['it', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'it';
export const TIME_ZONE = 'Europe/Rome';
export const LANG_COOKIE = 'lang';

/** ICU messages: text in tests, syntax trees compiled at build time in the bundles. */
export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

// Every feature's catalogs (`features/<area>/messages.<lang>.json`) and the shell's, one chunk per file:
// the page carries the reader's language, another is fetched only when the reader switches to it.
const catalogs = import.meta.glob<Messages>(['./messages.*.json', '../ui/messages.*.json', '../features/*/messages.*.json'], { import: 'default' });

export function parseLang(value: string | null | undefined): Lang {
  return (LANGS as readonly string[]).includes(value ?? '') ? (value as Lang) : DEFAULT_LANG;
}

export async function loadMessages(lang: Lang): Promise<Messages> {
  const parts = await Promise.all(
    Object.entries(catalogs)
      .filter(([path]) => path.endsWith(`.${lang}.json`))
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts) as Messages;
}

/** Remembers the reader's language for a year, for every page. */
export function rememberLang(lang: Lang): void {
  document.cookie = `${LANG_COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
}
