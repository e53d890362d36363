import type { ResultOf } from '../../app/graphql';
import type { EditablePracticeFields } from './editor.queries';

export type EditablePractice = ResultOf<typeof EditablePracticeFields>;
export type PracticeKind = EditablePractice['kind'];

/** The long sections, in the order the practice shows them. */
export const SECTIONS = ['need', 'approach', 'resources', 'results', 'difficulties', 'transferability'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** What must be written before review, as the API checks it: a story needs less than a practice. */
export const REQUIRED: Record<PracticeKind, readonly ('summary' | SectionName)[]> = {
  PRACTICE: ['summary', 'need', 'approach', 'results', 'transferability'],
  STORY: ['summary', 'approach'],
};

/** The text fields of the form, as typed (tags comma-separated). */
export interface EditorValues {
  title: string;
  summary: string;
  need: string;
  approach: string;
  resources: string;
  results: string;
  difficulties: string;
  transferability: string;
  tags: string;
}
export type TextFieldName = keyof EditorValues;
export const TEXT_FIELDS: readonly TextFieldName[] = ['title', 'summary', ...SECTIONS, 'tags'];

export type ChosenTerritory = EditablePractice['territories'][number];

/** What one save sends: the text fields changed and, when changed, the territories. */
export type EditorPatch = Partial<EditorValues> & { territories?: ChosenTerritory[] };

export function valuesOf(practice: EditablePractice): EditorValues {
  return {
    title: practice.title,
    summary: practice.summary,
    need: practice.need.markdown,
    approach: practice.approach.markdown,
    resources: practice.resources.markdown,
    results: practice.results.markdown,
    difficulties: practice.difficulties.markdown,
    transferability: practice.transferability.markdown,
    tags: practice.tags.join(', '),
  };
}

/** "Casa, anziani soli" → ["Casa", "anziani soli"], each once: the API makes them into slugs. */
export function tagList(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/** The update's input for a patch: tags as a list, everything else as typed. */
export function inputOf(patch: EditorPatch): Partial<Omit<EditorValues, 'tags'>> & { tags?: string[]; territoryIds?: string[] } {
  const { tags, territories, ...rest } = patch;
  return {
    ...rest,
    ...(tags === undefined ? {} : { tags: tagList(tags) }),
    ...(territories === undefined ? {} : { territoryIds: territories.map((territory) => territory.id) }),
  };
}

/** The fields of `values` that differ from `saved`. */
export function changedFields(saved: EditorValues, values: EditorValues): Partial<EditorValues> {
  const patch: Partial<EditorValues> = {};
  for (const name of TEXT_FIELDS) if (values[name] !== saved[name]) patch[name] = values[name];
  return patch;
}

/** The required parts still empty in the form (the API has the last word when submitting). */
export function missingParts(kind: PracticeKind, values: EditorValues): ('summary' | SectionName)[] {
  return REQUIRED[kind].filter((name) => values[name].trim() === '');
}

/**
 * The form field a user error names: `["input", "need"]` from an update, `["practice", "need"]`
 * from a submission; territories and tags by their input names.
 */
export function fieldOfError(path: readonly string[] | null | undefined): TextFieldName | 'territoryIds' | null {
  const name = path?.[0] === 'input' || path?.[0] === 'practice' ? path[1] : undefined;
  if (name === 'territoryIds') return 'territoryIds';
  return (TEXT_FIELDS as readonly string[]).includes(name ?? '') ? (name as TextFieldName) : null;
}
