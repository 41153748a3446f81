import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppProcess, freePort } from '@tns/testing';
import { realBackends } from '../requirements';

/** Environment for an app process of this test: its own queue prefix, free ports. */
export async function appEnvironment(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    DATABASE_URL: realBackends.databaseUrl!,
    REDIS_URL: realBackends.redisUrl!,
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    PORT: String(await freePort()),
    REVIEW_PORT: String(await freePort()),
    HEALTH_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    OUTBOX_POLL_MS: '100',
    ...overrides,
  };
}

/** Runs the admin CLI against the test database and returns its last stdout line. */
export async function cli(env: Record<string, string>, ...args: string[]): Promise<string> {
  const process = AppProcess.start('cli', { DATABASE_URL: env.DATABASE_URL }, args);
  const code = await process.waitForExit(30_000);
  const output = process.output.join('').trim();
  if (code !== 0) throw new Error(`cli ${args.join(' ')} failed (${code}): ${output}`);
  return output.split('\n').pop()!;
}

export async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Queues detection work exactly as ingestion does: the batch row and its outbox message in
 * one transaction. Returns the batch ids.
 */
export async function queueSignalBatches(url: string, marketplaceId: string, count: number): Promise<string[]> {
  return withDatabase(url, async (client) => {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO signal_batch (marketplace_id, signal_count)
       SELECT $1, 10 FROM generate_series(1, $2) RETURNING id`,
      [marketplaceId, count],
    );
    await client.query(
      `INSERT INTO outbox_message (queue, job_name, payload, marketplace_id)
       SELECT 'detection', 'detect-signal-batch', jsonb_build_object('marketplaceId', $1::text, 'batchId', id), $1::uuid
       FROM unnest($2::uuid[]) AS id`,
      [marketplaceId, rows.map((row) => row.id)],
    );
    await client.query('COMMIT');
    return rows.map((row) => row.id);
  });
}

export async function graphql(
  port: string,
  query: string,
  authorization?: string,
  variables?: Record<string, unknown>,
): Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization ? { authorization: `Bearer ${authorization}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as never;
}
