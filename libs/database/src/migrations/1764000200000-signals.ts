import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ensureSignalPartitions, utcDayStart } from '../repositories/signal-partitions';

/**
 * Signal storage, built for volume (thousands a second, backfills far above):
 * - `signal_receipt` makes (marketplace, id) unique. It exists because a unique index on the
 *   time-partitioned `signal` table would have to include `occurred_at`, and then the same id
 *   with another timestamp would slip through. One narrow row per signal, primary key only.
 * - `signal`: the validated, pseudonymised signals, range-partitioned by day of `occurred_at`
 *   (see signal-partitions.ts). One secondary index, for account timelines (detection reads an
 *   account's recent signals); everything else is reached through it or through the batch.
 * - `account_identifier`: which accounts carry which pseudonym (the links detection follows).
 * - `identifier_raw_value`: raw personal identifiers, kept apart and purged after retention.
 * No foreign keys on these tables: a foreign-key check per inserted row costs a lookup each; the
 * marketplace id comes from an authenticated key, never from the sender.
 * `signal_batch.account_ids` lets detection find the accounts a batch touched without scanning.
 */
export class Signals1764000200000 implements MigrationInterface {
  name = 'Signals1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE signal_receipt (
        marketplace_id uuid NOT NULL,
        signal_id text NOT NULL,
        PRIMARY KEY (marketplace_id, signal_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE signal (
        marketplace_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL,
        account_id text NOT NULL,
        id text NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        batch_id uuid NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      ) PARTITION BY RANGE (occurred_at)`);
    await queryRunner.query(`CREATE INDEX signal_account_idx ON signal (marketplace_id, account_id, occurred_at)`);
    const today = utcDayStart(new Date());
    await queryRunner.query(
      `CREATE TABLE signal_history PARTITION OF signal FOR VALUES FROM (MINVALUE) TO ('${today.toISOString()}')`,
    );
    await ensureSignalPartitions(queryRunner.manager, today, 14);
    await queryRunner.query(`
      CREATE TABLE account_identifier (
        marketplace_id uuid NOT NULL,
        pseudonym text NOT NULL,
        account_id text NOT NULL,
        kind text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        PRIMARY KEY (marketplace_id, pseudonym, account_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE identifier_raw_value (
        marketplace_id uuid NOT NULL,
        pseudonym text NOT NULL,
        kind text NOT NULL,
        retention text NOT NULL CHECK (retention IN ('ip', 'device', 'pii')),
        raw_value text NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (marketplace_id, pseudonym)
      )`);
    await queryRunner.query(`CREATE INDEX identifier_raw_value_purge_idx ON identifier_raw_value (retention, stored_at)`);
    await queryRunner.query(`ALTER TABLE signal_batch ADD COLUMN account_ids text[] NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signal_batch DROP COLUMN IF EXISTS account_ids`);
    for (const table of ['identifier_raw_value', 'account_identifier', 'signal', 'signal_receipt']) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
