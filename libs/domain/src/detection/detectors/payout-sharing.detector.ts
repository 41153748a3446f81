// Red flags (Treasury/FBI advisory; DOJ facilitator cases): several personas paid into one account,
// and the self-dealing variant — the freelancer's payout account also belongs to a client paying
// them, so the "client" is the same operator moving money. Members of an agency paid through the
// agency's account are the legitimate look-alike and are set aside.

import type { AccountFeatures } from '../account-features';
import { specificSharedEntities } from '../graph-context';
import { type Detector, type Reason, weighReason } from '../reason';

function clientsOf(features: AccountFeatures): Set<string> {
  return new Set([
    ...features.work.contractsAsFreelancer.map((contract) => contract.counterpartId),
    ...features.work.reviewsReceived.map((review) => review.counterpartId),
  ]);
}

export const detectPayoutSharing: Detector = (features, { policy, graph }) => {
  const ownAgency = features.registration?.value.agencyAccountId;
  const sharers = [
    ...new Set(
      specificSharedEntities(graph, ['payout-instrument'])
        .flatMap((entity) => entity.others)
        .filter((other) => !other.sameAgency && other.accountId !== ownAgency)
        .map((other) => other.accountId),
    ),
  ].sort();
  if (sharers.length === 0) return [];

  const reasons: Reason[] = weighReason(
    policy,
    'PAYOUT_INSTRUMENT_SHARED',
    Math.min(1, 0.6 + 0.2 * sharers.length),
    `payout instrument shared with ${sharers.length} unrelated account(s)`,
    { otherAccounts: sharers },
  );
  const clients = clientsOf(features);
  const payingClients = sharers.filter((accountId) => clients.has(accountId));
  if (payingClients.length > 0) {
    reasons.push(
      ...weighReason(policy, 'PAYOUT_SHARED_WITH_CLIENT', 1, `paid into the same instrument as ${payingClients.length} client(s) it works for`, {
        clients: payingClients,
      }),
    );
  }
  return reasons;
};
