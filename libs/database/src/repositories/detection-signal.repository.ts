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
   * The signals of claimed batches, in (occurred_at, id) order, through the batch index (the
   * batches were claimed under the marketplace, and their signals carry its id), with the raw
   * addresses of their IPs looked up in a second query by primary key: as a join, a planner
   * working from the statistics of a table still being loaded would scan the raw values per row.
   */
  async signalsOf(manager: EntityManager, marketplaceId: string, batches: readonly PendingBatch[]): Promise<DetectionSignalRow[]> {
    if (batches.length === 0) return [];
    const signals: Omit<DetectionSignalRow, 'rawIp'>[] = await manager.query(
      `SELECT id, type, account_id AS "accountId", occurred_at AS "occurredAt", data
       FROM signal WHERE batch_id = ANY($1::uuid[])
       ORDER BY occurred_at, id`,
      [batches.map((batch) => batch.id)],
    );
    const ipOf = (signal: Omit<DetectionSignalRow, 'rawIp'>): string | null => (typeof signal.data.ip === 'string' ? signal.data.ip : null);
    const pseudonyms = [...new Set(signals.map(ipOf).filter((ip): ip is string => ip !== null))];
    const raw = new Map<string, string>();
    if (pseudonyms.length > 0) {
      const rows: { pseudonym: string; raw_value: string }[] = await manager.query(
        `SELECT pseudonym, raw_value FROM identifier_raw_value WHERE marketplace_id = $1 AND pseudonym = ANY($2::text[]) AND kind = 'ip'`,
        [marketplaceId, pseudonyms],
      );
      for (const row of rows) raw.set(row.pseudonym, row.raw_value);
    }
    return signals.map((signal) => ({ ...signal, rawIp: raw.get(ipOf(signal) ?? '') ?? null }));
  }
}
