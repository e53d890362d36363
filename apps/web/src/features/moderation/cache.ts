import type { Cache } from '@urql/exchange-graphcache';
import type { FeatureCache } from '../../app/client';

interface ModerateResult {
  moderate?: { userErrors?: unknown[] | null; content?: { id?: string } | null } | null;
}

function isPendingList(args: Record<string, unknown> | null | undefined): boolean {
  const filter = args?.['filter'] as { status?: string } | null | undefined;
  return !filter?.status || filter.status === 'PENDING';
}

/** Takes every case about `subjectId` out of the pending queues held in the cache. */
function leaveQueue(cache: Cache, subjectId: string): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'moderationQueue') continue;
    if (!isPendingList(field.arguments)) {
      // A resolved list gains the case: read it again from the API.
      cache.invalidate('Query', field.fieldName, field.arguments);
      continue;
    }
    const connection = cache.resolve('Query', field.fieldKey) as string | null;
    if (!connection) continue;
    const edges = (cache.resolve(connection, 'edges') as string[] | null) ?? [];
    const kept = edges.filter((edge) => {
      const node = cache.resolve(edge, 'node') as string | null;
      const content = node ? (cache.resolve(node, 'content') as string | null) : null;
      return !content || cache.resolve(content, 'id') !== subjectId;
    });
    if (kept.length === edges.length) continue;
    cache.link(connection, 'edges', kept);
    const nodes = (cache.resolve(connection, 'nodes') as string[] | null) ?? null;
    if (nodes) cache.link(connection, 'nodes', kept.map((edge) => cache.resolve(edge, 'node') as string));
  }
}

function forgetAuditLog(cache: Cache): void {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'auditLog') cache.invalidate('Query', field.fieldName, field.arguments);
  }
}

/** A decision takes the item out of the queue at once, and the audit log is read again. */
export const cache: FeatureCache = {
  updates: {
    Mutation: {
      moderate(result, args, cache) {
        const payload = (result as ModerateResult).moderate;
        if (!payload || (payload.userErrors?.length ?? 0) > 0) return;
        const input = (args as { input?: { subjectId?: string } }).input;
        if (input?.subjectId) leaveQueue(cache, input.subjectId);
        forgetAuditLog(cache);
      },
      suspendUser(_result, _args, cache) {
        forgetAuditLog(cache);
      },
      unsuspendUser(_result, _args, cache) {
        forgetAuditLog(cache);
      },
    },
  },
};
