// @nestjs/apollo runs the ESM build of Apollo Server, so its types come from there.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import type { RequestContext } from '../context/request-context';
import type { RateLimit, RateLimiter } from './rate-limiter';

export interface MutationRateLimits {
  perIp: RateLimit;
  perUser: RateLimit;
}

/**
 * Counts every mutation against its client address and, when signed in, its
 * account; over the limit, the operation is refused with RATE_LIMITED before
 * anything runs. Feature-specific limits (sign-in, posting) come on top.
 */
export function mutationRateLimitPlugin(limiter: RateLimiter, limits: MutationRateLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          await limiter.consume(`mutation:ip:${contextValue.ip}`, limits.perIp);
          const viewer = await contextValue.viewer().catch(() => null);
          if (viewer) await limiter.consume(`mutation:user:${viewer.userId}`, limits.perUser);
        },
      };
    },
  };
}
