import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { redisConnectionFromUrl } from '@tns/queue';
import { AppProcess, cli, eventually, freePort, withDatabase } from '@tns/testing';
import { describeWithRealBackends } from '../requirements';
import { appEnvironment, queueSignalBatches } from './platform-harness';

describeWithRealBackends('graceful shutdown of a busy worker', () => {
  const started: AppProcess[] = [];

  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop()));
  });

  it('finishes or hands back its jobs on SIGTERM, leaving none stalled, and a successor completes the rest', async () => {
    const env = await appEnvironment();
    const marketplaceId = await cli(env, 'marketplace', 'create', `drain-${randomBytes(4).toString('hex')}`);
    const queue = new Queue('detection', { connection: redisConnectionFromUrl(env.REDIS_URL), prefix: env.QUEUE_PREFIX });
    try {
      const detected = (): Promise<number> =>
        withDatabase(env.DATABASE_URL, async (client) => {
          const { rows } = await client.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM signal_batch WHERE marketplace_id = $1 AND detected_at IS NOT NULL`,
            [marketplaceId],
          );
          return rows[0].n;
        });

      const first = AppProcess.start('detection', { ...env, HEALTH_PORT: String(await freePort()) });
      started.push(first);
      await queueSignalBatches(env.DATABASE_URL, marketplaceId, 1500);
      await eventually(detected, (n) => n >= 50, 60_000, 'the first worker busy');

      expect(await first.stop('SIGTERM', 30_000)).toBe(0);
      const counts = await queue.getJobCounts('active');
      expect(counts.active).toBe(0);

      const successor = AppProcess.start('detection', { ...env, HEALTH_PORT: String(await freePort()) });
      started.push(successor);
      await eventually(detected, (n) => n === 1500, 90_000, 'every batch detected');
    } finally {
      await queue.close();
    }
  });
});
