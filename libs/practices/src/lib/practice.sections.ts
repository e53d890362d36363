import { POST_LINKS, renderPostMarkdown } from '@bottega/markdown';
import { PracticeKind } from './practice.enums';

/** The long sections of a practice, each Markdown. */
export const SECTIONS = ['need', 'approach', 'resources', 'results', 'difficulties', 'transferability'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** A section as written and as shown: rendered once, when written, by the posts' renderer. */
export interface SectionText {
  source: string;
  html: string;
}
export type Sections = Record<SectionName, SectionText>;

/**
 * What a practice must say before review: a record another territory can
 * replicate needs the need, the approach, the results and what it takes; a
 * story needs its summary and its telling. Difficulties are welcome, not required.
 */
export const REQUIRED: Record<PracticeKind, readonly ('summary' | SectionName)[]> = {
  [PracticeKind.PRACTICE]: ['summary', 'need', 'approach', 'results', 'transferability'],
  [PracticeKind.STORY]: ['summary', 'approach'],
};

export function renderSection(source: string): SectionText {
  const trimmed = source.trim();
  return { source: trimmed, html: trimmed === '' ? '' : renderPostMarkdown(trimmed, POST_LINKS).html };
}

/** The required parts still empty. */
export function missingParts(practice: { kind: PracticeKind; summary: string; sections: Sections }): ('summary' | SectionName)[] {
  return REQUIRED[practice.kind].filter((name) =>
    name === 'summary' ? practice.summary.trim() === '' : practice.sections[name].source.trim() === '',
  );
}

/** {@link missingParts} as SQL over the practice's row, for the conditional UPDATE that submits it. */
export function completeSql(practice: string): string {
  const required = (kind: PracticeKind) =>
    REQUIRED[kind].map((name) => `btrim(${practice}.${name === 'summary' ? 'summary' : `${name}_source`}) <> ''`).join(' AND ');
  return `CASE ${practice}.kind ${Object.values(PracticeKind)
    .map((kind) => `WHEN '${kind}' THEN (${required(kind)})`)
    .join(' ')} ELSE false END`;
}
