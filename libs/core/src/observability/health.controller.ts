import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import type { DataSource } from 'typeorm';
import { HealthChecks } from './health-checks';

type Check = 'up' | 'down';

/** A database that stopped answering is down; the probe must answer before the prober gives up. */
const CHECK_TIMEOUT_MS = 2_000;

/** While the server closes, Fastify itself answers 503 to every request. */
@Controller()
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly checks: HealthChecks,
  ) {}

  /** Liveness: the process answers. */
  @Get('health/live')
  @HttpCode(HttpStatus.OK)
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers. Other dependencies are reported beside it, without making the process unready. */
  @Get('health')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    let timer: NodeJS.Timeout | undefined;
    const others = this.checks.run(CHECK_TIMEOUT_MS);
    const database: Check = await Promise.race([
      this.db.query('SELECT 1').then(
        (): Check => 'up',
        (): Check => 'down',
      ),
      new Promise<Check>((done) => (timer = setTimeout(() => done('down'), CHECK_TIMEOUT_MS))),
    ]);
    clearTimeout(timer);
    const ready = database === 'up';
    reply.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : 'unavailable', checks: { database, ...(await others) } };
  }
}
