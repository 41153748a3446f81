import type { DataSource, EntityManager } from 'typeorm';
import type { PendingBatch } from './signal-batch.repository';

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

/**
 * Detection's read side of the signal tables (written by ingestion). Separate from
 * SignalRepository so that detection's queries and ingestion's writes evolve apart.
 */
export class DetectionSignalRepository {
  constructor(readonly dataSource: DataSource) {}

  /**
   * The signals of claimed batches, in (occurred_at, id) order. They are reached through the
   * account index (`signal_batch.account_ids`) within the batches' time range, so the read is one
   * short index range per account in the partitions the batches span.
   */
  async signalsOf(manager: EntityManager, marketplaceId: string, batches: readonly PendingBatch[]): Promise<DetectionSignalRow[]> {
    const accountIds = [...new Set(batches.flatMap((batch) => batch.accountIds))];
    if (accountIds.length === 0) return [];
    const parameters: unknown[] = [marketplaceId, accountIds, batches.map((batch) => batch.id)];
    // A plain range (no OR) so that the planner prunes partitions outside it.
    let inRange = '';
    if (batches.every((batch) => batch.occurredFrom !== null && batch.occurredTo !== null)) {
      inRange = 'AND s.occurred_at BETWEEN $4 AND $5';
      parameters.push(
        new Date(Math.min(...batches.map((batch) => batch.occurredFrom!.getTime()))),
        new Date(Math.max(...batches.map((batch) => batch.occurredTo!.getTime()))),
      );
    }
    return manager.query(
      `SELECT s.id, s.type, s.account_id AS "accountId", s.occurred_at AS "occurredAt", s.data, r.raw_value AS "rawIp"
       FROM signal s
       LEFT JOIN identifier_raw_value r
         ON r.marketplace_id = s.marketplace_id AND r.pseudonym = s.data->>'ip' AND r.kind = 'ip'
       WHERE s.marketplace_id = $1 AND s.account_id = ANY($2::text[]) AND s.batch_id = ANY($3::uuid[])
         ${inRange}
       ORDER BY s.occurred_at, s.id`,
      parameters,
    );
  }
}
