import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenancy, credentials, the transactional outbox and the consumer inbox. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE marketplace (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE api_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        marketplace_id uuid NOT NULL REFERENCES marketplace(id) ON DELETE CASCADE,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX api_key_marketplace_idx ON api_key (marketplace_id)`);
    await queryRunner.query(`
      CREATE TABLE moderator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('moderator', 'senior', 'admin')),
        marketplace_id uuid REFERENCES marketplace(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE moderator_credential (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        moderator_id uuid NOT NULL REFERENCES moderator(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('login_token', 'session')),
        secret_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        spent_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX moderator_credential_expiry_idx ON moderator_credential (expires_at)`);
    // Work that must reach a queue, written in the transaction that causes it (see OutboxRelay).
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        marketplace_id uuid REFERENCES marketplace(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        claimed_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
    await queryRunner.query(`CREATE INDEX outbox_message_claim_idx ON outbox_message (claimed_until NULLS FIRST, id)`);
    // What each consumer has already done: a job delivered twice does its work once.
    await queryRunner.query(`
      CREATE TABLE processed_message (
        consumer text NOT NULL,
        message_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, message_id)
      )`);
    await queryRunner.query(`CREATE INDEX processed_message_age_idx ON processed_message (processed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'processed_message',
      'outbox_message',
      'moderator_credential',
      'moderator',
      'api_key',
      'marketplace',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
