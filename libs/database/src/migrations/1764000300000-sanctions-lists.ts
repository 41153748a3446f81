import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sanctions lists as versioned snapshots. The lists are GLOBAL: OFAC, the UN and the EU publish
 * one list for everybody, so none of these tables has a marketplace_id and no tenant can see or
 * change a different list than another. Every load is a new snapshot identified by the content
 * hash of its files; exactly one snapshot per source is active (the one screening uses), and
 * older ones are kept so a load can be diffed, audited and rolled back by reloading old files.
 */
export class SanctionsLists1764000300000 implements MigrationInterface {
  name = 'SanctionsLists1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sanctions_list_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source text NOT NULL CHECK (source IN ('ofac-sdn-csv', 'un-xml', 'eu-csv')),
        version text NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        activated_at timestamptz,
        entity_count integer NOT NULL CHECK (entity_count >= 0),
        active boolean NOT NULL DEFAULT false,
        -- The same files loaded twice are the same snapshot: a repeated load is a no-op.
        CONSTRAINT sanctions_list_snapshot_version_key UNIQUE (source, version)
      )`);
    // Screening must never see two versions of one list at once.
    await queryRunner.query(
      `CREATE UNIQUE INDEX sanctions_list_snapshot_one_active_idx ON sanctions_list_snapshot (source) WHERE active`,
    );
    // The columns screening filters or shows on; the rest of the parsed entity (aliases, dates of
    // birth, nationalities, identifiers, wallets, …) is the payload, read back whole.
    await queryRunner.query(`
      CREATE TABLE sanctioned_entity (
        snapshot_id uuid NOT NULL REFERENCES sanctions_list_snapshot(id) ON DELETE CASCADE,
        source_id text NOT NULL,
        kind text NOT NULL,
        primary_name text NOT NULL,
        payload jsonb NOT NULL,
        PRIMARY KEY (snapshot_id, source_id)
      )`);
    // Outbox-style hand-off to the screening worker (not built yet): after a load, accounts whose
    // name blocking keys or identifiers appear here must be rescreened; the worker sets
    // completed_at when it has done so.
    await queryRunner.query(`
      CREATE TABLE sanctions_rescreen_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        snapshot_id uuid NOT NULL REFERENCES sanctions_list_snapshot(id) ON DELETE CASCADE,
        previous_snapshot_id uuid REFERENCES sanctions_list_snapshot(id) ON DELETE SET NULL,
        affected_name_keys text[] NOT NULL,
        affected_identifiers text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        completed_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX sanctions_rescreen_request_pending_idx ON sanctions_rescreen_request (created_at) WHERE completed_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS sanctions_rescreen_request`);
    await queryRunner.query(`DROP TABLE IF EXISTS sanctioned_entity`);
    await queryRunner.query(`DROP TABLE IF EXISTS sanctions_list_snapshot`);
  }
}
