import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCache } from '../../app/client';

interface Payload {
  userErrors?: unknown[] | null;
  practice?: { id?: string } | null;
  comment?: { practice?: { id?: string } | null } | null;
}

/** The practice's list `field` is read again, so the page shows what was just added. */
function forget(cache: Cache, practiceId: string | undefined, field: 'comments' | 'adoptions'): void {
  if (!practiceId) return;
  for (const found of cache.inspectFields(practiceId)) {
    if (found.fieldName === field) cache.invalidate(practiceId, found.fieldName, found.arguments);
  }
}

function succeeded(payload: Payload | null | undefined): payload is Payload {
  return !!payload && (payload.userErrors?.length ?? 0) === 0;
}

export const cache: FeatureCache = {
  updates: {
    Mutation: {
      addPracticeComment(result, _args, cache) {
        const payload = (result as { addPracticeComment?: Payload }).addPracticeComment;
        if (succeeded(payload)) forget(cache, payload.comment?.practice?.id, 'comments');
      },
      recordAdoption(result, _args, cache) {
        const payload = (result as { recordAdoption?: Payload }).recordAdoption;
        if (succeeded(payload)) forget(cache, payload.practice?.id, 'adoptions');
      },
    },
  },
};
