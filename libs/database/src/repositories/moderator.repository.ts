import type { DataSource } from 'typeorm';
import { affectedCount, returningRows } from '../returning-rows';
import type { ModeratorRole } from '@tns/domain/moderation';
import { ModeratorCredentialEntity, ModeratorEntity, type ModeratorCredentialKind } from '../entities';

export class ModeratorRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the moderator or, when the e-mail exists, updates its role and marketplace. */
  async upsert(email: string, role: ModeratorRole, marketplaceId: string | null): Promise<ModeratorEntity> {
    const rows: ModeratorEntity[] = await this.dataSource.query(
      `INSERT INTO moderator (email, role, marketplace_id) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO UPDATE SET role = EXCLUDED.role, marketplace_id = EXCLUDED.marketplace_id,
         disabled_at = NULL
       RETURNING id, email, role, marketplace_id AS "marketplaceId", created_at AS "createdAt",
         disabled_at AS "disabledAt"`,
      [email, role, marketplaceId],
    );
    return rows[0];
  }

  findActiveById(id: string): Promise<ModeratorEntity | null> {
    return this.dataSource
      .getRepository(ModeratorEntity)
      .createQueryBuilder('m')
      .where('m.id = :id AND m.disabledAt IS NULL', { id })
      .getOne();
  }

  async addCredential(
    moderatorId: string,
    kind: ModeratorCredentialKind,
    secretHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await this.dataSource
      .getRepository(ModeratorCredentialEntity)
      .insert({ moderatorId, kind, secretHash, expiresAt, spentAt: null });
  }

  /** Spends a one-time login token atomically: two racing exchanges cannot both succeed. */
  async spendLoginToken(secretHash: string, now: Date): Promise<string | null> {
    const rows = returningRows<{ moderator_id: string }>(
      await this.dataSource.query(
        `UPDATE moderator_credential SET spent_at = $2
         WHERE secret_hash = $1 AND kind = 'login_token' AND spent_at IS NULL AND expires_at > $2
         RETURNING moderator_id`,
        [secretHash, now],
      ),
    );
    return rows[0]?.moderator_id ?? null;
  }

  async findSessionModeratorId(secretHash: string, now: Date): Promise<string | null> {
    const rows: { moderator_id: string }[] = await this.dataSource.query(
      `SELECT moderator_id FROM moderator_credential
       WHERE secret_hash = $1 AND kind = 'session' AND spent_at IS NULL AND expires_at > $2`,
      [secretHash, now],
    );
    return rows[0]?.moderator_id ?? null;
  }

  async revokeSession(secretHash: string, now: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE moderator_credential SET spent_at = $2 WHERE secret_hash = $1 AND kind = 'session'`,
      [secretHash, now],
    );
  }

  /** Housekeeping: expired or spent credentials are of no further use. */
  async purgeDeadCredentials(now: Date): Promise<number> {
    return affectedCount(
      await this.dataSource.query(
        `DELETE FROM moderator_credential WHERE expires_at < $1 OR spent_at < $1 - interval '1 day'`,
        [now],
      ),
    );
  }
}
