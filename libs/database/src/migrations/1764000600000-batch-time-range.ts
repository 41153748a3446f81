import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The time range of a batch's signals, so that detection reads a batch through the account index
 * within that range (and only the partitions it spans) instead of every account's whole history.
 * Null for batches recorded before this migration: those are read without the range.
 */
export class BatchTimeRange1764000600000 implements MigrationInterface {
  name = 'BatchTimeRange1764000600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signal_batch ADD COLUMN occurred_from timestamptz, ADD COLUMN occurred_to timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE signal_batch DROP COLUMN IF EXISTS occurred_from, DROP COLUMN IF EXISTS occurred_to`);
  }
}
