// When detection opens (or refreshes) a case: the policy's case threshold on an assessment, and a
// ring as one case listing its members rather than one per persona. A sanctions match is the
// exception to both: it always has its own account case, in the sanctions queue (a sanctions
// team decides it, whatever ring the account is also in). Pure.

import type { CaseDraft } from '@tns/database';
import { levelRank, type RiskAssessment, type RiskPolicy } from '@tns/domain/detection';
import type { ClusterOutcome } from './assess-accounts';

const publicReasons = (assessment: RiskAssessment) =>
  assessment.reasons.map(({ code, family, weight, summary, evidence }) => ({ code, family, weight, summary, evidence }));

/** Whether the assessment's case is decided by a family that stands alone (a sanctions match). */
function standsAlone(assessment: RiskAssessment, policy: RiskPolicy): boolean {
  return assessment.families.some((family) => policy.criticalByItself.includes(family));
}

/**
 * @param accountEvidence extra evidence for an account's own case (the sanctions hits behind its
 *   reason, with entity, list, programme and what matched), merged into the case's evidence.
 */
export function caseDrafts(
  assessments: readonly RiskAssessment[],
  clusters: readonly ClusterOutcome[],
  policy: RiskPolicy,
  accountEvidence: ReadonlyMap<string, Record<string, unknown>> = new Map(),
): CaseDraft[] {
  const byAccount = new Map(assessments.map((assessment) => [assessment.accountId, assessment]));
  const drafts: CaseDraft[] = [];
  const inRingCase = new Set<string>();

  for (const cluster of clusters) {
    if (!cluster.verdict.isRing) continue;
    const members = cluster.members.map((accountId) => byAccount.get(accountId)).filter((a): a is RiskAssessment => !!a);
    if (!members.some((member) => member.caseQueue !== undefined)) continue;
    const heaviest = [...members].sort((a, b) => b.score - a.score || levelRank(b.level) - levelRank(a.level) || (a.accountId < b.accountId ? -1 : 1))[0];
    for (const accountId of cluster.members) {
      const member = byAccount.get(accountId);
      if (!member || !standsAlone(member, policy)) inRingCase.add(accountId);
    }
    drafts.push({
      subjectKind: 'cluster',
      subjectId: cluster.clusterId,
      queue: policy.caseOpening.queueByFamily.ring,
      score: heaviest.score,
      level: heaviest.level,
      reasons: cluster.verdict.reasons,
      evidence: {
        links: cluster.links.map(({ kind, accountCount }) => ({ kind, accountCount })),
        internalContracts: cluster.internalContracts,
        internalFiveStarReviews: cluster.internalFiveStarReviews,
        members: members.map((member) => ({ accountId: member.accountId, score: member.score, level: member.level, reasons: publicReasons(member) })),
      },
      memberAccountIds: [...cluster.members],
      policyVersion: policy.version,
    });
  }

  for (const assessment of assessments) {
    if (assessment.caseQueue === undefined || inRingCase.has(assessment.accountId)) continue;
    drafts.push({
      subjectKind: 'account',
      subjectId: assessment.accountId,
      queue: assessment.caseQueue,
      score: assessment.score,
      level: assessment.level,
      reasons: publicReasons(assessment),
      evidence: { families: assessment.families, ...accountEvidence.get(assessment.accountId) },
      memberAccountIds: [assessment.accountId],
      policyVersion: assessment.policyVersion,
      // An account case opened for other reasons moves to the queue that must decide a sanctions match.
      takesOverQueue: standsAlone(assessment, policy),
    });
  }
  return drafts;
}
