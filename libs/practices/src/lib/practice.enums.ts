import { registerEnumType } from '@nestjs/graphql';

export enum PracticeKind {
  /** The structured record: need, approach, resources, results, difficulties, transferability. */
  PRACTICE = 'PRACTICE',
  /** A narrative of the people involved. */
  STORY = 'STORY',
}
registerEnumType(PracticeKind, { name: 'PracticeKind' });

export enum PracticeStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(PracticeStatus, {
  name: 'PracticeStatus',
  description: 'DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED; a practice in review can be returned to DRAFT.',
});

export enum PracticeOrder {
  NEWEST = 'NEWEST',
  MOST_ADOPTED = 'MOST_ADOPTED',
  MOST_BOOKMARKED = 'MOST_BOOKMARKED',
}
registerEnumType(PracticeOrder, {
  name: 'PracticeOrder',
  valuesMap: {
    NEWEST: { description: 'Newest first.' },
    MOST_ADOPTED: { description: 'Adopted in most places first, then newest.' },
    MOST_BOOKMARKED: { description: 'Bookmarked by most people first, then newest.' },
  },
});
