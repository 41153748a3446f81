// Explainable risk: the score is the sum of the reasons' weights, each family capped, and the level
// follows thresholds — except that HIGH needs corroboration from a second family. One kind of
// evidence, however strong it looks (always on a VPN, always up at night, sharing a flat or an office),
// has innocent explanations; two independent kinds rarely do. A sanctions match is CRITICAL by itself.

import type { AccountFeatures } from './account-features';
import { ALL_DETECTORS } from './detectors/all-detectors';
import type { GraphContext } from './graph-context';
import { type Reason, type ReasonCode, type ReasonFamily, weighReason } from './reason';
import { type CaseQueue, levelRank, type RiskLevel, type RiskPolicy } from './risk-policy';

export interface RiskAssessment {
  accountId: string;
  score: number;
  level: RiskLevel;
  /** Sorted by weight, heaviest first (ties by code). */
  reasons: Reason[];
  /** Families with corroborating weight, heaviest first. */
  families: ReasonFamily[];
  policyVersion: string;
  /** Set when the assessment should open a case, with the queue it belongs in. */
  caseQueue?: CaseQueue;
}

/**
 * Runs every detector, adds the ring reason when the account's cluster is a ring, adds
 * `extraReasons` produced elsewhere (sanctions screening), and scores the result under `policy`.
 */
export function assessAccount(
  features: AccountFeatures,
  graph: GraphContext,
  policy: RiskPolicy,
  now: number,
  extraReasons: readonly Reason[] = [],
): RiskAssessment {
  const context = { now, policy, graph };
  const detected = Object.values(ALL_DETECTORS).flatMap((detector) => detector(features, context));
  return scoreReasons(features.accountId, [...detected, ...ringReasons(graph, policy), ...extraReasons], policy);
}

function ringReasons(graph: GraphContext, policy: RiskPolicy): Reason[] {
  const cluster = graph.cluster;
  if (!cluster?.ring?.isRing) return [];
  return weighReason(policy, 'RING_MEMBER', 1, `member of a ring of ${cluster.size} linked accounts: ${cluster.ring.reasons.map((r) => r.summary).join('; ')}`, {
    clusterId: cluster.clusterId,
    clusterSize: cluster.size,
    patterns: cluster.ring.reasons.map((r) => r.code).sort(),
  });
}

/**
 * Reasons that restate the links holding a cluster together (the shared payout instrument or
 * address itself) or the ring verdict: evidence about the cluster, not a member's own red flag.
 * A family with a joint account and one home network has these and nothing else.
 */
export const LINK_RESTATING_CODES: readonly ReasonCode[] = ['PAYOUT_INSTRUMENT_SHARED', 'SHARED_SHIPPING_ADDRESS', 'RING_MEMBER'];

/** Families of a member's own evidence, with corroborating weight: what ringVerdict weighs for each member. */
export function ownEvidenceFamilies(assessment: RiskAssessment, policy: RiskPolicy): ReasonFamily[] {
  const own = assessment.reasons.filter((reason) => !LINK_RESTATING_CODES.includes(reason.code));
  return scoreReasons(assessment.accountId, own, policy).families;
}

/** Scores a set of reasons; exposed so that callers can score reasons they assembled themselves. */
export function scoreReasons(accountId: string, reasons: readonly Reason[], policy: RiskPolicy): RiskAssessment {
  const strongestPerCode = new Map<string, Reason>();
  for (const reason of reasons) {
    const kept = strongestPerCode.get(reason.code);
    if (!kept || reason.weight > kept.weight || (reason.weight === kept.weight && reason.summary < kept.summary)) {
      strongestPerCode.set(reason.code, reason);
    }
  }
  const sorted = [...strongestPerCode.values()].sort((a, b) => b.weight - a.weight || (a.code < b.code ? -1 : 1));

  const familyTotals = new Map<ReasonFamily, number>();
  for (const reason of sorted) familyTotals.set(reason.family, (familyTotals.get(reason.family) ?? 0) + reason.weight);
  const cappedTotals = [...familyTotals.entries()]
    .map(([family, total]) => ({ family, total: Math.min(total, policy.familyCaps[family] ?? total) }))
    .sort((a, b) => b.total - a.total || (a.family < b.family ? -1 : 1));
  const corroborating = cappedTotals.filter(({ total }) => total >= policy.corroboratingFamilyWeight).map(({ family }) => family);

  let score = Math.min(100, cappedTotals.reduce((sum, { total }) => sum + total, 0));
  let level = levelForScore(score, policy);
  const decisiveFamily = corroborating.find((family) => policy.criticalByItself.includes(family));
  if (decisiveFamily) {
    score = 100;
    level = 'CRITICAL';
  } else {
    if (level === 'CRITICAL' && corroborating.length < policy.minFamiliesForCritical) {
      level = 'HIGH';
      score = Math.min(score, policy.levelThresholds.CRITICAL - 1);
    }
    if (levelRank(level) >= levelRank('HIGH') && corroborating.length < policy.minFamiliesForHigh) {
      level = 'MEDIUM';
      score = Math.min(score, policy.levelThresholds.HIGH - 1);
    }
  }

  const assessment: RiskAssessment = { accountId, score, level, reasons: sorted, families: corroborating, policyVersion: policy.version };
  if (levelRank(level) >= levelRank(policy.caseOpening.minLevel)) {
    const queueFamily = decisiveFamily ?? cappedTotals[0]?.family;
    if (queueFamily) assessment.caseQueue = policy.caseOpening.queueByFamily[queueFamily];
  }
  return assessment;
}

function levelForScore(score: number, policy: RiskPolicy): RiskLevel {
  const thresholds = policy.levelThresholds;
  if (score >= thresholds.CRITICAL) return 'CRITICAL';
  if (score >= thresholds.HIGH) return 'HIGH';
  if (score >= thresholds.MEDIUM) return 'MEDIUM';
  if (score >= thresholds.LOW) return 'LOW';
  return 'NONE';
}
