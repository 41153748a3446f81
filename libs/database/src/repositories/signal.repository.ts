import type { DataSource, EntityManager } from 'typeorm';
import { SCREENED_IDENTIFIER_KINDS } from '@tns/domain/signals';
import { affectedCount } from '../returning-rows';
import { ensureSignalPartitions } from './signal-partitions';

const SCREENED_KINDS: ReadonlySet<string> = new Set(SCREENED_IDENTIFIER_KINDS);

/** One validated, pseudonymised signal as stored (no raw personal identifier in `data`). */
export interface SignalRow {
  id: string;
  type: string;
  accountId: string;
  /** RFC 3339 UTC. */
  occurredAt: string;
  /** The redacted `data`, already serialised as JSON. */
  dataJson: string;
}

/** A pseudonymised identifier a stored signal carries, with its raw value for the retention table. */
export interface SignalIdentifierRow {
  signalId: string;
  accountId: string;
  occurredAt: string;
  kind: string;
  pseudonym: string;
  retention: 'ip' | 'device' | 'pii';
  raw: string;
}

export type RetentionClass = SignalIdentifierRow['retention'];

export class SignalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the signals whose (marketplace, id) is new and returns their ids; the others are
   * duplicates and change nothing. One statement for the whole batch: the receipts decide which
   * ids are new (a racing transaction with the same id waits for ours, then skips it), and only
   * those reach the partitioned table. Receipts are inserted in id order so that two batches
   * sharing ids lock them in the same order and cannot deadlock. `rows` must not repeat an id.
   */
  async insertNew(
    manager: EntityManager,
    marketplaceId: string,
    batchId: string,
    rows: readonly SignalRow[],
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const ids: string[] = new Array<string>(rows.length);
    const types: string[] = new Array<string>(rows.length);
    const accounts: string[] = new Array<string>(rows.length);
    const times: string[] = new Array<string>(rows.length);
    const data: string[] = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      ids[i] = row.id;
      types[i] = row.type;
      accounts[i] = row.accountId;
      times[i] = row.occurredAt;
      data[i] = row.dataJson;
    }
    // `data` travels as one JSON array rather than a text[]: already-serialised JSON joins without
    // the per-element escaping an array literal needs (that escaping showed in the profile).
    const stored: { id: string }[] = await manager.query(
      `WITH input AS (
         SELECT i.id, i.type, i.account_id, i.occurred_at, d.data
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) WITH ORDINALITY
           AS i(id, type, account_id, occurred_at, n)
         JOIN jsonb_array_elements($6::jsonb) WITH ORDINALITY AS d(data, n) ON d.n = i.n
       ), fresh AS (
         INSERT INTO signal_receipt (marketplace_id, signal_id)
         SELECT $1, id FROM input ORDER BY id
         ON CONFLICT DO NOTHING
         RETURNING signal_id
       )
       INSERT INTO signal (marketplace_id, occurred_at, account_id, id, type, data, batch_id)
       SELECT $1, i.occurred_at, i.account_id, i.id, i.type, i.data, $7
       FROM input i JOIN fresh f ON f.signal_id = i.id
       RETURNING id`,
      [marketplaceId, ids, types, accounts, times, `[${data.join(',')}]`, batchId],
    );
    return stored.map((row) => row.id);
  }

  /**
   * Keeps the first raw value of each pseudonym for the retention period (`rawValues`) and links
   * accounts to the pseudonyms of the kinds sanctions screening reads back (`links`, the same
   * identifiers when omitted; other kinds are left out). Call with identifiers of newly stored
   * signals only (a duplicate changes nothing). Sorted so that concurrent batches take row locks
   * in one order.
   */
  async insertIdentifiers(
    manager: EntityManager,
    marketplaceId: string,
    rawValues: readonly SignalIdentifierRow[],
    links: readonly SignalIdentifierRow[] = rawValues,
  ): Promise<void> {
    links = links.filter((link) => SCREENED_KINDS.has(link.kind));
    if (links.length === 0 && rawValues.length === 0) return;
    await manager.query(
      `WITH links AS (
         INSERT INTO account_identifier (marketplace_id, pseudonym, account_id, kind, first_seen_at)
         SELECT $1, pseudonym, account_id, kind, occurred_at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS l(pseudonym, account_id, kind, occurred_at)
         ORDER BY account_id, pseudonym
         ON CONFLICT DO NOTHING
       )
       INSERT INTO identifier_raw_value (marketplace_id, pseudonym, kind, retention, raw_value)
       SELECT $1, pseudonym, kind, retention, raw_value
       FROM unnest($6::text[], $7::text[], $8::text[], $9::text[]) AS r(pseudonym, kind, retention, raw_value)
       ORDER BY pseudonym
       ON CONFLICT DO NOTHING`,
      [
        marketplaceId,
        links.map((link) => link.pseudonym),
        links.map((link) => link.accountId),
        links.map((link) => link.kind),
        links.map((link) => link.occurredAt),
        rawValues.map((value) => value.pseudonym),
        rawValues.map((value) => value.kind),
        rawValues.map((value) => value.retention),
        rawValues.map((value) => value.raw),
      ],
    );
  }

  /** Creates the daily partitions from `from`'s day through `daysAhead` days later; returns the new ones. */
  ensurePartitions(from: Date, daysAhead: number): Promise<string[]> {
    return this.dataSource.transaction((manager) => ensureSignalPartitions(manager, from, daysAhead));
  }

  /**
   * Deletes raw values stored before `cutoff` for one retention class, at most `limit` rows per call
   * (short transactions: the purge must not hold locks that stall ingestion). Across marketplaces:
   * retention is an operator setting, not a tenant's data access.
   */
  async purgeRawValues(retention: RetentionClass, cutoff: Date, limit: number): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `DELETE FROM identifier_raw_value WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM identifier_raw_value WHERE retention = $1 AND stored_at < $2 LIMIT $3))`,
        [retention, cutoff, limit],
      ),
    );
  }

  /** Signals of one marketplace by id (tests and investigations), redacted as stored. */
  async findByIds(
    marketplaceId: string,
    ids: readonly string[],
  ): Promise<{ id: string; type: string; accountId: string; occurredAt: Date; data: Record<string, unknown>; batchId: string }[]> {
    return this.dataSource.query(
      `SELECT id, type, account_id AS "accountId", occurred_at AS "occurredAt", data, batch_id AS "batchId"
       FROM signal WHERE marketplace_id = $1 AND id = ANY($2::text[])`,
      [marketplaceId, ids],
    );
  }
}
