import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccountFeaturesRepository,
  IdentityGraphRepository,
  ReviewCaseRepository,
  RiskAssessmentRepository,
  SanctionsScreeningRepository,
  type CaseDraft,
} from '@tns/database';
import { type AccountFeatures, DEFAULT_RISK_POLICY, emptyAccountFeatures, type Reason, type RiskAssessment, type RiskPolicy } from '@tns/domain/detection';
import { ClusterBuilder } from '../graph/cluster-builder';
import { clusterIdOf } from '../graph/link-rules';
import { caseEvidenceOf, sanctionsReasons } from '../sanctions/sanctions-reason';
import { assessAccounts, counterpartsOf } from './assess-accounts';
import { caseDrafts } from './case-drafts';

export interface RefreshOutcome {
  assessments: RiskAssessment[];
  clusters: { clusterId: string; members: readonly string[]; isRing: boolean }[];
  caseIds: string[];
}

/**
 * After a batch changed some accounts' features and graph links: rebuilds the clusters around
 * them, re-assesses everyone whose inputs may have changed (the accounts, their cluster mates,
 * and the counterparts whose collusion check reads a cluster or agency that changed), stores the
 * assessments and clusters, and opens or refreshes cases. `registered`: accounts whose
 * registration (so agency) this pass changed. Runs inside the batch's transaction, after the
 * marketplace's graph lock.
 */
@Injectable()
export class RiskRefresher {
  readonly policy: RiskPolicy = DEFAULT_RISK_POLICY;

  constructor(
    private readonly clusterBuilder: ClusterBuilder,
    private readonly graph: IdentityGraphRepository,
    private readonly featuresStore: AccountFeaturesRepository,
    private readonly assessmentsStore: RiskAssessmentRepository,
    private readonly cases: ReviewCaseRepository,
    private readonly sanctionsHits: SanctionsScreeningRepository,
  ) {}

