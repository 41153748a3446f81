import { request as httpRequest } from 'node:http';
import {
  countRows,
  graphql,
  pipelineStatus,
  postNdjson,
  RedisServerProcess,
  sleep,
  TcpProxy,
  TestStack,
  toNdjson,
  waitUntil,
  type TestDatabase,
} from '@tns/testing';
import { realBackends } from '../requirements';

jest.setTimeout(180_000);

/** Signals that carry identifiers, so every table of a batch is written. */
function sessionStarted(n: number): Record<string, unknown> {
  return {
    id: `evt_${n}`,
    type: 'session.started',
    accountId: `u_${n % 97}`,
    occurredAt: new Date(Date.now() - 120_000 + (n % 1000)).toISOString(),
    data: { sessionId: `s_${n}`, ip: `198.51.${(n >> 8) & 255}.${n & 255}`, deviceId: `dev-${n % 301}` },
  };
}

/**
 * Whether no statement runs on this database but ours: a statement a killed process had sent
 * still runs to its end on the server, and commits (the backend notices the dead client only
 * when it answers). What was stored after a crash is known once those have ended.
 */
async function statementsSettled(db: TestDatabase): Promise<boolean> {
  const [row] = await db.dataSource.query(
    `SELECT count(*)::int AS running FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state = 'active'`,
  );
  return row.running === 0;
}

async function storageTotals(db: TestDatabase): Promise<{ signals: number; distinct: number; receipts: number; batched: number }> {
  const [row] = await db.dataSource.query(`SELECT
      (SELECT count(*) FROM signal)::int AS signals,
      (SELECT count(DISTINCT (marketplace_id, id)) FROM signal)::int AS distinct,
      (SELECT count(*) FROM signal_receipt)::int AS receipts,
      (SELECT coalesce(sum(signal_count), 0) FROM signal_batch)::int AS batched`);
  return row;
}

describe('ingestion when a process or a dependency fails', () => {
  let stack: TestStack;
  let db: TestDatabase;
  let key: string;

  beforeAll(async () => {
    stack = await TestStack.create(realBackends);
    db = stack.database;
    await stack.createMarketplace('omega');
    key = await stack.createApiKey('omega', 'signals:write,risk:read');
  });

  afterEach(async () => {
    await stack.stopApps('SIGKILL');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('loses nothing and duplicates nothing when the process is SIGKILLed mid-body and the client retries', async () => {
    const signals = Array.from({ length: 20_000 }, (_, i) => sessionStarted(i));
    const body = Buffer.from(toNdjson(signals));
    const first = await stack.start('ingestion');

    // Send the first half, and stop sending until some batches are committed.
    const request = httpRequest(`${first.url}/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` },
    });
    const failed = new Promise<string>((resolve) => {
      request.on('error', (error) => resolve(error.message));
      request.on('response', (response) => resolve(`unexpected answer ${response.statusCode}`));
    });
    request.write(body.subarray(0, body.length / 2));
    await waitUntil(async () => (await storageTotals(db)).signals >= 2_000, 20_000, 'some batches committed');
    await first.stop('SIGKILL');
    expect(await failed).toMatch(/socket hang up|ECONNRESET|EPIPE/);
    await waitUntil(() => statementsSettled(db), 20_000, 'the killed process’s statements ended');
    const afterCrash = await storageTotals(db);
    expect(afterCrash.signals).toBeGreaterThan(0);
    expect(afterCrash.signals).toBeLessThan(20_000);
    // Committed batches are whole: every stored signal has its receipt and its batch record.
    expect(afterCrash).toEqual({ signals: afterCrash.signals, distinct: afterCrash.signals, receipts: afterCrash.signals, batched: afterCrash.signals });

    const second = await stack.start('ingestion');
    const retry = await postNdjson(second.url, key, body);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ accepted: 20_000 - afterCrash.signals, duplicates: afterCrash.signals, rejected: 0 });
    expect(await storageTotals(db)).toEqual({ signals: 20_000, distinct: 20_000, receipts: 20_000, batched: 20_000 });
    expect((await pipelineStatus(second.url, key)).backlog).toBe(20_000);
  });

  it('accepts and stores signals while Redis is down, and delivers them to detection when it returns', async () => {
    // A marketplace of its own: earlier tests' batches went to another Redis, with no detection on it.
    const outageId = await stack.createMarketplace('redis-outage');
    const outboxOfOutage = () =>
      countRows(db.dataSource, `SELECT count(*) AS n FROM outbox_message WHERE marketplace_id = $1`, [outageId]);
    const outageKey = await stack.createApiKey('redis-outage', 'signals:write,risk:read');
    const redis = await RedisServerProcess.start();
    try {
      const ingestion = await stack.start('ingestion', { REDIS_URL: redis.url }, { waitFor: 'ready' });
      await redis.kill();

      const signals = Array.from({ length: 1_200 }, (_, i) => sessionStarted(100_000 + i));
      const answer = await postNdjson(ingestion.url, outageKey, toNdjson(signals));
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ accepted: 1_200, rejected: 0 });
      expect((await pipelineStatus(ingestion.url, outageKey)).backlog).toBe(1_200);
      await sleep(500);
      expect(await outboxOfOutage()).toBeGreaterThan(0);

      await redis.restart();
      // A detection worker that finishes every batch it gets: the backlog drains only if every job arrived.
      await stack.start('detection', { REDIS_URL: redis.url });
      await waitUntil(
        async () => (await pipelineStatus(ingestion.url, outageKey)).backlog === 0,
        60_000,
        'detection to drain the backlog',
      );
      expect(await outboxOfOutage()).toBe(0);
      await stack.stopApps('SIGTERM');
    } finally {
      await redis.kill();
    }
  });

  it('answers 503 while PostgreSQL is gone, writes nothing half, and recovers when it returns', async () => {
    const server = new URL(db.url);
    const proxy = new TcpProxy(Number(server.port || 5432), server.hostname);
    await proxy.open();
    const viaProxy = db.url.replace(server.host, `127.0.0.1:${proxy.port}`);
    const ingestion = await stack.start('ingestion', { DATABASE_URL: viaProxy });
    const batch = (from: number) => toNdjson(Array.from({ length: 1_000 }, (_, i) => sessionStarted(200_000 + from + i)));
    expect((await postNdjson(ingestion.url, key, batch(0))).body).toMatchObject({ accepted: 1_000 });
    const before = await storageTotals(db);

    await proxy.cut();
    const refused = await postNdjson(ingestion.url, key, batch(1_000));
    expect(refused.status).toBe(503);
    expect(refused.body.error).toBe('UNAVAILABLE');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const viaGraphql = await graphql(ingestion.url, key, 'mutation($s:[SignalInput!]!){ ingestSignals(signals:$s){ accepted } }', {
      s: [sessionStarted(299_999)],
    });
    expect(viaGraphql.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(await storageTotals(db)).toEqual(before);
    expect(ingestion.child.exitCode).toBeNull();

    await proxy.open();
    await waitUntil(async () => (await postNdjson(ingestion.url, key, batch(1_000))).status === 200, 30_000, 'recovery');
    const after = await storageTotals(db);
    expect(after.signals).toBe(before.signals + 1_000);
    expect(after).toEqual({ signals: after.signals, distinct: after.signals, receipts: after.signals, batched: after.signals });
    await proxy.cut();
  });
});
