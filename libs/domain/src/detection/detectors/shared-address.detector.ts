// Red flag (DOJ laptop-farm cases 2024–25): company laptops are shipped to a facilitator's address
// that several "employees" give as theirs; tax forms point there too. Only shipping and tax addresses
// count, and only when at least two other unrelated accounts use them: a couple of freelancers living
// together share one other account, not a farm.

import { specificSharedEntities } from '../graph-context';
import { type Detector, weighReason } from '../reason';

const MIN_OTHER_ACCOUNTS = 2;

export const detectSharedAddress: Detector = (features, { policy, graph }) => {
  const currentAddresses = new Map<string, string>();
  for (const address of features.addresses) {
    // latest first: the first one of each kind is the current one
    if ((address.kind === 'shipping' || address.kind === 'tax') && !currentAddresses.has(address.kind)) {
      currentAddresses.set(address.kind, address.addressKey);
    }
  }
  const currentKeys = new Set([...currentAddresses.values()].map((addressKey) => `address:${addressKey}`));
  const shared = specificSharedEntities(graph, ['address']).filter((entity) => currentKeys.has(entity.key));
  const others = [...new Set(shared.flatMap((entity) => entity.others.filter((other) => !other.sameAgency).map((other) => other.accountId)))].sort();
  if (others.length < MIN_OTHER_ACCOUNTS) return [];
  const kinds = [...currentAddresses.entries()].filter(([, key]) => shared.some((entity) => entity.key === `address:${key}`)).map(([kind]) => kind).sort();
  return weighReason(policy, 'SHARED_SHIPPING_ADDRESS', Math.min(1, others.length / 4 + 0.25), `${kinds.join(' and ')} address used by ${others.length} other account(s)`, {
    addressKinds: kinds,
    otherAccounts: others,
  });
};