  async refresh(
    manager: EntityManager,
    marketplaceId: string,
    seeds: readonly string[],
    knownFeatures: ReadonlyMap<string, AccountFeatures>,
    now: number,
    registered: readonly string[] = [],
  ): Promise<RefreshOutcome> {
    // Whole old clusters are rebuilt, so that a cluster that splits leaves no stale member behind.
    const oldClusterIds = await this.graph.clusterIdsOf(manager, marketplaceId, seeds);
    const oldMembers = await this.graph.membersOf(manager, marketplaceId, [...new Set(oldClusterIds.values())]);
    const start = [...new Set([...seeds, ...[...oldMembers.values()].flat()])].sort();
    const { components, rows, attributes } = await this.clusterBuilder.surroundings(manager, marketplaceId, start);
    const rebuilt = components.flat();

    const features = new Map(knownFeatures);
    await this.loadFeatures(manager, marketplaceId, rebuilt, features);

    const clusters = new Map<string, string[]>();
    const clusterIdOfAccount = new Map<string, string>();
    for (const members of components) {
      if (members.length < 2) continue;
      const clusterId = clusterIdOf(members);
      clusters.set(clusterId, members);
      for (const accountId of members) clusterIdOfAccount.set(accountId, clusterId);
    }

    // Counterparts (clients of these freelancers, freelancers of these clients) read the cluster id
    // and agency of each other in their collusion check: where an account's cluster changed, or its
    // registration (agency) did, its counterparts are re-assessed too (their own clusters are
    // unchanged, their verdicts may not be). Otherwise they are left alone: that is most passes.
    const oldClusterOf = new Map<string, string>();
    for (const [clusterId, members] of oldMembers) for (const accountId of members) oldClusterOf.set(accountId, clusterId);
    const reclustered = rebuilt.filter((accountId) => oldClusterOf.get(accountId) !== clusterIdOfAccount.get(accountId));
    const rebuiltSet = new Set(rebuilt);
    const counterparts = [...new Set([...reclustered, ...registered].flatMap((accountId) => counterpartsOf(featuresOr(features, accountId))))].filter(
      (id) => !rebuiltSet.has(id),
    );
    const counterpartClusterIds = await this.graph.clusterIdsOf(manager, marketplaceId, counterparts);
    const counterpartClusters = await this.graph.membersOf(manager, marketplaceId, [...new Set(counterpartClusterIds.values())]);
    const extra = [...new Set([...counterparts, ...[...counterpartClusters.values()].flat()])].filter((id) => !rebuiltSet.has(id)).sort();
    const extraRows = await this.clusterBuilder.rowsOf(manager, marketplaceId, extra, attributes);
    await this.loadFeatures(manager, marketplaceId, extra, features);
    for (const [clusterId, members] of counterpartClusters) {
      if (members.some((accountId) => rebuiltSet.has(accountId))) continue;
      clusters.set(clusterId, members);
      for (const accountId of members) clusterIdOfAccount.set(accountId, clusterId);
    }

    // Cluster ids of everyone's counterparts, for the collusion detector.
    const assessed = [...new Set([...rebuilt, ...extra])].sort();
    const unknownCounterparts = [...new Set(assessed.flatMap((accountId) => counterpartsOf(featuresOr(features, accountId))))].filter(
      (id) => !clusterIdOfAccount.has(id) && !rebuiltSet.has(id),
    );
    const clusteredCounterparts: string[] = [];
    for (const [accountId, clusterId] of await this.graph.clusterIdsOf(manager, marketplaceId, unknownCounterparts)) {
      clusterIdOfAccount.set(accountId, clusterId);
      clusteredCounterparts.push(accountId);
    }
    // Their agency membership too: several members of one agency hired by one client are one supplier.
    await this.clusterBuilder.loadAttributes(manager, marketplaceId, clusteredCounterparts, attributes);

    // Sanctions hits persist: every assessment of a matched account carries its SANCTIONS_MATCH.
    const hits = await this.sanctionsHits.activeHitsOf(manager, marketplaceId, assessed);
    const extraReasons = new Map<string, Reason[]>();
    const accountEvidence = new Map<string, Record<string, unknown>>();
    for (const [accountId, accountHits] of hits) {
      extraReasons.set(accountId, sanctionsReasons(accountHits, this.policy));
      accountEvidence.set(accountId, { sanctionsHits: caseEvidenceOf(accountHits) });
    }

    const { assessments, clusters: outcomes } = assessAccounts({
      accountIds: assessed,
      features,
      rows: [...rows, ...extraRows],
      attributes,
      clusters,
      clusterIdOf: clusterIdOfAccount,
      policy: this.policy,
      now,
      extraReasons,
    });

    await this.graph.replaceClusters(
      manager,
      marketplaceId,
      [...rebuilt, ...outcomes.flatMap((outcome) => outcome.members)],
      outcomes.map((outcome) => ({
        clusterId: outcome.clusterId,
        members: outcome.members,
        isRing: outcome.verdict.isRing,
        evidence: { links: outcome.links, internalContracts: outcome.internalContracts, internalFiveStarReviews: outcome.internalFiveStarReviews, ring: outcome.verdict },
      })),
    );
    const assessedAt = new Date(now);
    await this.assessmentsStore.saveMany(
      manager,
      marketplaceId,
      assessments.map((assessment) => ({
        accountId: assessment.accountId,
        score: assessment.score,
        level: assessment.level,
        reasons: assessment.reasons.map(({ code, family, weight, summary, evidence }) => ({ code, family, weight, summary, evidence })),
        families: assessment.families,
        policyVersion: assessment.policyVersion,
        assessedAt,
      })),
    );
    const drafts = caseDrafts(assessments, outcomes, this.policy, accountEvidence);
    const caseIds = await this.openCases(manager, marketplaceId, drafts);
    await this.withdrawStaleCases(manager, marketplaceId, assessments, outcomes, drafts);
    return {
      assessments,
      clusters: outcomes.map((outcome) => ({ clusterId: outcome.clusterId, members: outcome.members, isRing: outcome.verdict.isRing })),
      caseIds,
    };
  }

