import type { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../returning-rows';

export type CaseSubjectKind = 'account' | 'cluster';
export type CaseStatus = 'open' | 'in_review' | 'resolved' | 'dismissed' | 'merged';

/** Statuses in which a case is still active: the "one open case per subject" index covers these. */
export const ACTIVE_CASE_STATUSES: readonly CaseStatus[] = ['open', 'in_review'];

/** What detection knows when a case should exist: written on open, refreshed on new evidence. */
export interface CaseDraft {
  subjectKind: CaseSubjectKind;
  subjectId: string;
  queue: string;
  score: number;
  level: string;
  reasons: unknown;
  evidence: unknown;
  memberAccountIds: readonly string[];
  policyVersion: string;
  /** When set, an existing active case of the subject moves to this draft's queue (escalation, e.g. a sanctions match). */
  takesOverQueue?: boolean;
}

export interface ActiveCase {
  id: string;
  subjectKind: CaseSubjectKind;
  subjectId: string;
  queue: string;
  status: CaseStatus;
  memberAccountIds: string[];
  openedAt: Date;
}

export interface CaseRef {
  accountId: string;
  id: string;
  queue: string;
  status: CaseStatus;
}

export class ReviewCaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Opens a case per draft, or refreshes the subject's active case with the new evidence (its queue
   * and status stay: a moderator may already hold it — unless the draft takes over the queue, as a
   * sanctions match does). The partial unique index decides, so two
   * workers racing on one subject end with one case. Returns the case ids in draft order.
   */
  async openOrRefresh(manager: EntityManager, marketplaceId: string, drafts: readonly CaseDraft[]): Promise<string[]> {
    const ids: string[] = [];
    const sorted = [...drafts].sort((a, b) => compare(`${a.subjectKind}:${a.subjectId}`, `${b.subjectKind}:${b.subjectId}`));
    for (const draft of sorted) {
      const rows: unknown = await manager.query(
        `INSERT INTO review_case (marketplace_id, subject_kind, subject_id, queue, score, level, reasons, evidence, member_account_ids, policy_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::text[], $10)
         ON CONFLICT (marketplace_id, subject_kind, subject_id) WHERE status IN ('open', 'in_review')
         DO UPDATE SET score = excluded.score, level = excluded.level, reasons = excluded.reasons, evidence = excluded.evidence,
                       member_account_ids = excluded.member_account_ids, policy_version = excluded.policy_version, updated_at = now(),
                       queue = CASE WHEN $11::boolean THEN excluded.queue ELSE review_case.queue END
         RETURNING id`,
        [
          marketplaceId,
          draft.subjectKind,
          draft.subjectId,
          draft.queue,
          draft.score,
          draft.level,
          JSON.stringify(draft.reasons),
          JSON.stringify(draft.evidence),
          [...draft.memberAccountIds].sort(),
          draft.policyVersion,
          draft.takesOverQueue === true,
        ],
      );
      ids.push(returningRows<{ id: string }>(rows)[0].id);
    }
    return ids;
  }

  /** Active cluster cases listing any of `accountIds`, oldest first. */
  async activeClusterCasesWithMembers(manager: EntityManager, marketplaceId: string, accountIds: readonly string[]): Promise<ActiveCase[]> {
    if (accountIds.length === 0) return [];
    return manager.query(
      `SELECT id, subject_kind AS "subjectKind", subject_id AS "subjectId", queue, status,
              member_account_ids AS "memberAccountIds", opened_at AS "openedAt"
       FROM review_case
       WHERE marketplace_id = $1 AND subject_kind = 'cluster' AND status IN ('open', 'in_review')
         AND member_account_ids && $2::text[]
       ORDER BY opened_at, id`,
      [marketplaceId, [...new Set(accountIds)]],
    );
  }

  /** Points an active case at a new subject id (a cluster whose id moved as it grew). */
  async resubject(manager: EntityManager, marketplaceId: string, caseId: string, subjectId: string): Promise<void> {
    await manager.query(`UPDATE review_case SET subject_id = $3, updated_at = now() WHERE marketplace_id = $1 AND id = $2`, [
      marketplaceId,
      caseId,
      subjectId,
    ]);
  }

  /** Closes active cases whose subject merged into another case's. */
  async markMerged(manager: EntityManager, marketplaceId: string, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await manager.query(
      `UPDATE review_case SET status = 'merged', closed_at = now(), updated_at = now()
       WHERE marketplace_id = $1 AND id = ANY($2::uuid[]) AND status IN ('open', 'in_review')`,
      [marketplaceId, caseIds],
    );
  }

  /**
   * Closes as merged the still-unclaimed account cases of these accounts (their ring's case now
   * covers them); claimed ones stay with their moderator. Returns the ids closed.
   */
  async mergeOpenAccountCases(manager: EntityManager, marketplaceId: string, accountIds: readonly string[]): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const rows: unknown = await manager.query(
      `UPDATE review_case SET status = 'merged', closed_at = now(), updated_at = now()
       WHERE marketplace_id = $1 AND subject_kind = 'account' AND subject_id = ANY($2::text[]) AND status = 'open'
       RETURNING id`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    return returningRows<{ id: string }>(rows).map((row) => row.id);
  }

  /** Unclaimed (status 'open') cases listing any of `accountIds`, oldest first. */
  async unclaimedCasesListing(manager: EntityManager, marketplaceId: string, accountIds: readonly string[]): Promise<ActiveCase[]> {
    if (accountIds.length === 0) return [];
    return manager.query(
      `SELECT id, subject_kind AS "subjectKind", subject_id AS "subjectId", queue, status,
              member_account_ids AS "memberAccountIds", opened_at AS "openedAt"
       FROM review_case
       WHERE marketplace_id = $1 AND status = 'open' AND member_account_ids && $2::text[]
       ORDER BY opened_at, id`,
      [marketplaceId, [...new Set(accountIds)]],
    );
  }

  /**
   * Withdraws unclaimed cases whose evidence is gone (a "ring" that later signals showed to be an
   * agency or a household): dismissed by detection, noted in the evidence. Claimed cases stay.
   */
  async withdrawUnclaimed(manager: EntityManager, marketplaceId: string, caseIds: readonly string[], note: string): Promise<void> {
    if (caseIds.length === 0) return;
    await manager.query(
      `UPDATE review_case SET status = 'dismissed', closed_at = now(), updated_at = now(),
              evidence = evidence || jsonb_build_object('withdrawnByDetection', $3::text)
       WHERE marketplace_id = $1 AND id = ANY($2::uuid[]) AND status = 'open'`,
      [marketplaceId, caseIds, note],
    );
  }

  /** Active cases listing each account (its own case, and cases of clusters it belongs to), oldest first. */
  async activeCasesOf(marketplaceId: string, accountIds: readonly string[]): Promise<CaseRef[]> {
    if (accountIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT a.account_id AS "accountId", c.id, c.queue, c.status
       FROM unnest($2::text[]) AS a(account_id)
       JOIN review_case c ON c.marketplace_id = $1 AND c.member_account_ids @> ARRAY[a.account_id]
                         AND c.status IN ('open', 'in_review')
       ORDER BY c.opened_at, c.id`,
      [marketplaceId, [...new Set(accountIds)]],
    );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
