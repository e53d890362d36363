import { PracticeKind, PracticeStatus } from '../lib/practice.enums';
import type { DemoPractice } from './demo-practices.content';

/** What a later demo record must say; the rest defaults to a published practice outside any community and project. */
export type DemoBrief = Pick<DemoPractice, 'key' | 'title' | 'summary' | 'sections' | 'territories' | 'tags' | 'authors' | 'days'> & Partial<DemoPractice>;

export function practice(brief: DemoBrief): DemoPractice {
  return {
    kind: PracticeKind.PRACTICE,
    status: PracticeStatus.PUBLISHED,
    startsOn: null,
    endsOn: null,
    project: null,
    community: null,
    organizations: [],
    reviewer: 'admin',
    ...brief,
  };
}

export function story(brief: DemoBrief): DemoPractice {
  return practice({ kind: PracticeKind.STORY, ...brief });
}
