import type { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared-query';
import { returningRows } from '../returning-rows';

/** A job to hand to a queue once the transaction that caused it commits. */
export interface OutboxMessage {
  queue: string;
  jobName: string;
  payload: Record<string, unknown>;
  marketplaceId?: string | null;
}

export interface ClaimedOutboxMessage extends OutboxMessage {
  id: string;
  attempts: number;
}

export interface OutboxBacklog {
  pending: number;
  oldestCreatedAt: Date | null;
}

export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes messages inside the caller's transaction, so they exist exactly when its data does. */
  async add(manager: EntityManager, messages: readonly OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await manager.query(
      `INSERT INTO outbox_message (queue, job_name, payload, marketplace_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::uuid[])`,
      [
        messages.map((message) => message.queue),
        messages.map((message) => message.jobName),
        messages.map((message) => JSON.stringify(message.payload)),
        messages.map((message) => message.marketplaceId ?? null),
      ],
    );
  }

  /**
   * Leases up to `limit` messages for `leaseMs`. A relay that dies holding a lease loses it
   * when it expires, and another relay sends the messages again (consumers deduplicate).
   */
  async claim(limit: number, leaseMs: number): Promise<ClaimedOutboxMessage[]> {
    const rows = returningRows<{
      id: string;
      queue: string;
      job_name: string;
      payload: Record<string, unknown>;
      marketplace_id: string | null;
      attempts: number;
    }>(
      // Prepared, like complete(): the relay runs a pass per few calls at single-call rates.
      await queryPrepared(
        this.dataSource,
        'claim_outbox',
        `UPDATE outbox_message SET claimed_until = clock_timestamp() + make_interval(secs => $2::float8 / 1000),
           attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox_message
           WHERE claimed_until IS NULL OR claimed_until < clock_timestamp()
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING id, queue, job_name, payload, marketplace_id, attempts`,
        [limit, leaseMs],
      ),
    );
    return rows
      .map((row) => ({
        id: String(row.id),
        queue: row.queue,
        jobName: row.job_name,
        payload: row.payload,
        marketplaceId: row.marketplace_id,
        attempts: row.attempts,
      }))
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Delivered: the queue has them now. */
  async complete(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await queryPrepared(this.dataSource, 'complete_outbox', `DELETE FROM outbox_message WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Not delivered: try again after `retryInMs`. */
  async release(ids: readonly string[], error: string, retryInMs: number): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE outbox_message
       SET claimed_until = clock_timestamp() + make_interval(secs => $3::float8 / 1000), last_error = left($2, 1000)
       WHERE id = ANY($1::bigint[])`,
      [ids, error, retryInMs],
    );
  }

  async backlog(): Promise<OutboxBacklog> {
    const rows: { pending: string; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox_message`,
    );
    return { pending: Number(rows[0]?.pending ?? 0), oldestCreatedAt: rows[0]?.oldest ?? null };
  }
}
