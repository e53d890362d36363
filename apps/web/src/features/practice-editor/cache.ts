import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCache } from '../../app/client';

interface PracticePayload {
  userErrors?: unknown[] | null;
  practice?: { id?: string } | null;
}

/** Lists of practices by status (drafts, in review, published) are read again: one moved between them. */
function forgetPracticeLists(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'practices') cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

function movedBy(name: string) {
  return (result: Record<string, unknown>, _args: unknown, cache: Cache) => {
    const payload = result[name] as PracticePayload | null | undefined;
    if (payload?.practice && (payload.userErrors?.length ?? 0) === 0) forgetPracticeLists(cache);
  };
}

export const cache: FeatureCache = {
  updates: {
    Mutation: {
      createPractice: movedBy('createPractice'),
      submitPracticeForReview: movedBy('submitPracticeForReview'),
      publishPractice: movedBy('publishPractice'),
      returnPractice: movedBy('returnPractice'),
      archivePractice: movedBy('archivePractice'),
    },
  },
};
