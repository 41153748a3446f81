import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline's bookkeeping: every accepted batch of signals is one row, handed to detection
 * through the outbox; `detected_at` says detection has finished with it. The backlog of
 * `pipelineStatus` is the signals of batches not yet detected.
 */
export class SignalBatches1764000100000 implements MigrationInterface {
  name = 'SignalBatches1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE signal_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        marketplace_id uuid NOT NULL REFERENCES marketplace(id) ON DELETE CASCADE,
        signal_count integer NOT NULL CHECK (signal_count >= 0),
        accepted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        detected_at timestamptz,
        detected_by text
      )`);
    // Partial: only the pending batches are ever scanned for the backlog.
    await queryRunner.query(
      `CREATE INDEX signal_batch_pending_idx ON signal_batch (marketplace_id, accepted_at) WHERE detected_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS signal_batch`);
  }
}
