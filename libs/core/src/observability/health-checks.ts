import { Injectable } from '@nestjs/common';

/** What a dependency's check reports: up, working but behind or partly failing, or down. */
export interface HealthReport {
  status: 'up' | 'degraded' | 'down';
  [detail: string]: unknown;
}

/**
 * Checks of dependencies the API can serve without (a search engine): each
 * shows in `/health`, but none makes the process unready, since restarting
 * or unrouting it would not bring the dependency back.
 */
@Injectable()
export class HealthChecks {
  private readonly checks = new Map<string, () => Promise<HealthReport>>();

  register(name: string, check: () => Promise<HealthReport>): void {
    if (this.checks.has(name)) throw new Error(`A health check named ${name} is already registered`);
    this.checks.set(name, check);
  }

  /** Every check's report, each bounded by `timeoutMs` (a check that does not answer is down). */
  async run(timeoutMs: number): Promise<Record<string, HealthReport>> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        const report = await Promise.race([
          check().catch((error: unknown): HealthReport => ({ status: 'down', detail: error instanceof Error ? error.message : String(error) })),
          new Promise<HealthReport>((done) => (timer = setTimeout(() => done({ status: 'down', detail: 'no answer in time' }), timeoutMs))),
        ]);
        clearTimeout(timer);
        return [name, report] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}
