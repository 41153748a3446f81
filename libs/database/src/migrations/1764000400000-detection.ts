import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What detection keeps between batches:
 * - `account_features`: the incremental per-account state (jsonb, a few KB), the row detection
 *   locks (FOR UPDATE, in account order) so two workers never lose each other's update.
 * - `graph_entity`: which accounts carry which identity-graph entity (device, payout instrument,
 *   ip-window, bio band…); `graph_entity_count` keeps the holder count per entity so hubs are
 *   recognised without counting a 100k-account CGNAT prefix on every batch.
 * - `graph_cluster_member` / `graph_cluster`: the current clusters (components of the union
 *   rule over the current entities), recomputed around the accounts a batch touches, with the
 *   evidence that joins them and the ring verdict. Accounts alone have no row.
 * - `risk_assessment`: the latest assessment per account, with the policy version it used.
 * - `review_case`: cases for moderators; the partial unique index makes "one active case per
 *   subject" a database guarantee, so two workers cannot both open one.
 */
export class Detection1764000400000 implements MigrationInterface {
  name = 'Detection1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE account_features (
        marketplace_id uuid NOT NULL,
        account_id text NOT NULL,
        features jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (marketplace_id, account_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE graph_entity (
        marketplace_id uuid NOT NULL,
        entity_key text NOT NULL,
        account_id text NOT NULL,
        kind text NOT NULL,
        first_seen_at timestamptz NOT NULL,
        PRIMARY KEY (marketplace_id, entity_key, account_id)
      )`);
    await queryRunner.query(`CREATE INDEX graph_entity_account_idx ON graph_entity (marketplace_id, account_id)`);
    await queryRunner.query(`
      CREATE TABLE graph_entity_count (
        marketplace_id uuid NOT NULL,
        entity_key text NOT NULL,
        kind text NOT NULL,
        account_count integer NOT NULL,
        PRIMARY KEY (marketplace_id, entity_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE graph_cluster_member (
        marketplace_id uuid NOT NULL,
        account_id text NOT NULL,
        cluster_id text NOT NULL,
        PRIMARY KEY (marketplace_id, account_id)
      )`);
    await queryRunner.query(`CREATE INDEX graph_cluster_member_cluster_idx ON graph_cluster_member (marketplace_id, cluster_id)`);
    await queryRunner.query(`
      CREATE TABLE graph_cluster (
        marketplace_id uuid NOT NULL,
        cluster_id text NOT NULL,
        size integer NOT NULL,
        is_ring boolean NOT NULL DEFAULT false,
        evidence jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (marketplace_id, cluster_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE risk_assessment (
        marketplace_id uuid NOT NULL,
        account_id text NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
        level text NOT NULL CHECK (level IN ('NONE', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
        reasons jsonb NOT NULL,
        families text[] NOT NULL DEFAULT '{}',
        policy_version text NOT NULL,
        assessed_at timestamptz NOT NULL,
        PRIMARY KEY (marketplace_id, account_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX risk_assessment_flagged_idx ON risk_assessment (marketplace_id, level) WHERE level IN ('HIGH', 'CRITICAL')`,
    );
    await queryRunner.query(`
      CREATE TABLE review_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        marketplace_id uuid NOT NULL REFERENCES marketplace(id) ON DELETE CASCADE,
        subject_kind text NOT NULL CHECK (subject_kind IN ('account', 'cluster')),
        subject_id text NOT NULL,
        queue text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_review', 'resolved', 'dismissed', 'merged')),
        score smallint NOT NULL,
        level text NOT NULL,
        reasons jsonb NOT NULL,
        evidence jsonb NOT NULL,
        member_account_ids text[] NOT NULL,
        policy_version text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    // "Open" for the contract = not yet closed: a claimed case (in_review) still blocks a second one.
    await queryRunner.query(
      `CREATE UNIQUE INDEX review_case_one_open_idx ON review_case (marketplace_id, subject_kind, subject_id)
       WHERE status IN ('open', 'in_review')`,
    );
    await queryRunner.query(
      `CREATE INDEX review_case_open_members_idx ON review_case USING gin (member_account_ids)
       WHERE status IN ('open', 'in_review')`,
    );
    await queryRunner.query(`CREATE INDEX review_case_queue_idx ON review_case (marketplace_id, queue, status, opened_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'review_case',
      'risk_assessment',
      'graph_cluster',
      'graph_cluster_member',
      'graph_entity_count',
      'graph_entity',
      'account_features',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
