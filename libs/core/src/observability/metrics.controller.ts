import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { Metrics, metricsReadAllowed } from './metrics';

/** `GET /metrics` on the API's port; registered only when configuration puts it there. */
@Controller()
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  @Get('metrics')
  async metricsText(@Headers('authorization') authorization: string | undefined, @Res({ passthrough: true }) reply: FastifyReply) {
    if (!metricsReadAllowed(authorization, this.options.metrics.token)) {
      reply.status(401).header('www-authenticate', 'Bearer realm="metrics"');
      return { statusCode: 401, message: 'Unauthorized' };
    }
    reply.header('content-type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
