import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops `signal (marketplace_id, account_id, occurred_at)`: detection reads a batch's signals
 * through `signal (batch_id)` and nothing reads signals by account, while the index cost every
 * stored signal a random insert into a large b-tree (measured: about a fifth of PostgreSQL's
 * time per stored signal). Account timelines, when a reviewer workflow needs them, can bring it
 * back (or a narrower one) with their first reader.
 */
export class SignalAccountIndex1764000800000 implements MigrationInterface {
  name = 'SignalAccountIndex1764000800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS signal_account_idx`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS signal_account_idx ON signal (marketplace_id, account_id, occurred_at)`);
  }
}