  /**
   * Cluster ids follow the smallest member, so a growing ring can change id: its active case
   * follows it (the oldest one, if two rings merged; the others are closed as merged) instead of
   * a second case opening for the same people.
   */
  private async openCases(manager: EntityManager, marketplaceId: string, drafts: readonly CaseDraft[]): Promise<string[]> {
    // Accounts keeping a case of their own beside their ring's (a sanctions match).
    const ownCase = new Set(drafts.filter((draft) => draft.subjectKind === 'account').map((draft) => draft.subjectId));
    for (const draft of drafts) {
      if (draft.subjectKind !== 'cluster') continue;
      // A persona flagged alone before its ring was known: the ring's case takes it over.
      const merged = await this.cases.mergeOpenAccountCases(
        manager,
        marketplaceId,
        draft.memberAccountIds.filter((accountId) => !ownCase.has(accountId)),
      );
      if (merged.length > 0) draft.evidence = { ...(draft.evidence as object), mergedAccountCaseIds: merged };
      const existing = await this.cases.activeClusterCasesWithMembers(manager, marketplaceId, draft.memberAccountIds);
      if (existing.length === 0) continue;
      const kept = existing.find((found) => found.subjectId === draft.subjectId) ?? existing[0];
      await this.cases.markMerged(manager, marketplaceId, existing.filter((found) => found.id !== kept.id).map((found) => found.id));
      if (kept.subjectId !== draft.subjectId) await this.cases.resubject(manager, marketplaceId, kept.id, draft.subjectId);
    }
    return this.cases.openOrRefresh(manager, marketplaceId, drafts);
  }

  /**
   * The result must not depend on arrival order: a case opened on early, partial evidence (personas
   * sharing a payout before their agency registrations arrived) is withdrawn once every account it
   * lists has been re-assessed and none is flagged for it any more — a cluster case when none of its
   * members is in a ring, an account case when the account no longer reaches the case threshold.
   * Only unclaimed cases; sanctions cases are the sanctions team's to close.
   */
  private async withdrawStaleCases(
    manager: EntityManager,
    marketplaceId: string,
    assessments: readonly RiskAssessment[],
    outcomes: readonly { members: readonly string[]; verdict: { isRing: boolean } }[],
    drafts: readonly CaseDraft[],
  ): Promise<void> {
    const assessed = new Set(assessments.map((assessment) => assessment.accountId));
    const ringMembers = new Set(outcomes.filter((outcome) => outcome.verdict.isRing).flatMap((outcome) => outcome.members));
    const drafted = new Set(drafts.map((draft) => `${draft.subjectKind}:${draft.subjectId}`));
    const sanctionsQueue = this.policy.caseOpening.queueByFamily.sanctions;
    const unclaimed = await this.cases.unclaimedCasesListing(manager, marketplaceId, [...assessed]);
    const stale = unclaimed.filter(
      (found) =>
        found.queue !== sanctionsQueue &&
        !drafted.has(`${found.subjectKind}:${found.subjectId}`) &&
        found.memberAccountIds.every((accountId) => assessed.has(accountId) && !ringMembers.has(accountId)),
    );
    await this.cases.withdrawUnclaimed(
      manager,
      marketplaceId,
      stale.map((found) => found.id),
      'later signals removed the evidence the case was opened on',
    );
  }

  private async loadFeatures(manager: EntityManager, marketplaceId: string, accountIds: readonly string[], into: Map<string, AccountFeatures>): Promise<void> {
    const missing = accountIds.filter((accountId) => !into.has(accountId));
    for (const [accountId, state] of await this.featuresStore.findMany(manager, marketplaceId, missing)) into.set(accountId, state);
  }
}

function featuresOr(features: ReadonlyMap<string, AccountFeatures>, accountId: string): AccountFeatures {
  return features.get(accountId) ?? emptyAccountFeatures(accountId);
}
