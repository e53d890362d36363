import { PracticeField } from './practice-diff.enums';
import { SECTIONS, type SectionName } from './practice.sections';
import type { PracticeVersionContent } from './practice.repository';
import { organizationLabel } from './practice-organization';

/** One part of a practice that differs between two versions. */
export interface FieldChange {
  field: PracticeField;
  /** As text: Markdown source for sections, YYYY-MM-DD for dates, one item a line for lists; null when unset. */
  before: string | null;
  after: string | null;
  /** For lists, the items only the later version has, and those only the earlier has; empty otherwise. */
  added: string[];
  removed: string[];
}

/** How ids read in a diff: a territory's name, a project's title. */
export interface DiffLabels {
  territory(id: string): string;
  project(id: string): string;
}

const SECTION_FIELDS: Record<SectionName, PracticeField> = {
  need: PracticeField.NEED,
  approach: PracticeField.APPROACH,
  resources: PracticeField.RESOURCES,
  results: PracticeField.RESULTS,
  difficulties: PracticeField.DIFFICULTIES,
  transferability: PracticeField.TRANSFERABILITY,
};

/**
 * The parts that differ from `before` to `after`, in {@link PracticeField}'s
 * order. A list that reads the same item by item is unchanged; organizations
 * also change when only their order does. A part one of the versions did not
 * record (kept before versions held links) is left out, not guessed.
 */
export function diffContents(before: PracticeVersionContent, after: PracticeVersionContent, labels: DiffLabels): FieldChange[] {
  const changes: FieldChange[] = [];
  const text = (field: PracticeField, a: string | null, b: string | null) => {
    if (a !== b) changes.push({ field, before: a, after: b, added: [], removed: [] });
  };
  const list = (field: PracticeField, a: string[] | undefined, b: string[] | undefined) => {
    if (!a || !b || (a.length === b.length && a.every((item, index) => item === b[index]))) return;
    changes.push({
      field,
      before: a.length > 0 ? a.join('\n') : null,
      after: b.length > 0 ? b.join('\n') : null,
      added: b.filter((item) => !a.includes(item)),
      removed: a.filter((item) => !b.includes(item)),
    });
  };
  const project = (id: string | null | undefined) => (id ? labels.project(id) : null);

  text(PracticeField.KIND, before.kind, after.kind);
  text(PracticeField.TITLE, before.title, after.title);
  text(PracticeField.SUMMARY, before.summary, after.summary);
  for (const name of SECTIONS) text(SECTION_FIELDS[name], before.sections[name].source, after.sections[name].source);
  text(PracticeField.STARTS_ON, before.startsOn, after.startsOn);
  text(PracticeField.ENDS_ON, before.endsOn, after.endsOn);
  if (before.projectId !== undefined && after.projectId !== undefined && before.projectId !== after.projectId) {
    changes.push({ field: PracticeField.PROJECT, before: project(before.projectId), after: project(after.projectId), added: [], removed: [] });
  }
  const territories = (ids: string[] | undefined) => ids?.map((id) => labels.territory(id)).sort((x, y) => x.localeCompare(y, 'it'));
  list(PracticeField.TERRITORIES, territories(before.territoryIds), territories(after.territoryIds));
  list(PracticeField.TAGS, before.tags, after.tags);
  // Versions kept before organizations existed had none.
  list(PracticeField.ORGANIZATIONS, (before.organizations ?? []).map(organizationLabel), (after.organizations ?? []).map(organizationLabel));
  return changes;
}
