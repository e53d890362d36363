import { remove as withoutConfusables } from 'confusables';
import { UserError, UserErrorCode } from '@bottega/core';

/**
 * Characters that show nothing or reorder what follows: controls, format
 * characters (zero-width, bidirectional overrides and isolates, BOM),
 * unassigned and private-use code points, line separators, and the default
 * ignorables such as the Hangul fillers. Variation selectors stay allowed:
 * they only pick how an emoji looks.
 */
const INVISIBLE = /(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{C}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/** Scripts told apart for the mixed-script check; Common and Inherited (digits, punctuation, marks) belong to all. */
const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao',
  'Tibetan', 'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Cherokee', 'Khmer', 'Mongolian', 'Hiragana',
  'Katakana', 'Bopomofo', 'Han', 'Coptic', 'Glagolitic', 'Tifinagh', 'Vai', 'Lisu',
].map((name) => ({ name, pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));
const SHARED = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Script sets that may share one word (Unicode TS #39, "highly restrictive"). */
const COMBINATIONS = [
  new Set(['Latin', 'Han', 'Hiragana', 'Katakana']),
  new Set(['Latin', 'Han', 'Bopomofo']),
  new Set(['Latin', 'Han', 'Hangul']),
];

/** Emails compare in NFKC, so full-width and compatibility forms mean the same address. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim();
}

/** NFKC, trimmed, runs of spaces made one. */
export function normalizeDisplayName(displayName: string): string {
  return displayName.normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** The key handles are looked up by: as in a mention ("@Giulia-Rossi"), in lower case. */
export function handleKey(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** What is wrong with the characters of a new account's email and display name, as typed. */
export function identityTextErrors(input: { email: string; displayName: string }): UserError[] {
  const problems: [string, string | null][] = [
    ['email', emailProblem(input.email)],
    ['displayName', displayNameProblem(input.displayName)],
  ];
  return problems.flatMap(([field, problem]) => (problem ? [UserError.of(UserErrorCode.INVALID, problem, ['input', field])] : []));
}

/** Why this display name (as typed) cannot be used, or null. */
export function displayNameProblem(displayName: string): string | null {
  return INVISIBLE.test(displayName.normalize('NFKC'))
    ? 'A display name cannot contain invisible or text-direction characters.'
    : null;
}

/** Why this email (as typed) cannot be used, or null. */
export function emailProblem(email: string): string | null {
  const normalized = normalizeEmail(email);
  if (INVISIBLE.test(normalized)) return 'An email address cannot contain invisible or text-direction characters.';
  // Each word on its own: a Cyrillic mailbox at a Latin domain is fine, a Cyrillic "а" inside "admin" is not.
  if (normalized.split(/[@.]/).some(mixesScripts)) return 'An email address cannot mix letters of different alphabets.';
  return null;
}

/**
 * What a text looks like: NFKC, every confusable character replaced by the
 * Latin letter it imitates, lower case. Two accounts whose emails share a
 * skeleton could be mistaken for each other.
 */
export function skeleton(text: string): string {
  return withoutConfusables(text.normalize('NFKC')).toLowerCase();
}

function mixesScripts(word: string): boolean {
  const scripts = new Set<string>();
  for (const char of word) {
    if (SHARED.test(char)) continue;
    scripts.add(SCRIPTS.find((script) => script.pattern.test(char))?.name ?? 'Other');
  }
  return scripts.size > 1 && !COMBINATIONS.some((allowed) => [...scripts].every((script) => allowed.has(script)));
}
