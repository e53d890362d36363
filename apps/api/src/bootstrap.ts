import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { PinoNestLogger, clientErrorHandler } from '@bottega/core';
import { AppModule } from './app.module';
import { appConfig } from './config/app-config';
import type { Env } from './config/env.schema';
import { registerWebApp } from './web/web-app';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Builds the Nest application on Fastify (not yet listening). */
export async function createApp(env: Env, databaseUrl: string, logger: Logger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    forceCloseConnections: 'idle',
    // A request (headers and body) must arrive within this time, so slow senders cannot hold sockets open.
    requestTimeout: env.REQUEST_TIMEOUT_MS,
    http: {
      headersTimeout: Math.min(env.REQUEST_TIMEOUT_MS, 60_000),
      connectionsCheckingInterval: Math.min(env.REQUEST_TIMEOUT_MS / 4, 1_000),
    },
    clientErrorHandler,
    // Keep a caller's request id (from a proxy) so logs line up across services.
    genReqId: (request: IncomingMessage) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(appConfig(env, databaseUrl, logger)), adapter, {
    logger: new PinoNestLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  // The web app's pages, on the same port: a catch-all GET behind every API route.
  try {
    await registerWebApp(app, { mode: env.WEB_APP, distDir: env.WEB_DIST_DIR, publicUrl: env.PUBLIC_URL, logger: logger.child({ component: 'web' }) });
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
