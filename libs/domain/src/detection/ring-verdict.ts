// When a cluster of linked accounts is a ring rather than a household, an agency or a coworking
// space: the links alone never decide it, the members' own evidence does. Patterns from the advisory
// (May 2022) and Mandiant/Okta: several personas of one operator each showing their own red flags;
// accounts paying and praising each other (fake clients funding their own freelancers); many
// personas paid into one instrument.

import type { EntityKind } from './graph-context';
import { STRONG_ENTITY_KINDS } from './identity-graph';
import type { ReasonFamily } from './reason';

export interface ClusterMemberEvidence {
  accountId: string;
  /** Families of the member's own reasons with corroborating weight (ring reasons excluded). */
  families: readonly ReasonFamily[];
}

export interface ClusterEvidence {
  clusterId: string;
  members: readonly ClusterMemberEvidence[];
  /** The (non-hub) entities joining members, with how many accounts of the cluster share each. */
  links: readonly { kind: EntityKind; accountCount: number }[];
  /** Contracts whose client and freelancer are both members, and the 5-star reviews between members. */
  internalContracts: number;
  internalFiveStarReviews: number;
}

export type RingPatternCode = 'PERSONAS_WITH_OWN_RED_FLAGS' | 'MEMBERS_HIRE_AND_RATE_EACH_OTHER' | 'PAYOUTS_FUNNELLED_TO_ONE_INSTRUMENT';

export interface RingVerdict {
  isRing: boolean;
  reasons: { code: RingPatternCode; summary: string }[];
}

/** Network-only evidence (a VPN) or the shared address that made the link do not make a member suspicious. */
const SUBSTANTIVE_FAMILIES: readonly ReasonFamily[] = ['location', 'account-sharing', 'remote-control', 'identity', 'payout', 'collusion', 'sanctions'];
const MIN_SUSPICIOUS_MEMBERS = 2;
const MIN_FUNNEL_ACCOUNTS = 3;

export function ringVerdict(cluster: ClusterEvidence): RingVerdict {
  if (cluster.members.length < 2) return { isRing: false, reasons: [] };
  const suspicious = cluster.members.filter((member) => member.families.some((family) => SUBSTANTIVE_FAMILIES.includes(family)));
  const strongLinks = cluster.links.filter((link) => STRONG_ENTITY_KINDS.includes(link.kind));
  const reasons: RingVerdict['reasons'] = [];

  if (strongLinks.length > 0 && suspicious.length >= MIN_SUSPICIOUS_MEMBERS) {
    reasons.push({
      code: 'PERSONAS_WITH_OWN_RED_FLAGS',
      summary: `${suspicious.length} of ${cluster.members.length} accounts sharing a ${strongLinks[0].kind} show red flags of their own`,
    });
  }
  if (cluster.internalContracts > 0 && cluster.internalFiveStarReviews > 0) {
    reasons.push({
      code: 'MEMBERS_HIRE_AND_RATE_EACH_OTHER',
      summary: `${cluster.internalContracts} contract(s) and ${cluster.internalFiveStarReviews} 5-star review(s) between linked accounts`,
    });
  }
  const funnel = cluster.links.find((link) => link.kind === 'payout-instrument' && link.accountCount >= MIN_FUNNEL_ACCOUNTS);
  if (funnel && suspicious.length >= 1) {
    reasons.push({ code: 'PAYOUTS_FUNNELLED_TO_ONE_INSTRUMENT', summary: `${funnel.accountCount} accounts are paid into one instrument` });
  }
  return { isRing: reasons.length > 0, reasons };
}
