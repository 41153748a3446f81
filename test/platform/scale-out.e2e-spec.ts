import { randomBytes } from 'node:crypto';
import { AppProcess, eventually, freePort, RedisServerProcess, withDatabase } from '@tns/testing';
import { describeWithRealBackends } from '../requirements';
import { appEnvironment, queueSignalBatches } from './platform-harness';

describeWithRealBackends('apps started alone and scaled out', () => {
  let env: Record<string, string>;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    env = await appEnvironment();
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
  });

  // A detection pass holds its marketplace's graph and takes the marketplace's pending batches
  // along, so workers share the work of many marketplaces, not of one.
  it("shares several marketplaces' detection work between two workers, and both stop cleanly on SIGTERM", async () => {
    const marketplaceIds = await withDatabase(env.DATABASE_URL, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO marketplace (slug, name) SELECT 'scale-' || $1 || '-' || n, 'Scale-out ' || n FROM generate_series(1, 16) AS n RETURNING id`,
        [randomBytes(4).toString('hex')],
      );
      return rows.map((row) => row.id);
    });
    const ports: string[] = [];
    for (let index = 0; index < 2; index++) {
      const port = String(await freePort());
      const worker = AppProcess.start('detection', { ...env, HEALTH_PORT: port });
      workers.push(worker);
      ports.push(port);
      await worker.waitForStatus(`http://127.0.0.1:${port}/health/ready`, 200);
    }
    const batches = await queueSignalBatches(env.DATABASE_URL, marketplaceIds, 25);
    const detectedBy = await eventually(
      () =>
        withDatabase(env.DATABASE_URL, async (client) => {
          const { rows } = await client.query<{ worker: string; n: number }>(
            `SELECT detected_by AS worker, count(*)::int AS n FROM signal_batch
             WHERE id = ANY($1::uuid[]) AND detected_at IS NOT NULL GROUP BY detected_by`,
            [batches],
          );
          return rows;
        }),
      (rows) => rows.reduce((sum, row) => sum + row.n, 0) === 400,
      60_000,
      'all batches detected',
    );
    expect(detectedBy.reduce((sum, row) => sum + row.n, 0)).toBe(400);
    // Both workers took jobs off the queue: passes that detected batches, or found theirs already
    // taken along by another pass (which of the two did the passes is a race, not a property).
    for (const port of ports) {
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const handled = [...metrics.matchAll(/^tns_detection_batches_total\{outcome="(?:done|coalesced)"\} (\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
      expect(handled).toBeGreaterThan(0);
    }

    const codes = await Promise.all(workers.map((worker) => worker.stop('SIGTERM')));
    expect(codes).toEqual([0, 0]);
  });

  it('starts the enforcement worker alone, with its own health endpoint', async () => {
    const port = String(await freePort());
    const enforcement = AppProcess.start('enforcement', { ...env, HEALTH_PORT: port });
    workers.push(enforcement);
    await enforcement.waitForStatus(`http://127.0.0.1:${port}/health/ready`, 200);
    expect(await enforcement.stop('SIGTERM')).toBe(0);
  });

  it('refuses a Redis whose eviction policy could drop jobs, naming the fix', async () => {
    const evicting = await RedisServerProcess.start(['--maxmemory-policy', 'allkeys-lru']);
    try {
      const ingestion = AppProcess.start('ingestion', { ...env, REDIS_URL: evicting.url, PORT: String(await freePort()) });
      expect(await ingestion.waitForExit(30_000)).toBe(1);
      expect(ingestion.output.join('')).toContain('maxmemory-policy is "allkeys-lru", but BullMQ needs "noeviction"');
    } finally {
      await evicting.kill();
    }
  });

  it('stops with one clear line naming a wrong variable', async () => {
    const app = AppProcess.start('review', { ...env, REVIEW_PORT: 'eighty' });
    expect(await app.waitForExit(15_000)).toBe(1);
    expect(app.output.join('').trim()).toBe('Invalid configuration: REVIEW_PORT Invalid input: expected number, received NaN');
  });
});
