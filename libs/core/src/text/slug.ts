/** Lower-case ASCII words joined by hyphens: "Città Sociale!" → "citta-sociale". */
export function slugify(text: string, maxLength = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Today's date in Italy, YYYY-MM-DD: the calendar the projects and exchanges live by. */
export function todayInRome(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

/** The slug of `text`, with -2, -3… appended when `taken` already holds it. */
export async function uniqueSlug(
  text: string,
  fallback: string,
  taken: (base: string) => Promise<Set<string>>,
): Promise<string> {
  const base = slugify(text) || fallback;
  const existing = await taken(base);
  let slug = base;
  for (let n = 2; existing.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}
