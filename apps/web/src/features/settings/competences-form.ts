import { z } from 'zod';
import type { ResultOf, VariablesOf } from '../../app/graphql';
import type { EditableProfileFields, SetCompetencesMutation } from './settings.queries';

type Competence = ResultOf<typeof EditableProfileFields>['competences'][number];
export type Level = Competence['level'];

// Typed against the schema's enum, so a level the API adds fails the typecheck until it has words.
export const LEVELS: Record<Level, string> = {
  AWARE: 'settings.level.AWARE',
  PRACTITIONER: 'settings.level.PRACTITIONER',
  EXPERIENCED: 'settings.level.EXPERIENCED',
  EXPERT: 'settings.level.EXPERT',
};

export const MAX_COMPETENCES = 30;

const competence = z.object({
  skillId: z.string().min(1, 'settings.field.skill.required'),
  level: z.enum(Object.keys(LEVELS) as [Level, ...Level[]]),
  evidenceNote: z.string().trim().max(1000, 'settings.field.evidenceNote.tooLong'),
  /** Evidence already attached: kept as it is. */
  evidenceIds: z.array(z.string()),
  /** Shown only: endorsements stay with a competence while its skill stays. */
  endorsementCount: z.number(),
});

export const competencesSchema = z
  .object({ competences: z.array(competence).max(MAX_COMPETENCES, 'settings.competences.tooMany') })
  .superRefine(
    (values, context) => {
      const seen = new Set<string>();
      (Array.isArray(values.competences) ? values.competences : []).forEach((item, index) => {
        if (item.skillId !== '' && seen.has(item.skillId)) {
          context.addIssue({ code: 'custom', path: ['competences', index, 'skillId'], message: 'settings.field.skill.twice' });
        }
        seen.add(item.skillId);
      });
    },
    // Checked with the other fields, so every mistake shows at once.
    { when: () => true },
  );

export type CompetencesValues = z.input<typeof competencesSchema>;

export function competencesValues(competences: readonly Competence[] | undefined): CompetencesValues {
  return {
    competences: (competences ?? []).map((item) => ({
      skillId: item.skill.id,
      level: item.level,
      evidenceNote: item.evidenceNote ?? '',
      evidenceIds: item.evidence.map((evidence) => evidence.id),
      endorsementCount: item.endorsementCount,
    })),
  };
}

export function setCompetencesInput(values: CompetencesValues): VariablesOf<typeof SetCompetencesMutation>['input'] {
  return {
    competences: values.competences.map((item) => ({
      skillId: item.skillId,
      level: item.level,
      evidenceNote: item.evidenceNote.trim() === '' ? null : item.evidenceNote.trim(),
      evidenceIds: item.evidenceIds,
    })),
  };
}

/**
 * Where the API's user error belongs in this form: `["input", "competences", "2", "skillId"]` is the
 * third row's skill; the list itself otherwise; null when it names no part of the list.
 */
export function competenceErrorPath(field: readonly string[] | null | undefined): `competences.${number}.${'skillId' | 'evidenceNote'}` | 'competences' | null {
  if (!field || field[0] !== 'input' || field[1] !== 'competences') return null;
  const index = Number(field[2]);
  const name = field[3] === 'evidenceIds' ? 'evidenceNote' : field[3];
  if (Number.isInteger(index) && (name === 'skillId' || name === 'evidenceNote')) return `competences.${index}.${name}`;
  return 'competences';
}
