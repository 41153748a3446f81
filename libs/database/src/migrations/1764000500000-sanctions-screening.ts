import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sanctions screening results (detection writes them):
 * - `sanctions_hit`: an account matched a listed entity on one channel (its name, or an exact
 *   identifier: wallet, e-mail, phone, document). One row per account × entity × channel; the
 *   entity is (list, source_id) — stable across snapshots of the list — and `snapshot_id` is the
 *   snapshot the match was last seen in. Hits persist: every later assessment of the account
 *   reads them (a SANCTIONS_MATCH reason). `cleared_at` is set when a rescreen after a list
 *   update finds the entity delisted.
 * - `payout_hold_recommendation`: an exact identifier hit (a listed wallet, say) asks the
 *   enforcement app to hold payouts; one per account × entity.
 * - `account_screening_key`: the name blocking keys and identifier keys each account was
 *   screened under. A list load records the keys its changed entities carry
 *   (`sanctions_rescreen_request`), so a rescreen finds the accounts it can affect with an index
 *   lookup instead of screening everybody. Keyed by `key` first: that is the lookup.
 * - `sanctions_download_state`: validators (ETag / Last-Modified) of the scheduled list
 *   downloads, shared by every worker so conditional requests work whichever one runs the job.
 */
export class SanctionsScreening1764000500000 implements MigrationInterface {
  name = 'SanctionsScreening1764000500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sanctions_hit (
        marketplace_id uuid NOT NULL REFERENCES marketplace(id) ON DELETE CASCADE,
        account_id text NOT NULL,
        list text NOT NULL,
        source_id text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('name', 'wallet', 'email', 'website', 'phone', 'document')),
        snapshot_id uuid NOT NULL,
        entity_name text NOT NULL,
        entity_kind text NOT NULL,
        programs text[] NOT NULL DEFAULT '{}',
        matched_name text NOT NULL,
        account_value text NOT NULL,
        score real NOT NULL CHECK (score >= 0 AND score <= 1),
        evidence jsonb NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        cleared_at timestamptz,
        PRIMARY KEY (marketplace_id, account_id, list, source_id, channel)
      )`);
    await queryRunner.query(`
      CREATE TABLE payout_hold_recommendation (
        marketplace_id uuid NOT NULL REFERENCES marketplace(id) ON DELETE CASCADE,
        account_id text NOT NULL,
        list text NOT NULL,
        source_id text NOT NULL,
        snapshot_id uuid NOT NULL,
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (marketplace_id, account_id, list, source_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE account_screening_key (
        key text NOT NULL,
        marketplace_id uuid NOT NULL,
        account_id text NOT NULL,
        PRIMARY KEY (key, marketplace_id, account_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE sanctions_download_state (
        source text NOT NULL,
        url text NOT NULL,
        etag text,
        last_modified text,
        checked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (source, url)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'sanctions_download_state',
      'account_screening_key',
      'payout_hold_recommendation',
      'sanctions_hit',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
