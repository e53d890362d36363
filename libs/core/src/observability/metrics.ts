// @nestjs/apollo runs the ESM build of Apollo Server, so its types come from there.
import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept as labels; clients choose names, so the series must stay bounded. */
const MAX_OPERATION_LABELS = 200;

/** Prometheus metrics of one API process, served at `GET /metrics`. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly graphqlDuration = new Histogram({
    name: 'bottega_graphql_operation_duration_seconds',
    help: 'GraphQL operation latency, from request start to response',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'bottega_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly outboxLagEvents = new Gauge({
    name: 'bottega_outbox_lag_events',
    help: 'Outbox changes a consumer has not handled yet, as this process last saw them',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  readonly outboxLagSeconds = new Gauge({
    name: 'bottega_outbox_lag_seconds',
    help: 'Age of the oldest outbox change a consumer has not handled yet (0 when caught up)',
    labelNames: ['consumer'] as const,
    registers: [this.registry],
  });

  readonly subscriptionResults = new Counter({
    name: 'bottega_subscription_results_total',
    help: 'Subscription results delivered: computed for their subscriber, or shared from one computed for a subscriber who read the same of their viewer',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Observes every GraphQL operation's latency, labelled by name, type and outcome. */
  apolloPlugin(): ApolloServerPlugin {
    const histogram = this.graphqlDuration;
    const seen = new Set<string>();
    const label = (name: string | null | undefined): string => {
      if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
      if (!seen.has(name) && seen.size >= MAX_OPERATION_LABELS) return 'other';
      seen.add(name);
      return name;
    };
    return {
      async requestDidStart() {
        const stopTimer = histogram.startTimer();
        return {
          async willSendResponse({ operationName, operation, errors }) {
            stopTimer({
              operation: label(operationName),
              type: operation?.operation ?? 'unknown',
              outcome: errors?.length ? 'error' : 'ok',
            });
          },
        };
      },
    };
  }
}

/** Whether an `Authorization` header may read metrics: any, without a token; else `Bearer <token>`, compared in constant time. */
export function metricsReadAllowed(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (given === undefined) return false;
  // Digests have equal lengths, so the comparison reveals nothing about the token's length either.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
