import { Injectable } from '@nestjs/common';
import { IdentityGraphRepository, ReviewCaseRepository, RiskAssessmentRepository } from '@tns/database';
import { DomainError, ErrorCode } from '@tns/domain/errors';
import { type AccountModel, RiskLevelModel } from './account-risk.models';

/** Contract §4: at most this many ids per `accounts` call. */
export const MAX_ACCOUNTS_PER_QUERY = 100;

/**
 * Risk of accounts of one marketplace, in the order asked, null where detection has never assessed
 * the account (never seen). Three set-based reads whatever the number of ids.
 */
@Injectable()
export class GetAccountsRiskUseCase {
  constructor(
    private readonly assessments: RiskAssessmentRepository,
    private readonly graph: IdentityGraphRepository,
    private readonly cases: ReviewCaseRepository,
  ) {}

  async execute(marketplaceId: string, ids: readonly string[]): Promise<(AccountModel | null)[]> {
    if (ids.length > MAX_ACCOUNTS_PER_QUERY) {
      throw new DomainError(ErrorCode.InvalidInput, `accounts takes at most ${MAX_ACCOUNTS_PER_QUERY} ids, got ${ids.length}`);
    }
    if (ids.length === 0) return [];
    const [assessments, clusters, openCases] = await Promise.all([
      this.assessments.findByAccounts(marketplaceId, ids),
      this.graph.clustersOfAccounts(marketplaceId, ids),
      this.cases.activeCasesOf(marketplaceId, ids),
    ]);
    return ids.map((id) => {
      const assessment = assessments.get(id);
      if (!assessment) return null;
      return {
        id,
        riskScore: assessment.score,
        riskLevel: RiskLevelModel[assessment.level],
        reasons: assessment.reasons.map(({ code, family, weight, summary }) => ({ code, family, weight, summary })),
        cluster: clusters.get(id) ?? null,
        openCases: openCases.filter((found) => found.accountId === id).map(({ id: caseId, queue, status }) => ({ id: caseId, queue, status })),
        enforcement: { state: 'NONE' },
      };
    });
  }
}
