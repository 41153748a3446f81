import type { DataSource, EntityManager } from 'typeorm';
import type { AccountFeatures } from '@tns/domain/detection';
import { type AccountLinkAttributes, LINK_ATTRIBUTE_COLUMNS } from './account-link-attributes';

/** Per-account detection state (incremental features as jsonb). */
export class AccountFeaturesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the features rows of `accountIds` for the caller's transaction and returns their state,
   * creating `emptyOf(id)` for accounts seen for the first time. Rows are created and locked in
   * account order, so two workers whose batches share accounts queue up instead of deadlocking,
   * and neither can overwrite the other's update with a state read before it.
   */
  async lockForUpdate(
    manager: EntityManager,
    marketplaceId: string,
    accountIds: readonly string[],
    emptyOf: (accountId: string) => AccountFeatures,
  ): Promise<Map<string, AccountFeatures>> {
    const sorted = [...new Set(accountIds)].sort();
    if (sorted.length === 0) return new Map();
    await manager.query(
      `INSERT INTO account_features (marketplace_id, account_id, features)
       SELECT $1, i.account_id, i.features::jsonb
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS i(account_id, features, position)
       ORDER BY i.position
       ON CONFLICT DO NOTHING`,
      [marketplaceId, sorted, sorted.map((accountId) => JSON.stringify(emptyOf(accountId)))],
    );
    const rows: { account_id: string; features: AccountFeatures }[] = await manager.query(
      `SELECT account_id, features FROM account_features
       WHERE marketplace_id = $1 AND account_id = ANY($2::text[])
       ORDER BY account_id
       FOR UPDATE`,
      [marketplaceId, sorted],
    );
    return new Map(rows.map((row) => [row.account_id, row.features]));
  }

  /**
   * Writes the given states (rows locked by lockForUpdate in the same transaction), with the link
   * attributes copied into their columns.
   */
  async save(manager: EntityManager, marketplaceId: string, features: readonly AccountFeatures[]): Promise<void> {
    if (features.length === 0) return;
    // The states travel as one JSON array, not a text[]: a text[] element is escaped character by
    // character, which showed in detection's profile.
    await manager.query(
      `UPDATE account_features f SET features = i.features, updated_at = now(), ${LINK_ATTRIBUTE_COLUMNS('i.features')}
       FROM jsonb_array_elements($2::jsonb) AS i(features)
       WHERE f.marketplace_id = $1 AND f.account_id = i.features->>'accountId'`,
      [marketplaceId, `[${features.map((state) => JSON.stringify(state)).join(',')}]`],
    );
  }

  /** Current states without locking (accounts re-assessed because a neighbour changed). Unknown ids are absent. */
  async findMany(manager: EntityManager, marketplaceId: string, accountIds: readonly string[]): Promise<Map<string, AccountFeatures>> {
    if (accountIds.length === 0) return new Map();
    const rows: { account_id: string; features: AccountFeatures }[] = await manager.query(
      `SELECT account_id, features FROM account_features WHERE marketplace_id = $1 AND account_id = ANY($2::text[])`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    return new Map(rows.map((row) => [row.account_id, row.features]));
  }

  /** The few fields link decisions need (agency, latest bio signature and photo hash), for many accounts at once. */
  async linkAttributes(manager: EntityManager, marketplaceId: string, accountIds: readonly string[]): Promise<Map<string, AccountLinkAttributes>> {
    if (accountIds.length === 0) return new Map();
    const rows: AccountLinkAttributes[] = await manager.query(
      `SELECT account_id AS "accountId", agency_account_id AS "agencyAccountId", bio_signature AS "bioSignature", photo_hash AS "photoHash",
              hired_by AS "hiredBy", five_starred_by AS "fiveStarredBy"
       FROM account_features WHERE marketplace_id = $1 AND account_id = ANY($2::text[])`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    return new Map(rows.map((row) => [row.accountId, row]));
  }

  /** Ignores the features of other processes: a read for tests and investigations. */
  async findOne(marketplaceId: string, accountId: string): Promise<AccountFeatures | null> {
    const rows: { features: AccountFeatures }[] = await this.dataSource.query(
      `SELECT features FROM account_features WHERE marketplace_id = $1 AND account_id = $2`,
      [marketplaceId, accountId],
    );
    return rows[0]?.features ?? null;
  }
}
