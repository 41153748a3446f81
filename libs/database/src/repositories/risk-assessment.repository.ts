import type { DataSource, EntityManager } from 'typeorm';

export type StoredRiskLevel = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** A public reason (contract §4) with the evidence behind it, as stored. */
export interface StoredReason {
  code: string;
  family: string;
  weight: number;
  summary: string;
  evidence?: unknown;
}

export interface RiskAssessmentRecord {
  accountId: string;
  score: number;
  level: StoredRiskLevel;
  reasons: StoredReason[];
  families: string[];
  policyVersion: string;
  assessedAt: Date;
}

/** The latest risk assessment of each account. */
export class RiskAssessmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async saveMany(manager: EntityManager, marketplaceId: string, assessments: readonly RiskAssessmentRecord[]): Promise<void> {
    if (assessments.length === 0) return;
    const sorted = [...assessments].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
    await manager.query(
      `INSERT INTO risk_assessment (marketplace_id, account_id, score, level, reasons, families, policy_version, assessed_at)
       SELECT $1, i.account_id, i.score, i.level, i.reasons::jsonb, ARRAY(SELECT jsonb_array_elements_text(i.families::jsonb)),
              i.policy_version, i.assessed_at
       FROM unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
         WITH ORDINALITY AS i(account_id, score, level, reasons, families, policy_version, assessed_at, position)
       ORDER BY i.position
       ON CONFLICT (marketplace_id, account_id) DO UPDATE SET
         score = excluded.score, level = excluded.level, reasons = excluded.reasons, families = excluded.families,
         policy_version = excluded.policy_version, assessed_at = excluded.assessed_at`,
      [
        marketplaceId,
        sorted.map((a) => a.accountId),
        sorted.map((a) => a.score),
        sorted.map((a) => a.level),
        sorted.map((a) => JSON.stringify(a.reasons)),
        sorted.map((a) => JSON.stringify(a.families)),
        sorted.map((a) => a.policyVersion),
        sorted.map((a) => a.assessedAt),
      ],
    );
  }

  /** Latest assessments of the given accounts of one marketplace; accounts never assessed are absent. */
  async findByAccounts(marketplaceId: string, accountIds: readonly string[]): Promise<Map<string, RiskAssessmentRecord>> {
    if (accountIds.length === 0) return new Map();
    const rows: RiskAssessmentRecord[] = await this.dataSource.query(
      `SELECT account_id AS "accountId", score, level, reasons, families, policy_version AS "policyVersion", assessed_at AS "assessedAt"
       FROM risk_assessment WHERE marketplace_id = $1 AND account_id = ANY($2::text[])`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    return new Map(rows.map((row) => [row.accountId, row]));
  }
}
