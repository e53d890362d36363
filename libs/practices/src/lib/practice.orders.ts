import type { SortKey } from '@bottega/core';
import { PracticeOrder } from './practice.enums';
import type { PracticeRow } from './practice.repository';

const NEWEST: SortKey<PracticeRow>[] = [
  { expression: 'practice.createdAt', column: 'practice.created_at', direction: 'DESC', value: (p) => p.createdAt.toISOString() },
  { expression: 'practice.id', column: 'practice.id', direction: 'DESC', value: (p) => p.id },
];

/** The keyset orders of practice lists; the counts are kept on the practice's row, so each is an index. */
export const PRACTICE_ORDERS: Record<PracticeOrder, SortKey<PracticeRow>[]> = {
  [PracticeOrder.NEWEST]: NEWEST,
  [PracticeOrder.MOST_ADOPTED]: [
    { expression: 'practice.adoptionCount', column: 'practice.adoption_count', direction: 'DESC', value: (p) => p.adoptionCount },
    ...NEWEST,
  ],
  [PracticeOrder.MOST_BOOKMARKED]: [
    { expression: 'practice.bookmarkCount', column: 'practice.bookmark_count', direction: 'DESC', value: (p) => p.bookmarkCount },
    ...NEWEST,
  ],
};
