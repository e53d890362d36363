import { registerEnumType } from '@nestjs/graphql';

export enum ProfileVisibility {
  /** Everyone, signed in or not. */
  PUBLIC = 'PUBLIC',
  /** Signed-in members. */
  MEMBERS_ONLY = 'MEMBERS_ONLY',
  /** Its owner and staff only: absent everywhere else. */
  HIDDEN = 'HIDDEN',
}
registerEnumType(ProfileVisibility, { name: 'ProfileVisibility', description: 'Who sees a competence profile; its owner chooses.' });

export enum Availability {
  OPEN_TO_EXCHANGE = 'OPEN_TO_EXCHANGE',
  MENTORING = 'MENTORING',
  NOT_AVAILABLE = 'NOT_AVAILABLE',
}
registerEnumType(Availability, { name: 'Availability', description: 'Whether a person takes part in peer exchanges, or mentors.' });

/** From lowest to highest; the order is used when two competences become one. */
export enum CompetenceLevel {
  AWARE = 'AWARE',
  PRACTITIONER = 'PRACTITIONER',
  EXPERIENCED = 'EXPERIENCED',
  EXPERT = 'EXPERT',
}
registerEnumType(CompetenceLevel, { name: 'CompetenceLevel', description: 'AWARE < PRACTITIONER < EXPERIENCED < EXPERT.' });

/** The kinds of content a competence may point to as evidence: its owner's own practices and posts. */
export const EVIDENCE_KINDS = ['Practice', 'Post'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
