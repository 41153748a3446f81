import type { DataSource, EntityManager } from 'typeorm';
import { affectedCount } from '../returning-rows';

export interface PipelineBacklog {
  /** Signals accepted whose detection work is not finished. */
  signals: number;
  oldestPendingAcceptedAt: Date | null;
}

/** An accepted batch detection has not finished, as a detection pass claims it. */
export interface PendingBatch {
  id: string;
  signalCount: number;
}

export class SignalBatchRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims batches for one detection pass, inside the caller's transaction: `batchId` itself
   * (waiting while another pass holds it; nothing when it is already detected), then other pending
   * batches of the marketplace, oldest first, up to `maxSignals` in all, skipping those another
   * pass holds (they still count against the budget: a pass may take less than it allows).
   * Claimed batches stay locked until the transaction ends, so each is detected once.
   */
  async claimForDetection(manager: EntityManager, marketplaceId: string, batchId: string, maxSignals: number): Promise<PendingBatch[]> {
    const own = await this.lockPending(manager, marketplaceId, [batchId], false);
    if (own.length === 0) return [];
    const candidates: { id: string }[] = await manager.query(
      `SELECT id FROM (
         SELECT id, accepted_at, sum(signal_count) OVER (ORDER BY accepted_at, id) AS running
         FROM signal_batch
         WHERE marketplace_id = $1 AND detected_at IS NULL AND id <> $2
         ORDER BY accepted_at, id
         LIMIT 1000
       ) pending
       WHERE running <= $3
       ORDER BY accepted_at, id`,
      [marketplaceId, batchId, maxSignals - own[0].signalCount],
    );
    if (candidates.length === 0) return own;
    return [...own, ...(await this.lockPending(manager, marketplaceId, candidates.map((row) => row.id), true))];
  }

  private async lockPending(manager: EntityManager, marketplaceId: string, ids: readonly string[], skipLocked: boolean): Promise<PendingBatch[]> {
    const rows: { id: string; signal_count: number }[] =
      await manager.query(
        `SELECT id, signal_count FROM signal_batch
         WHERE marketplace_id = $1 AND id = ANY($2::uuid[]) AND detected_at IS NULL
         ORDER BY accepted_at, id
         FOR UPDATE ${skipLocked ? 'SKIP LOCKED' : ''}`,
        [marketplaceId, ids],
      );
    // A pass waited for may have detected the batch meanwhile: the row is re-read after the lock.
    return rows.map((row) => ({ id: row.id, signalCount: row.signal_count }));
  }

  /** Marks detection finished for claimed batches. */
  async markDetected(manager: EntityManager, marketplaceId: string, batchIds: readonly string[], worker: string): Promise<number> {
    return affectedCount(
      await manager.query(
        `UPDATE signal_batch SET detected_at = clock_timestamp(), detected_by = $3
         WHERE marketplace_id = $1 AND id = ANY($2::uuid[]) AND detected_at IS NULL`,
        [marketplaceId, batchIds, worker],
      ),
    );
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
