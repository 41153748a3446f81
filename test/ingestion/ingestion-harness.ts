// Test harness for the ingestion e2e tests: a throwaway database on the real PostgreSQL, marketplaces
// and keys made through the real use cases, and the ingestion (or detection) app as a real child
// process built by `npm run build`, so a test can SIGKILL it or take its database away.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket, connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { CreateApiKeyUseCase, CreateMarketplaceUseCase } from '@tns/auth';
import { ApiKeyRepository, createDataSource, MarketplaceRepository, runMigrations } from '@tns/database';

export const ROOT = join(__dirname, '..', '..');
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = 'redis://127.0.0.1:6379';

let built = false;
/** Builds dist/ once per test file (the apps run as real processes). */
export function buildOnce(): void {
  if (built) return;
  execSync('npm run -s build', { cwd: ROOT, stdio: 'pipe' });
  built = true;
}

export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tns_test_ingest_${randomBytes(5).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = `postgres://postgres@127.0.0.1:5432/${name}`;
  const dataSource = await createDataSource({ url, poolSize: 4, applicationName: 'tns-test' }).initialize();
  await runMigrations(dataSource);
  return {
    name,
    url,
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin(work: (client: Client) => Promise<unknown>): Promise<void> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

export async function createMarketplace(dataSource: DataSource, slug: string): Promise<string> {
  return (await new CreateMarketplaceUseCase(new MarketplaceRepository(dataSource)).execute(slug)).id;
}

export async function createApiKey(dataSource: DataSource, slug: string, scopes: string): Promise<string> {
  const useCase = new CreateApiKeyUseCase(new MarketplaceRepository(dataSource), new ApiKeyRepository(dataSource));
  return (await useCase.execute(slug, scopes)).key;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote (its JSON log lines). */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts an app from dist/ and waits until it answers /health/live. */
export async function startApp(
  app: 'ingestion' | 'detection',
  env: Record<string, string>,
  options: { waitFor?: 'live' | 'ready' | 'none'; port?: number } = {},
): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  let output = '';
  const child = spawn(process.execPath, [join(ROOT, `dist/apps/${app}/src/main.js`)], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      OUTBOX_POLL_MS: '100',
      ...(app === 'ingestion' ? { PORT: String(port) } : { HEALTH_PORT: String(port) }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const handle: AppProcess = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    kill: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  const waitFor = options.waitFor ?? 'live';
  if (waitFor !== 'none') {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${app} exited during start:\n${output}`);
      try {
        const response = await fetch(`${handle.url}/health/${waitFor}`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        await handle.kill('SIGKILL');
        throw new Error(`${app} did not become ${waitFor}:\n${output}`);
      }
      await sleep(100);
    }
  }
  return handle;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * A TCP proxy to 127.0.0.1:<target> that the test can cut: the app sees its database (or Redis)
 * vanish without the shared server being touched.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly targetPort: number) {}

  async open(port = 0): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, '127.0.0.1');
      this.sockets.add(client).add(upstream);
      const drop = (): void => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(port || this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Stops listening and cuts every open connection. */
  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

// ---------- the marketplace API as a client sees it ----------

export interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: { index: number; id: string | null; path: string; message: string }[];
}

export async function postNdjson(
  url: string,
  key: string | null,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${url}/v1/signals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-ndjson',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
      ...headers,
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

export async function graphql(
  url: string,
  key: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; body: { data?: GraphqlData; errors?: { message: string; extensions?: Record<string, unknown> }[] }; headers: Headers }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}

interface GraphqlData {
  ingestSignals?: IngestAnswer;
  pipelineStatus?: { backlog: number; oldestPendingAgeMs: number | null };
  [field: string]: unknown;
}

export const INGEST_MUTATION = `mutation Ingest($signals: [SignalInput!]!) {
  ingestSignals(signals: $signals) { accepted duplicates rejected errors { index id path message } }
}`;

export async function ingestGraphql(url: string, key: string, signals: unknown[]): Promise<IngestAnswer> {
  const answer = await graphql(url, key, INGEST_MUTATION, { signals });
  if (!answer.body.data?.ingestSignals) throw new Error(`ingestSignals failed: ${JSON.stringify(answer.body)}`);
  return answer.body.data.ingestSignals;
}

export async function pipelineStatus(url: string, key: string): Promise<{ backlog: number; oldestPendingAgeMs: number | null }> {
  const answer = await graphql(url, key, '{ pipelineStatus { backlog oldestPendingAgeMs } }');
  if (!answer.body.data) throw new Error(JSON.stringify(answer.body));
  if (!answer.body.data.pipelineStatus) throw new Error(JSON.stringify(answer.body));
  return answer.body.data.pipelineStatus;
}

export const toNdjson = (signals: unknown[]): string => signals.map((signal) => JSON.stringify(signal)).join('\n') + '\n';

/** A valid signal of a cheap type; `n` makes its id. */
export function sessionEnded(n: number | string, accountId = 'u_1'): Record<string, unknown> {
  return {
    id: `evt_${n}`,
    type: 'session.ended',
    accountId,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    data: { sessionId: `s_${n}` },
  };
}

export async function countRows(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: string }[] = await dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Deletes every key of a test's queue prefix from the shared Redis. */
export async function cleanRedisPrefix(prefix: string, redisUrl = REDIS_URL): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export const uniquePrefix = (): string => `t${randomBytes(4).toString('hex')}`;

/**
 * POST with node:http, keeping the answer even when the server stops reading the body early
 * (a 413 is sent and the connection closed; fetch would report only the write error).
 */
export function rawPost(
  url: string,
  key: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}`, ...headers },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', (error) => setTimeout(() => reject(error), 500));
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    // In 64 KiB pieces, as a streaming client sends.
    for (let offset = 0; offset < bytes.length; offset += 65_536) request.write(bytes.subarray(offset, offset + 65_536));
    request.end();
  });
}
