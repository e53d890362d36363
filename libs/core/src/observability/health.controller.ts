import { Controller, Get, Header, HttpCode, HttpStatus, Res, type BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Metrics } from './metrics';

type Check = 'up' | 'down';

@Controller()
export class HealthController implements BeforeApplicationShutdown {
  private draining = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: Metrics,
  ) {}

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  /** Liveness: the process answers. */
  @Get('health/live')
  @HttpCode(HttpStatus.OK)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and the process is not shutting down. */
  @Get('health')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const database: Check = await this.db
      .query('SELECT 1')
      .then((): Check => 'up')
      .catch((): Check => 'down');
    const ready = database === 'up' && !this.draining;
    reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : 'unavailable', draining: this.draining, checks: { database } };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
