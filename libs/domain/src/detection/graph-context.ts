import type { RingVerdict } from './ring-verdict';
import { isHubEntity } from './identity-graph';

export type EntityKind =
  | 'device'
  | 'mfa-device'
  | 'payout-instrument'
  | 'document'
  | 'name-dob'
  | 'phone'
  | 'email'
  | 'address'
  | 'bio'
  | 'photo'
  | 'ip-window';

export interface LinkedAccount {
  accountId: string;
  /** Same agency as this account (or it is this account's agency): sharing its payout or office is normal. */
  sameAgency: boolean;
}

/** One entity (device, payout instrument, …) this account shares with other accounts. */
export interface SharedEntity {
  kind: EntityKind;
  key: string;
  /** Accounts holding the entity, this one included; decides hub pruning. */
  accountCount: number;
  /** The other accounts (may be a bounded sample when accountCount is large). */
  others: LinkedAccount[];
}

/** What the identity graph knows around one account; built by the application from its graph store. */
export interface GraphContext {
  sharedEntities: SharedEntity[];
  cluster?: {
    clusterId: string;
    size: number;
    ring?: RingVerdict;
  };
  /**
   * Cluster id of each counterpart this account contracts with or reviews (freelancers for a client,
   * clients for a freelancer), for those in a cluster of two or more accounts.
   */
  counterpartClusters?: Readonly<Record<string, string>>;
  /** Agency account of each counterpart that declared one (agency members): an agency's team is one supplier. */
  counterpartAgencies?: Readonly<Record<string, string>>;
}

export function emptyGraphContext(): GraphContext {
  return { sharedEntities: [] };
}

/** Shared entities of these kinds that are specific enough to be links (hubs set aside). */
export function specificSharedEntities(graph: GraphContext, kinds: readonly EntityKind[]): SharedEntity[] {
  return graph.sharedEntities.filter(
    (entity) => kinds.includes(entity.kind) && entity.accountCount >= 2 && !isHubEntity(entity.kind, entity.accountCount),
  );
}
