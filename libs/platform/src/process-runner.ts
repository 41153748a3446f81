import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { ConfigError, loadPlatformConfig, type PlatformConfig } from '@tns/config';
import { startEmbeddedPostgres } from '@tns/database';
import { createLogger, histogram, PinoNestLogger } from '@tns/observability';

/** Anything the process must close, in order, on SIGTERM. */
export interface Closable {
  name: string;
  close(): Promise<void>;
}

export interface ProcessContext {
  config: PlatformConfig;
  logger: Logger;
}

/**
 * The life of one OS process: validate config (one clear line and exit 1 when wrong), start
 * its apps, and on SIGTERM/SIGINT stop taking work, let in-flight work finish or hand it back,
 * close pools, and exit. A second signal, or the grace period running out, exits at once.
 */
export async function runProcess(
  name: string,
  start: (context: ProcessContext) => Promise<Closable[]>,
): Promise<void> {
  let config: PlatformConfig;
  try {
    config = loadPlatformConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(name, config.LOG_LEVEL);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  let closables: Closable[] = [];
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown grace period over: exiting with work unfinished');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    force.unref();
    for (const closable of closables) {
      try {
        await closable.close();
      } catch (error) {
        logger.error({ err: error, closing: closable.name }, 'error while closing');
      }
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    closables = await start({ config, logger });
    if (!config.DATABASE_URL) {
      // Last to close: the embedded server outlives every pool that uses it.
      const embedded = await startEmbeddedPostgres(config.DATA_DIR);
      closables.push({ name: 'embedded-postgres', close: () => embedded.stop() });
    }
  } catch (error) {
    logger.fatal({ err: error }, `${name} failed to start`);
    process.stderr.write(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

const requestSeconds = histogram(
  'tns_http_request_duration_seconds',
  'HTTP requests by method, route and status class: seconds in the server',
  ['method', 'route', 'status'],
  [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60],
);

/** A Nest app serving HTTP (GraphQL, REST, health) on Fastify. */
export async function startHttpApp(
  module: unknown,
  options: { port: number; host: string; logger: Logger; bodyLimitBytes?: number },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: options.bodyLimitBytes ?? 10 * 1024 * 1024 });
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, {
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
  });
  // Time spent in the server per request, from the first byte read to the reply sent: what a
  // caller sees beyond it is network and queueing.
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    requestSeconds.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: `${Math.floor(reply.statusCode / 100)}xx` },
      reply.elapsedTime / 1000,
    );
    done();
  });
  await app.listen(options.port, options.host);
  return app;
}


/** A Nest app without HTTP (a worker inside the one-process mode). */
export function startContextApp(module: unknown, logger: Logger): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(module as never, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
}

export function closableApp(name: string, app: INestApplicationContext): Closable {
  return { name, close: () => app.close() };
}

/**
 * A queue worker. Alone, it serves /health and /metrics on its health port; inside the
 * one-process mode the HTTP apps answer for the whole process.
 */
export async function startWorkerApp(
  module: unknown,
  options: { standalone: boolean; healthPort: number; host: string; logger: Logger },
): Promise<INestApplicationContext> {
  if (!options.standalone) return startContextApp(module, options.logger);
  return startHttpApp(module, { port: options.healthPort, host: options.host, logger: options.logger });
}
