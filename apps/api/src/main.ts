import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EmbeddedPostgresError, createLogger } from '@bottega/core';
import { createApp } from './bootstrap';
import { ConfigError, parseEnv } from './config/env.schema';
import { prepareDatabase, type PreparedDatabase } from './database';
import { WebAppMissingError } from './web/web-app';

const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const running: { database?: PreparedDatabase; app?: NestFastifyApplication } = {};
  let stopping = false;

  // Installed first, so a signal during start-up still stops the embedded database.
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests and subscriptions');
    const force = setTimeout(() => {
      logger.error('shutdown grace period passed; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    try {
      await running.app?.close();
      await running.database?.stop();
      clearTimeout(force);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', (signal) => void shutdown(signal));
  process.once('SIGINT', (signal) => void shutdown(signal));

  running.database = await prepareDatabase(env, logger);
  if (stopping) return;
  running.app = await createApp(env, running.database.url, logger);
  if (stopping) return;
  await running.app.listen({ port: env.PORT, host: env.HOST });
  logger.info({ url: `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${env.PORT}/graphql` }, 'Bottega API ready');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else if (error instanceof EmbeddedPostgresError || error instanceof WebAppMissingError) {
    process.stderr.write(`Bottega API failed to start: ${error.message}\n`);
  } else {
    process.stderr.write(`Bottega API failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
