import type { DataSource } from 'typeorm';
import { AppProcess, MAIN_PORT_VARIABLE, type AppEntry } from './app-process';
import { cleanRedisPrefix, uniquePrefix } from './queue-prefix';
import { freePort } from './redis-server-process';
import { createApiKey, createMarketplace } from './tenants';
import { createTestDatabase, type TestDatabase } from './test-database';

/** What the apps of a stack run with, before the stack's own and the test's variables. */
const APP_DEFAULTS = { NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'info', OUTBOX_POLL_MS: '100' };

export interface StartOptions {
  /** Which health endpoint must answer 200 before `start` returns (default `live`); `none`: return at once. */
  waitFor?: 'live' | 'ready' | 'none';
}

/**
 * What an end-to-end suite stands on: a fresh, migrated database of its own on the run's
 * PostgreSQL server, a queue prefix of its own on the run's Redis, and the apps it starts against
 * them as processes (each on a free port). `close()` stops the apps, drops the database and
 * deletes the prefix's keys.
 */
export class TestStack {
  private readonly apps: AppProcess[] = [];

  private constructor(
    readonly database: TestDatabase,
    readonly redisUrl: string,
    readonly queuePrefix: string,
  ) {}

  /** The back ends are those of the run (see `detectTestBackends`); both are required. */
  static async create(backends: { postgresServerUrl?: string; redisUrl?: string }): Promise<TestStack> {
    if (!backends.postgresServerUrl || !backends.redisUrl) {
      throw new Error('an end-to-end stack needs a PostgreSQL server and Redis (DATABASE_URL / REDIS_URL, or local ones)');
    }
    return new TestStack(await createTestDatabase(backends.postgresServerUrl, 'tns_test_e2e'), backends.redisUrl, uniquePrefix());
  }

  get dataSource(): DataSource {
    return this.database.dataSource;
  }

  /** DATABASE_URL, REDIS_URL and QUEUE_PREFIX of this stack. */
  get env(): Record<string, string> {
    return { DATABASE_URL: this.database.url, REDIS_URL: this.redisUrl, QUEUE_PREFIX: this.queuePrefix };
  }

  /** Creates a marketplace through the real use case; returns its id. */
  createMarketplace(slug: string): Promise<string> {
    return createMarketplace(this.dataSource, slug);
  }

  /** Creates an API key of the marketplace `slug` with the scopes (comma-separated); returns the key. */
  createApiKey(slug: string, scopes: string): Promise<string> {
    return createApiKey(this.dataSource, slug, scopes);
  }

  /** Starts an app on this stack (`env` overrides any variable) and waits for its health endpoint. */
  async start(app: Exclude<AppEntry, 'cli'>, env: Record<string, string> = {}, options: StartOptions = {}): Promise<AppProcess> {
    const started = AppProcess.start(app, {
      ...APP_DEFAULTS,
      ...this.env,
      [MAIN_PORT_VARIABLE[app]!]: String(await freePort()),
      ...env,
    });
    this.apps.push(started);
    const waitFor = options.waitFor ?? 'live';
    if (waitFor !== 'none') await started.waitForStatus(`${started.url}/health/${waitFor}`, 200, 30_000);
    return started;
  }

  /** Stops every app started so far, in the order they were started. */
  async stopApps(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    for (const app of this.apps.splice(0)) await app.stop(signal, 60_000);
  }

  async close(): Promise<void> {
    await this.stopApps();
    await this.database.drop();
    await cleanRedisPrefix(this.redisUrl, this.queuePrefix);
  }
}
