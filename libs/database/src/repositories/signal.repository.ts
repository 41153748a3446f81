import type { DataSource } from 'typeorm';
import { SCREENED_IDENTIFIER_KINDS, type PseudonymisedIdentifier, type Signal } from '@tns/domain/signals';
import { queryPrepared } from '../prepared-query';
import { binaryJoinedText, binaryTextArray } from '../binary-text-parameters';
import { textArrayLiteral } from '../text-array-literal';
import { affectedCount } from '../returning-rows';
import type { OutboxMessage } from './outbox.repository';
import { ensureSignalPartitions } from './signal-partitions';

const SCREENED_KINDS: ReadonlySet<string> = new Set(SCREENED_IDENTIFIER_KINDS);

/** One validated, pseudonymised signal as stored (no raw personal identifier in `data`). */
export interface SignalRow {
  id: string;
  type: string;
  accountId: string;
  /** RFC 3339 UTC. */
  occurredAt: string;
  /** The redacted `data`, already serialised as JSON on one line (as JSON.stringify writes it). */
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

/** The stored row of a redacted signal (see `redactSignal`). */
export function signalRowOf(stored: Signal): SignalRow {
  return { id: stored.id, type: stored.type, accountId: stored.accountId, occurredAt: stored.occurredAt, dataJson: JSON.stringify(stored.data) };
}

/** The row of one pseudonymised identifier a signal carries (its link and its raw value). */
export function identifierRowOf(signal: Signal, identifier: PseudonymisedIdentifier): SignalIdentifierRow {
  return {
    signalId: signal.id,
    accountId: signal.accountId,
    occurredAt: signal.occurredAt,
    kind: identifier.kind,
    pseudonym: identifier.pseudonym,
    retention: identifier.retention,
    raw: identifier.raw,
  };
}

/** One batch for `storeBatch`: signals, the identifiers they carry, and detection's hand-off. */
export interface SignalBatchWrite {
  /** The batch id the stored signals carry and the batch record takes. */
  id: string;
  rows: readonly SignalRow[];
  /** Raw values to keep for the retention period; those of signals not stored are skipped. */
  rawValues: readonly SignalIdentifierRow[];
  /** Account links; those of signals not stored are skipped. */
  links: readonly SignalIdentifierRow[];
  /** The outbox message handing the batch to detection (its marketplace is the batch's). */
  handOff?: Omit<OutboxMessage, 'marketplaceId'>;
}

/** Batches up to this size run the duplicate-skipping statement prepared (see `storeBatch`). */
const PREPARED_BATCH_MAX_ROWS = 16;

/**
 * The batch's signals as rows, from the parameters both store statements share: $1 marketplace,
 * $2–$5 ids, types, accounts and times, $6 the payloads one per line, $7 the batch id.
 *
 * Payloads go as one text split on newlines, which serialised JSON never contains (JSON.stringify
 * escapes them inside strings): no escaping on our side, one plain split and one JSON check per
 * payload on PostgreSQL's, zipped with the other arrays. A JSON array taken apart with
 * `json_array_elements` and joined back by position was lexed twice and cost a join (replayed
 * bench batches: about 0.7 µs of PostgreSQL CPU per signal more). A payload spread over lines
 * would fail the statement whole (its pieces are not JSON), never store a signal wrongly.
 */
const BATCH_INPUT = `WITH input AS (
     SELECT i.id, i.type, i.account_id, i.occurred_at, i.data
     FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[], string_to_array($6, E'\\n')::json[])
       AS i(id, type, account_id, occurred_at, data)
   )`;

/**
 * The common case, a batch of new signals: plain inserts straight from the input. A signal
 * already stored makes its receipt insert fail with a unique violation, which aborts the whole
 * statement (nothing of it stays written). Against `STORE_BATCH_SKIPPING_DUPLICATES_SQL`, this
 * spares the speculative insertion of ON CONFLICT on every receipt and the join that picks the
 * new rows: measured about an eighth of PostgreSQL's time per stored signal.
 *
 * The receipts take the ids straight from their parameter, so `input` has one reader and is
 * planned into it rather than written to a temporary store and read twice (replayed: about
 * 0.3 µs of PostgreSQL CPU per signal). The statement joins nothing, so one plan fits every
 * batch size: it runs prepared for big batches too (parsing and planning it cost about 0.8 µs
 * of PostgreSQL CPU per signal of a 500-signal batch, replayed from bench:ingest).
 */
const STORE_NEW_BATCH_SQL = `${BATCH_INPUT}, receipts AS (
     INSERT INTO signal_receipt (marketplace_id, signal_id)
     SELECT $1, r.id FROM unnest($2::text[]) AS r(id) ORDER BY r.id
   ), stored AS (
     INSERT INTO signal (marketplace_id, occurred_at, account_id, id, type, data, batch_id)
     SELECT $1, occurred_at, account_id, id, type, data, $7 FROM input
   ), links AS (
     INSERT INTO account_identifier (marketplace_id, pseudonym, account_id, kind, first_seen_at)
     SELECT $1, l.pseudonym, l.account_id, l.kind, l.occurred_at
     FROM unnest($8::text[], $9::text[], $10::text[], $11::timestamptz[]) AS l(pseudonym, account_id, kind, occurred_at)
     ORDER BY l.account_id, l.pseudonym
     ON CONFLICT DO NOTHING
   ), raw_values AS (
     INSERT INTO identifier_raw_value (marketplace_id, pseudonym, kind, retention, raw_value)
     SELECT $1, r.pseudonym, r.kind, r.retention, r.raw_value
     FROM unnest($12::text[], $13::text[], $14::text[], $15::text[]) AS r(pseudonym, kind, retention, raw_value)
     ORDER BY r.pseudonym
     ON CONFLICT DO NOTHING
   ), batch AS (
     INSERT INTO signal_batch (id, marketplace_id, signal_count)
     VALUES ($7, $1, cardinality($2::text[]))
     RETURNING id
   )
   INSERT INTO outbox_message (queue, job_name, payload, marketplace_id)
   SELECT $16, $17, $18::jsonb, $1 FROM batch WHERE $16::text IS NOT NULL`;

/**
 * Any batch: the receipts decide which ids are new (a racing statement with the same id waits
 * for ours, then skips it), and only those rows, links and raw values are written. The batch
 * record and the hand-off are written only when at least one signal is new.
 */
const STORE_BATCH_SKIPPING_DUPLICATES_SQL = `${BATCH_INPUT}, fresh AS (
     INSERT INTO signal_receipt (marketplace_id, signal_id)
     SELECT $1, id FROM input ORDER BY id
     ON CONFLICT DO NOTHING
     RETURNING signal_id
   ), stored AS (
     INSERT INTO signal (marketplace_id, occurred_at, account_id, id, type, data, batch_id)
     SELECT $1, i.occurred_at, i.account_id, i.id, i.type, i.data, $7
     FROM input i JOIN fresh f ON f.signal_id = i.id
     RETURNING id
   ), links AS (
     INSERT INTO account_identifier (marketplace_id, pseudonym, account_id, kind, first_seen_at)
     SELECT $1, l.pseudonym, l.account_id, l.kind, l.occurred_at
     FROM unnest($8::text[], $9::text[], $10::text[], $11::timestamptz[], $19::text[])
       AS l(pseudonym, account_id, kind, occurred_at, signal_id)
     WHERE l.signal_id IN (SELECT signal_id FROM fresh)
     ORDER BY l.account_id, l.pseudonym
     ON CONFLICT DO NOTHING
   ), raw_values AS (
     INSERT INTO identifier_raw_value (marketplace_id, pseudonym, kind, retention, raw_value)
     SELECT $1, r.pseudonym, r.kind, r.retention, r.raw_value
     FROM unnest($12::text[], $13::text[], $14::text[], $15::text[], $20::text[])
       AS r(pseudonym, kind, retention, raw_value, signal_id)
     WHERE r.signal_id IN (SELECT signal_id FROM fresh)
     ORDER BY r.pseudonym
     ON CONFLICT DO NOTHING
   ), batch AS (
     INSERT INTO signal_batch (id, marketplace_id, signal_count)
     SELECT $7, $1, count(*) FROM fresh HAVING count(*) > 0
     RETURNING id
   ), hand_off AS (
     INSERT INTO outbox_message (queue, job_name, payload, marketplace_id)
     SELECT $16, $17, $18::jsonb, $1 FROM batch WHERE $16::text IS NOT NULL
   )
   SELECT id FROM stored`;

export class SignalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores one batch in a single statement, atomic without BEGIN/COMMIT (one round trip, which is
   * most of a small call's cost): the signals whose (marketplace, id) is new, their identifiers,
   * the batch record and, when given, the outbox message that hands the batch to detection. The
   * last three are written only when at least one signal is new; a duplicate changes nothing.
   * Returns the ids stored.
   *
   * A batch is first written as if all of it were new (`STORE_NEW_BATCH_SQL`); if some signal was
   * stored before, that attempt leaves nothing and the batch is written again skipping the
   * duplicates. `duplicatesLikely` (a stream that already met some: most likely a retried body)
   * goes the second way at once. Receipts, links and raw values are inserted in key order, so
   * that concurrent batches lock rows in one order and cannot deadlock. `rows` must not repeat an
   * id. Raw values keep the first value of each pseudonym; links are kept for the kinds sanctions
   * screening reads back (others are left out).
   *
   * The duplicate-skipping statement joins the input with the new receipts: small batches (single
   * calls, bound by parsing and planning) run it prepared, big ones get a plan for their actual
   * size (a generic plan guesses the arrays' lengths, and a wrong join strategy would cost far
   * more than planning).
   */
  async storeBatch(
    marketplaceId: string,
    batch: SignalBatchWrite,
    { duplicatesLikely = false } = {},
  ): Promise<string[]> {
    const { rows, handOff } = batch;
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
    const links = batch.links.filter((link) => SCREENED_KINDS.has(link.kind));
    const rawValues = batch.rawValues;
    // Text arrays and the payloads (one per line, see BATCH_INPUT) in binary format, built outside
    // the JS heap (see binary-text-parameters); times as literals of their text (see textArrayLiteral).
    const values: unknown[] = [
      marketplaceId,
      binaryTextArray(ids),
      binaryTextArray(types),
      binaryTextArray(accounts),
      textArrayLiteral(times),
      binaryJoinedText(data, '\n'),
      batch.id,
      binaryTextArray(links.map((link) => link.pseudonym)),
      binaryTextArray(links.map((link) => link.accountId)),
      binaryTextArray(links.map((link) => link.kind)),
      textArrayLiteral(links.map((link) => link.occurredAt)),
      binaryTextArray(rawValues.map((value) => value.pseudonym)),
      binaryTextArray(rawValues.map((value) => value.kind)),
      binaryTextArray(rawValues.map((value) => value.retention)),
      binaryTextArray(rawValues.map((value) => value.raw)),
      handOff?.queue ?? null,
      handOff?.jobName ?? null,
      handOff ? JSON.stringify(handOff.payload) : null,
    ];
    if (!duplicatesLikely) {
      try {
        await queryPrepared(this.dataSource, 'store_new_signal_batch', STORE_NEW_BATCH_SQL, values);
        return ids;
      } catch (error) {
        if (!isStoredBefore(error)) throw error;
      }
    }
    values.push(
      binaryTextArray(links.map((link) => link.signalId)),
      binaryTextArray(rawValues.map((value) => value.signalId)),
    );
    const stored: { id: string }[] =
      rows.length <= PREPARED_BATCH_MAX_ROWS
        ? await queryPrepared(this.dataSource, 'store_signal_batch', STORE_BATCH_SKIPPING_DUPLICATES_SQL, values)
        : await this.dataSource.query(STORE_BATCH_SKIPPING_DUPLICATES_SQL, values);
    return stored.map((row) => row.id);
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

/** A receipt insert of `STORE_NEW_BATCH_SQL` met a signal stored before (pg's error or TypeORM's wrapper). */
function isStoredBefore(error: unknown): boolean {
  const fields = error as {
    code?: unknown;
    constraint?: unknown;
    driverError?: { code?: unknown; constraint?: unknown };
  };
  const source = fields?.driverError ?? fields;
  return source?.code === '23505' && source.constraint === 'signal_receipt_pkey';
}
