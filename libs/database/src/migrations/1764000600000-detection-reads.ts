import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LINK_ATTRIBUTE_COLUMNS } from '../repositories/account-link-attributes';

/**
 * What a detection pass reads, made cheap:
 * - `signal (batch_id)`: a pass reads its batches' signals by batch. All rows of a batch share the
 *   key, so ingestion adds one index entry per signal at one place per batch (deduplicated), not
 *   random inserts. It replaces `signal_batch.account_ids` (reading each account's history for
 *   the batch's rows), which is dropped.
 * - the link attributes of an account (agency, latest bio signature, latest photo hash, the
 *   clients that hired it and those that gave it five stars) as columns beside its feature state:
 *   the graph walk reads them for every neighbour, and pulling them out of a large compressed JSON
 *   document meant reading all of it.
 * - lz4 instead of pglz for the feature state, rewritten on every pass that touches the account
 *   (where the server is built without lz4, the default stays).
 */
export class DetectionReads1764000600000 implements MigrationInterface {
  name = 'DetectionReads1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX signal_batch_idx ON signal (batch_id)`);
    // Read through the batch index now: the batch's account list is no longer needed.
    await queryRunner.query(`ALTER TABLE signal_batch DROP COLUMN account_ids`);
    await queryRunner.query(
      `ALTER TABLE account_features ADD COLUMN agency_account_id text, ADD COLUMN bio_signature text, ADD COLUMN photo_hash text,
         ADD COLUMN hired_by text[] NOT NULL DEFAULT '{}', ADD COLUMN five_starred_by text[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`UPDATE account_features SET ${LINK_ATTRIBUTE_COLUMNS('features')}`);
    await queryRunner.query(`
      DO $$ BEGIN
        ALTER TABLE account_features ALTER COLUMN features SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE account_features DROP COLUMN IF EXISTS agency_account_id, DROP COLUMN IF EXISTS bio_signature, DROP COLUMN IF EXISTS photo_hash, DROP COLUMN IF EXISTS hired_by, DROP COLUMN IF EXISTS five_starred_by`);
    await queryRunner.query(`ALTER TABLE signal_batch ADD COLUMN account_ids text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`DROP INDEX IF EXISTS signal_batch_idx`);
  }
}
