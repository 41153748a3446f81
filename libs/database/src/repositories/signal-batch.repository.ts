import type { DataSource, EntityManager } from 'typeorm';
import { affectedCount } from '../returning-rows';

export interface PipelineBacklog {
  /** Signals accepted whose detection work is not finished. */
  signals: number;
  oldestPendingAcceptedAt: Date | null;
}

export class SignalBatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an accepted batch inside the caller's transaction; returns its id. */
  async recordAccepted(manager: EntityManager, marketplaceId: string, signalCount: number): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO signal_batch (marketplace_id, signal_count) VALUES ($1, $2) RETURNING id`,
      [marketplaceId, signalCount],
    );
    return rows[0].id;
  }

  /**
   * Records an accepted batch under a caller-chosen id (the signals rows carry it) together with
   * the accounts it touched, inside the caller's transaction.
   */
  async recordAcceptedBatch(
    manager: EntityManager,
    marketplaceId: string,
    batch: { id: string; signalCount: number; accountIds: readonly string[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO signal_batch (id, marketplace_id, signal_count, account_ids) VALUES ($1, $2, $3, $4::text[])`,
      [batch.id, marketplaceId, batch.signalCount, batch.accountIds],
    );
  }

  /** Marks detection finished; false when it already was (a repeated job). */
  async markDetected(manager: EntityManager, marketplaceId: string, batchId: string, worker: string): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE signal_batch SET detected_at = clock_timestamp(), detected_by = $3
       WHERE marketplace_id = $1 AND id = $2 AND detected_at IS NULL`,
      [marketplaceId, batchId, worker],
    );
    return affectedCount(result) === 1;
  }

  async backlog(marketplaceId: string): Promise<PipelineBacklog> {
    const rows: { signals: string | null; oldest: Date | null }[] = await this.dataSource.query(
      `SELECT sum(signal_count) AS signals, min(accepted_at) AS oldest
       FROM signal_batch WHERE marketplace_id = $1 AND detected_at IS NULL`,
      [marketplaceId],
    );
    return { signals: Number(rows[0]?.signals ?? 0), oldestPendingAcceptedAt: rows[0]?.oldest ?? null };
  }
}
