import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCache } from '../../app/client';

interface Payload {
  community?: { __typename?: string; id?: string } | null;
  userErrors?: unknown[] | null;
}

function succeeded(result: Record<string, unknown>, field: string): Payload | null {
  const payload = result[field] as Payload | null | undefined;
  return payload && (payload.userErrors?.length ?? 0) === 0 && payload.community ? payload : null;
}

/** Lists of communities are read again: who belongs, and who may read, changed. */
function forgetCommunityLists(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'communities') cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

/** Member lists of the community other than the one the mutation answered with are read again. */
function forgetMembers(cache: Cache, community: Payload['community'], answered: { first: number } | null): void {
  const key = community ? cache.keyOfEntity({ __typename: 'Community', ...community }) : null;
  if (!key) return;
  for (const field of cache.inspectFields(key)) {
    if (field.fieldName !== 'members') continue;
    if (answered && field.arguments?.['first'] === answered.first && Object.keys(field.arguments).length === 1) continue;
    cache.invalidate(key, field.fieldName, field.arguments);
  }
}

/** Joining, leaving, coordinating and editing a community show at once on every page that lists it. */
export const cache: FeatureCache = {
  updates: {
    Mutation: {
      joinCommunity(result, _args, cache) {
        const payload = succeeded(result, 'joinCommunity');
        if (!payload) return;
        forgetMembers(cache, payload.community, null);
        forgetCommunityLists(cache);
      },
      leaveCommunity(result, _args, cache) {
        const payload = succeeded(result, 'leaveCommunity');
        if (!payload) return;
        forgetMembers(cache, payload.community, null);
        forgetCommunityLists(cache);
      },
      setCommunityRole(result, _args, cache) {
        const payload = succeeded(result, 'setCommunityRole');
        if (payload) forgetMembers(cache, payload.community, { first: 100 });
      },
      removeCommunityMember(result, _args, cache) {
        const payload = succeeded(result, 'removeCommunityMember');
        if (payload) forgetMembers(cache, payload.community, { first: 100 });
      },
      updateCommunity(result, _args, cache) {
        if (succeeded(result, 'updateCommunity')) forgetCommunityLists(cache);
      },
      createCommunity(result, _args, cache) {
        if (succeeded(result, 'createCommunity')) forgetCommunityLists(cache);
      },
    },
  },
};
