import type { DataSource, EntityManager } from 'typeorm';

/** A stored signal as detection reads it: the redacted payload, plus the raw IP while it is retained. */
export interface DetectionSignalRow {
  id: string;
  type: string;
  accountId: string;
  occurredAt: Date;
  /** The pseudonymised `data` as stored. */
  data: Record<string, unknown>;
  /** The raw address behind `data.ip` (a pseudonym), or null when the signal has none or it was purged. */
  rawIp: string | null;
}

export interface DetectionBatch {
  accountIds: string[];
  signals: DetectionSignalRow[];
}

/**
 * Detection's read side of the signal tables (written by ingestion). Separate from
 * SignalRepository so that detection's queries and ingestion's writes evolve apart.
 */
export class DetectionSignalRepository {
  constructor(readonly dataSource: DataSource) {}

  /**
   * The batch's accounts and its signals, in (occurred_at, id) order; null for an unknown batch.
   * The signals are reached through the account index (`signal_batch.account_ids`), so the read is
   * one index range per account rather than a scan of every partition.
   */
  async batchForDetection(manager: EntityManager, marketplaceId: string, batchId: string): Promise<DetectionBatch | null> {
    const batches: { account_ids: string[] }[] = await manager.query(
      `SELECT account_ids FROM signal_batch WHERE marketplace_id = $1 AND id = $2`,
      [marketplaceId, batchId],
    );
    if (batches.length === 0) return null;
    const accountIds = batches[0].account_ids;
    if (accountIds.length === 0) return { accountIds, signals: [] };
    const signals: DetectionSignalRow[] = await manager.query(
      `SELECT s.id, s.type, s.account_id AS "accountId", s.occurred_at AS "occurredAt", s.data, r.raw_value AS "rawIp"
       FROM signal s
       LEFT JOIN identifier_raw_value r
         ON r.marketplace_id = s.marketplace_id AND r.pseudonym = s.data->>'ip' AND r.kind = 'ip'
       WHERE s.marketplace_id = $1 AND s.account_id = ANY($2::text[]) AND s.batch_id = $3
       ORDER BY s.occurred_at, s.id`,
      [marketplaceId, accountIds, batchId],
    );
    return { accountIds, signals };
  }
}
