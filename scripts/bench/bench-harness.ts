// What the benchmarks share: a throwaway database and queue prefix on the real PostgreSQL and
// Redis, the apps started from dist/ as production starts them, and the measures they read off
// those processes.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CreateApiKeyUseCase, CreateMarketplaceUseCase } from '@tns/auth';
import { ApiKeyRepository, createDataSource, MarketplaceRepository, runMigrations } from '@tns/database';
import { REPOSITORY_ROOT } from '../repository-root';

export const ADMIN_URL = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const log = (line: string): void => void process.stdout.write(`${line}\n`);

/** `--name value` from the command line, or undefined. */
export function textOption(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** `--name N` from the command line, or the fallback. */
export function option(name: string, fallback: number): number {
  const text = textOption(name);
  return text === undefined ? fallback : Number(text);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const formatRate = (perSecond: number): string => Math.round(perSecond).toLocaleString('en-US');

export function describeMachine(): string {
  return `${cpus().length} × ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

/** A migrated database and a queue prefix of their own, with one marketplace and its API key. */
export interface BenchEnvironment {
  databaseUrl: string;
  queuePrefix: string;
  apiKey: string;
  admin: Client;
  serverVersion: string;
  /** Drops the database and the queue keys. */
  dispose(): Promise<void>;
}

export async function createBenchEnvironment(scopes = 'signals:write,risk:read'): Promise<BenchEnvironment> {
  const database = `tns_bench_${randomBytes(4).toString('hex')}`;
  const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${database}`);
  const queuePrefix = `bench${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const dispose = async (): Promise<void> => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
    await deleteQueueKeys(queuePrefix);
  };
  try {
    const dataSource = await createDataSource({
      url: databaseUrl,
      poolSize: 2,
      applicationName: 'bench',
    }).initialize();
    await runMigrations(dataSource);
    const marketplaces = new MarketplaceRepository(dataSource);
    await new CreateMarketplaceUseCase(marketplaces).execute('bench');
    const { key } = await new CreateApiKeyUseCase(marketplaces, new ApiKeyRepository(dataSource)).execute(
      'bench',
      scopes,
    );
    await dataSource.destroy();
    const serverVersion = (await admin.query<{ server_version: string }>(`SHOW server_version`)).rows[0]
      .server_version;
    return { databaseUrl, queuePrefix, apiKey: key, admin, serverVersion, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function deleteQueueKeys(queuePrefix: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

/** How docker-compose.yml and `npm run start:ingestion` run the ingestion app (capped old generation, roomy young one). */
export const INGESTION_NODE_ARGUMENTS = ['--max-old-space-size=192', '--max-semi-space-size=32'];

export interface RunningApp {
  /** Where its HTTP server (API or health endpoints) listens. */
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts one app from dist/ (`apps/<name>/src/main.js`) against the environment and waits for its
 * readiness endpoint. `env` adds to or overrides the defaults; `nodeArguments` go to node itself
 * (`--cpu-prof`, say).
 */
export async function startApp(
  name: string,
  environment: BenchEnvironment,
  env: Record<string, string> = {},
  nodeArguments: readonly string[] = [],
): Promise<RunningApp> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...nodeArguments, join(REPOSITORY_ROOT, `dist/apps/${name}/src/main.js`)],
    {
      cwd: REPOSITORY_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        DATABASE_URL: environment.databaseUrl,
        REDIS_URL,
        QUEUE_PREFIX: environment.queuePrefix,
        PORT: String(port),
        HEALTH_PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  // A bench that dies of an uncaught error must not leave the app running: a stray one
  // keeps polling and skews every later measurement on the machine.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', killOnExit);
      resolve();
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      // starting
    }
    if (i > 600 || child.exitCode !== null) throw new Error(`${name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A port nothing listens on now (a random one in a fixed range once collided with a connection's own port). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function procStatus(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) / 1024;
}

/** Peak resident memory of a process so far (VmHWM), MB. */
export const peakRssMb = (pid: number): number => procStatus(pid, 'VmHWM');
export const currentRssMb = (pid: number): number => procStatus(pid, 'VmRSS');

/** Cumulative bucket counts (upper bound in seconds → requests) of a route's server-side latency histogram. */
export async function serverLatencyBuckets(appUrl: string, route: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${appUrl}/metrics`)).text();
  const buckets = new Map<number, number>();
  const pattern = /^tns_http_request_duration_seconds_bucket\{([^}]*)\} (\d+)$/gm;
  for (const [, labels, count] of text.matchAll(pattern)) {
    if (!labels.includes(`route="${route}"`) || !labels.includes('status="2xx"')) continue;
    const le = /le="([^"]+)"/.exec(labels)?.[1];
    const bound = le === '+Inf' ? Infinity : Number(le);
    buckets.set(bound, (buckets.get(bound) ?? 0) + Number(count));
  }
  return buckets;
}

/** The smallest bucket bound (ms) within which `p` % of the requests between two readings were served. */
export function serverPercentileBoundMs(before: Map<number, number>, after: Map<number, number>, p: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  for (const bound of bounds) {
    if ((after.get(bound) ?? 0) - (before.get(bound) ?? 0) >= (p / 100) * total) return bound * 1000;
  }
  return Infinity;
}

/** CPU seconds (user + system) a process has used so far, with its exited children's if asked. */
export function cpuSeconds(pid: number, { withReapedChildren = false } = {}): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // After the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based, man proc).
  const own = Number(fields[11]) + Number(fields[12]);
  return (withReapedChildren ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
}

/**
 * CPU seconds used so far by the PostgreSQL server of this machine (the processes /proc shows),
 * or undefined when there are none (a remote server). A backend that exited is counted too: its
 * time moves to the postmaster's reaped-children fields (cutime, cstime), which are added.
 */
export function postgresCpuSeconds(): number | undefined {
  let total = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      total += cpuSeconds(Number(entry), { withReapedChildren: true });
      found = true;
    } catch {
      // the process ended meanwhile
    }
  }
  return found ? total : undefined;
}
