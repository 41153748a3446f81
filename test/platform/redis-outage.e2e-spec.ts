import { randomBytes } from 'node:crypto';
import { AppProcess, cli, eventually, RedisServerProcess, sleep, withDatabase } from '@tns/testing';
import { describeWithRealBackends } from '../requirements';
import { appEnvironment, queueSignalBatches } from './platform-harness';

/**
 * The outbox promise: requests never wait on Redis, and work written while Redis is away is
 * delivered once it returns — exactly once, with no process exiting meanwhile.
 */
describeWithRealBackends('a Redis outage under running apps', () => {
  let redis: RedisServerProcess;
  let env: Record<string, string>;
  let ingestion: AppProcess;
  let detection: AppProcess;
  let marketplaceId: string;

  beforeAll(async () => {
    redis = await RedisServerProcess.start();
    env = await appEnvironment({ REDIS_URL: redis.url });
    marketplaceId = await cli(env, 'marketplace', 'create', `outage-${randomBytes(4).toString('hex')}`);
    ingestion = AppProcess.start('ingestion', env);
    detection = AppProcess.start('detection', env);
    await ingestion.waitForStatus(`http://127.0.0.1:${env.PORT}/health/ready`, 200);
    await detection.waitForStatus(`http://127.0.0.1:${env.HEALTH_PORT}/health/ready`, 200);
  });

  afterAll(async () => {
    await Promise.all([ingestion?.stop(), detection?.stop()]);
    await redis?.kill();
  });

  const detectedCount = (batchIds: string[]): Promise<number> =>
    withDatabase(env.DATABASE_URL, async (client) => {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM signal_batch WHERE id = ANY($1::uuid[]) AND detected_at IS NOT NULL`,
        [batchIds],
      );
      return Number(rows[0].n);
    });

  it('goes unready, keeps running and accepting work, then delivers it exactly once', async () => {
    const before = await queueSignalBatches(env.DATABASE_URL, marketplaceId, 20);
    await eventually(() => detectedCount(before), (n) => n === 20, 30_000, 'work before the outage detected');

    await redis.kill();
    await ingestion.waitForStatus(`http://127.0.0.1:${env.PORT}/health/ready`, 503, 20_000);
    await detection.waitForStatus(`http://127.0.0.1:${env.HEALTH_PORT}/health/ready`, 503, 20_000);

    // The API still answers at once while Redis is away.
    const started = Date.now();
    const live = await fetch(`http://127.0.0.1:${env.PORT}/health/live`);
    expect(live.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2_000);

    const during = await queueSignalBatches(env.DATABASE_URL, marketplaceId, 50);
    await sleep(2_000);
    expect(await detectedCount(during)).toBe(0);
    expect(ingestion.running && detection.running).toBe(true);

    await redis.restart();
    await ingestion.waitForStatus(`http://127.0.0.1:${env.PORT}/health/ready`, 200, 30_000);
    await detection.waitForStatus(`http://127.0.0.1:${env.HEALTH_PORT}/health/ready`, 200, 30_000);
    await eventually(() => detectedCount(during), (n) => n === 50, 60_000, 'work from the outage detected');
    // One pass may detect all 50 batches as soon as the first of their jobs arrives, before the
    // relay has finished handing over (and deleting) the other outbox messages.
    const outboxLeft = (): Promise<number> =>
      withDatabase(env.DATABASE_URL, async (client) => {
        const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_message WHERE marketplace_id = $1`, [marketplaceId]);
        return rows[0].n;
      });
    await eventually(outboxLeft, (n) => n === 0, 30_000, 'every outbox message relayed');

    await withDatabase(env.DATABASE_URL, async (client) => {
      const { rows } = await client.query(
        `SELECT count(*)::int AS batches FROM signal_batch WHERE marketplace_id = $1 AND detected_at IS NOT NULL`,
        [marketplaceId],
      );
      expect(rows[0].batches).toBe(70);
    });
    // The detection work itself ran once per batch, whatever the re-deliveries.
    const metrics = await (await fetch(`http://127.0.0.1:${env.HEALTH_PORT}/metrics`)).text();
    expect(metrics).toContain('tns_detection_batches_total{outcome="done"} 70');
    expect(ingestion.running && detection.running).toBe(true);
  });
});
