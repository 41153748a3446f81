// Assessing a set of accounts together, in the order the domain asks for rings: members first
// without the ring, their own families decide the ring verdict, then everyone with it. Pure.

import {
  type AccountFeatures,
  assessAccount,
  emptyAccountFeatures,
  type GraphContext,
  ownEvidenceFamilies,
  type Reason,
  ringVerdict,
  type RingVerdict,
  type RiskAssessment,
  type RiskPolicy,
} from '@tns/domain/detection';
import { clusterLinks, type LinkAttributes, type NeighbourhoodRow, rowsByAccount, sharedEntitiesOf } from '../graph/link-rules';

export interface AssessmentInput {
  /** Accounts to assess; every member of their clusters must be among them. */
  accountIds: readonly string[];
  features: ReadonlyMap<string, AccountFeatures>;
  rows: readonly NeighbourhoodRow[];
  attributes: ReadonlyMap<string, LinkAttributes>;
  /** Members of each cluster (two or more accounts) the assessed accounts are in. */
  clusters: ReadonlyMap<string, readonly string[]>;
  /** Cluster id of every account in a cluster that the assessed accounts or their counterparts are in. */
  clusterIdOf: ReadonlyMap<string, string>;
  policy: RiskPolicy;
  now: number;
  /** Reasons found outside the detectors (sanctions hits), by account. */
  extraReasons?: ReadonlyMap<string, readonly Reason[]>;
}

export interface ClusterOutcome {
  clusterId: string;
  members: readonly string[];
  verdict: RingVerdict;
  links: { kind: string; key: string; accountCount: number }[];
  internalContracts: number;
  internalFiveStarReviews: number;
}

export interface AssessmentOutput {
  /** In account order. */
  assessments: RiskAssessment[];
  clusters: ClusterOutcome[];
}

export function counterpartsOf(features: AccountFeatures): string[] {
  const { work } = features;
  return [
    ...new Set(
      [...work.contractsAsClient, ...work.contractsAsFreelancer, ...work.reviewsGiven, ...work.reviewsReceived].map(
        (fact) => fact.counterpartId,
      ),
    ),
  ].sort();
}

export function assessAccounts(input: AssessmentInput): AssessmentOutput {
  const accountIds = [...new Set(input.accountIds)].sort();
  const featuresOf = (accountId: string) => input.features.get(accountId) ?? emptyAccountFeatures(accountId);
  const extraOf = (accountId: string) => input.extraReasons?.get(accountId) ?? [];
  const rowsOfAccount = rowsByAccount(input.rows);

  const baseGraph = (accountId: string): GraphContext => {
    const graph: GraphContext = { sharedEntities: sharedEntitiesOf(accountId, rowsOfAccount.get(accountId) ?? [], input.attributes) };
    const clusterId = input.clusterIdOf.get(accountId);
    const members = clusterId ? input.clusters.get(clusterId) : undefined;
    if (clusterId && members && members.length >= 2) graph.cluster = { clusterId, size: members.length };
    const counterpartClusters: Record<string, string> = {};
    const counterpartAgencies: Record<string, string> = {};
    for (const counterpart of counterpartsOf(featuresOf(accountId))) {
      const counterpartCluster = input.clusterIdOf.get(counterpart);
      if (counterpartCluster) counterpartClusters[counterpart] = counterpartCluster;
      const agency = input.attributes.get(counterpart)?.agencyAccountId ?? input.features.get(counterpart)?.registration?.value.agencyAccountId;
      if (agency) counterpartAgencies[counterpart] = agency;
    }
    if (Object.keys(counterpartClusters).length > 0) graph.counterpartClusters = counterpartClusters;
    if (Object.keys(counterpartAgencies).length > 0) graph.counterpartAgencies = counterpartAgencies;
    return graph;
  };

  const graphs = new Map(accountIds.map((accountId) => [accountId, baseGraph(accountId)]));
  const clusters: ClusterOutcome[] = [];
  for (const [clusterId, members] of [...input.clusters.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (members.length < 2) continue;
    const memberSet = new Set(members);
    const own = members.map((accountId) => {
      const graph = graphs.get(accountId) ?? baseGraph(accountId);
      const assessment = assessAccount(featuresOf(accountId), graph, input.policy, input.now, extraOf(accountId));
      return { accountId, families: ownEvidenceFamilies(assessment, input.policy) };
    });
    let internalContracts = 0;
    let internalFiveStarReviews = 0;
    for (const accountId of members) {
      const { work } = featuresOf(accountId);
      internalContracts += new Set(work.contractsAsClient.filter((c) => memberSet.has(c.counterpartId)).map((c) => c.contractId)).size;
      internalFiveStarReviews += work.reviewsGiven.filter((r) => r.rating === 5 && memberSet.has(r.counterpartId)).length;
    }
    const links = clusterLinks(members, rowsOfAccount, input.attributes);
    const verdict = ringVerdict({ clusterId, members: own, links, internalContracts, internalFiveStarReviews });
    clusters.push({ clusterId, members, verdict, links, internalContracts, internalFiveStarReviews });
    for (const accountId of members) {
      const graph = graphs.get(accountId);
      if (graph?.cluster) graph.cluster = { ...graph.cluster, ring: verdict };
    }
  }

  const assessments = accountIds.map((accountId) =>
    assessAccount(featuresOf(accountId), graphs.get(accountId)!, input.policy, input.now, extraOf(accountId)),
  );
  return { assessments, clusters };
}
