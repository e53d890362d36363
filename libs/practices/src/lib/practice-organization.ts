import type { PracticeOrganizationKind, PracticeOrganizationRole } from './practice-organization.enums';

/** Organizations one practice names, at most. */
export const ORGANIZATIONS_LIMIT = 20;
export const ORGANIZATION_NAME_MIN_LENGTH = 2;
export const ORGANIZATION_NAME_MAX_LENGTH = 160;

/** An organization involved in a practice, as written by its authors: part of the practice's versioned content. */
export interface PracticeOrganizationValue {
  name: string;
  kind: PracticeOrganizationKind;
  role: PracticeOrganizationRole;
}

/** A name as stored: trimmed, its runs of spaces made one. */
export const normaliseOrganizationName = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** What makes two names the same organization: case and accents aside ("Comune di Cantù" and "comune di cantu"). */
export const organizationKey = (name: string): string =>
  normaliseOrganizationName(name).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The positions of names already given earlier in the list. */
export function repeatedOrganizations(organizations: readonly Pick<PracticeOrganizationValue, 'name'>[]): number[] {
  const seen = new Set<string>();
  return organizations.flatMap(({ name }, index) => {
    const key = organizationKey(name);
    if (seen.has(key)) return [index];
    seen.add(key);
    return [];
  });
}

/** One line a reader understands: "Comune di Bergamo (MUNICIPALITY, LEAD)"; used by version diffs. */
export const organizationLabel = (organization: PracticeOrganizationValue): string =>
  `${organization.name} (${organization.kind}, ${organization.role})`;
