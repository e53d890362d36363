/** Emails compare in NFKC, so full-width and compatibility forms mean the same address. */
export function normalizeEmail(email: string): string {
  return email.normalize('NFKC').trim();
}
