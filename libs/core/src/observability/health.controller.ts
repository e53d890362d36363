import { Controller, Get, Header, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { Metrics } from './metrics';

type Check = 'up' | 'down';

/** While the server closes, Fastify itself answers 503 to every request. */
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly metrics: Metrics,
  ) {}

  /** Liveness: the process answers. */
  @Get('health/live')
  @HttpCode(HttpStatus.OK)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers. */
  @Get('health')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const database: Check = await this.db
      .query('SELECT 1')
      .then((): Check => 'up')
      .catch((): Check => 'down');
    const ready = database === 'up';
    reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : 'unavailable', checks: { database } };
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metricsText(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
