import { freePort, uniquePrefix, withDatabase } from '@tns/testing';
import { realBackends } from '../requirements';

/** Environment for an app process of this test: the run's database, its own queue prefix, free ports. */
export async function appEnvironment(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    DATABASE_URL: realBackends.databaseUrl!,
    REDIS_URL: realBackends.redisUrl!,
    QUEUE_PREFIX: uniquePrefix(),
    PORT: String(await freePort()),
    REVIEW_PORT: String(await freePort()),
    HEALTH_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    OUTBOX_POLL_MS: '100',
    ...overrides,
  };
}

/**
 * Queues detection work exactly as ingestion does: the batch row and its outbox message in
 * one transaction, `count` batches per marketplace, interleaved across the marketplaces in queue
 * order. Returns the batch ids.
 */
export async function queueSignalBatches(url: string, marketplaceIds: string | readonly string[], count: number): Promise<string[]> {
  return withDatabase(url, async (client) => {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; marketplace_id: string }>(
      `INSERT INTO signal_batch (marketplace_id, signal_count)
       SELECT m.id, 10 FROM generate_series(1, $2) AS g(n), unnest($1::uuid[]) WITH ORDINALITY AS m(id, k)
       ORDER BY g.n, m.k
       RETURNING id, marketplace_id`,
      [typeof marketplaceIds === 'string' ? [marketplaceIds] : marketplaceIds, count],
    );
    await client.query(
      `INSERT INTO outbox_message (queue, job_name, payload, marketplace_id)
       SELECT 'detection', 'detect-signal-batch', jsonb_build_object('marketplaceId', b.marketplace_id::text, 'batchId', b.id), b.marketplace_id
       FROM unnest($1::uuid[], $2::uuid[]) WITH ORDINALITY AS b(id, marketplace_id, n)
       ORDER BY b.n`,
      [rows.map((row) => row.id), rows.map((row) => row.marketplace_id)],
    );
    await client.query('COMMIT');
    return rows.map((row) => row.id);
  });
}
