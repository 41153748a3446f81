// Red flag (Okta, marketplace fraud practice): a client account that exists to build the personas'
// reputation — its contracts and 5-star reviews go to freelancers linked to each other (or to itself).
// A client hiring the same freelancer again, unrelated freelancers, or several members of one
// agency, is ordinary business.

import { type Detector, weighReason } from '../reason';

const MIN_LINKED_FREELANCERS = 2;

export const detectClientCollusion: Detector = (features, { policy, graph }) => {
  const clusterOf = graph.counterpartClusters ?? {};
  const ownCluster = graph.cluster && graph.cluster.size >= 2 ? graph.cluster.clusterId : undefined;
  const hired = new Set(features.work.contractsAsClient.map((contract) => contract.counterpartId));
  const fiveStarred = new Set(features.work.reviewsGiven.filter((review) => review.rating === 5).map((review) => review.counterpartId));

  const freelancersByCluster = new Map<string, Set<string>>();
  for (const freelancer of hired) {
    const clusterId = clusterOf[freelancer];
    if (clusterId) freelancersByCluster.set(clusterId, (freelancersByCluster.get(clusterId) ?? new Set()).add(freelancer));
  }
  // Hiring several members of one agency is hiring one supplier: its team shares the agency's
  // office, payout and boilerplate by design. Each agency counts once.
  const agencyOf = graph.counterpartAgencies ?? {};
  const suppliers = (freelancers: ReadonlySet<string>) => new Set([...freelancers].map((freelancer) => agencyOf[freelancer] ?? freelancer)).size;
  const colluding = [...freelancersByCluster.entries()]
    .filter(([clusterId, freelancers]) => suppliers(freelancers) >= MIN_LINKED_FREELANCERS || clusterId === ownCluster)
    .map(([clusterId, freelancers]) => ({ clusterId, freelancers: [...freelancers].sort() }))
    .filter(({ freelancers }) => freelancers.some((freelancer) => fiveStarred.has(freelancer)));
  if (colluding.length === 0) return [];

  const freelancers = colluding.flatMap((group) => group.freelancers).sort();
  const fiveStarReviews = features.work.reviewsGiven.filter((review) => review.rating === 5 && freelancers.includes(review.counterpartId)).length;
  const selfLinked = colluding.some((group) => group.clusterId === ownCluster);
  return weighReason(
    policy,
    'CLIENT_FUNDS_LINKED_ACCOUNTS',
    selfLinked ? 1 : Math.min(1, 0.4 + 0.2 * freelancers.length),
    selfLinked
      ? `hires and 5-star reviews ${freelancers.length} freelancer(s) linked to this client account itself`
      : `hires and 5-star reviews ${freelancers.length} freelancers who are linked to each other`,
    { freelancers, clusters: colluding.map((group) => group.clusterId).sort(), fiveStarReviews, linkedToClientItself: selfLinked },
  );
};
