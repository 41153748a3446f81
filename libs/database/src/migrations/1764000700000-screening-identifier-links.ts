import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `account_identifier` keeps only the links sanctions screening reads back (e-mail, phone,
 * document; see SCREENED_IDENTIFIER_KINDS): IP and device links were most of its rows and a
 * large part of the cost of storing a signal, and nothing read them (the identity graph is
 * detection's). Keyed by account first, the order screening reads it in.
 */
export class ScreeningIdentifierLinks1764000700000 implements MigrationInterface {
  name = 'ScreeningIdentifierLinks1764000700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM account_identifier WHERE kind NOT IN ('email', 'phone', 'document')`);
    await queryRunner.query(
      `ALTER TABLE account_identifier DROP CONSTRAINT account_identifier_pkey, ADD PRIMARY KEY (marketplace_id, account_id, pseudonym)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE account_identifier DROP CONSTRAINT account_identifier_pkey, ADD PRIMARY KEY (marketplace_id, pseudonym, account_id)`,
    );
  }
}
