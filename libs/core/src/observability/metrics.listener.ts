import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CORE_OPTIONS, type CoreOptions } from '../core.options';
import { Metrics, metricsReadAllowed } from './metrics';

/**
 * `GET /metrics` on a port of its own (METRICS_PORT), for a Prometheus inside
 * the network while the API's port faces the public. Nothing else is served.
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | undefined;

  constructor(
    private readonly metrics: Metrics,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { port, host, token } = this.options.metrics;
    if (port === undefined) return;
    const registry = this.metrics.registry;
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || new URL(request.url ?? '/', 'http://metrics').pathname !== '/metrics') {
        response.writeHead(404).end();
      } else if (!metricsReadAllowed(request.headers.authorization, token)) {
        response.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"' }).end();
      } else {
        registry.metrics().then(
          (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
          (err: unknown) => {
            this.options.logger.error({ err }, 'metrics could not be collected');
            response.writeHead(500).end();
          },
        );
      }
    });
    // A port already taken stops the start-up, loudly, like the API's own port would.
    await new Promise<void>((listening, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        listening();
      });
    });
    this.server = server;
    this.options.logger.info({ port: (server.address() as AddressInfo).port, host }, 'metrics served on their own port');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((closed) => server.close(() => closed()));
  }
}
