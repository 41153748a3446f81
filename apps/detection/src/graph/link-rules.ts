// How stored graph rows become link decisions and graph contexts. Pure: the repositories supply
// the rows, the domain supplies the rules (shouldUnion, hubs, near-duplicate checks).

import { createHash } from 'node:crypto';
import {
  estimatedJaccard,
  HUB_THRESHOLDS,
  isHubEntity,
  isNearDuplicatePhoto,
  NEAR_DUPLICATE_BIO_JACCARD,
  shouldUnion,
  type EntityKind,
  type LinkEvidence,
  type SharedEntity,
} from '@tns/domain/detection';

/** The largest hub threshold: entities with more holders never link anyone, so their holders are never listed. */
export const MAX_LINKABLE_HOLDERS = Math.max(...Object.values(HUB_THRESHOLDS));

/** An entity an account holds, with its holder count and the other holders (null above MAX_LINKABLE_HOLDERS). */
export interface NeighbourhoodRow {
  accountId: string;
  entityKey: string;
  kind: string;
  accountCount: number;
  others: readonly string[] | null;
}

export interface LinkAttributes {
  agencyAccountId: string | null;
  bioSignature: string | null;
  photoHash: string | null;
  /** Clients with a contract with this account as freelancer. */
  hiredBy: readonly string[];
  /** Clients that gave this account a 5-star review. */
  fiveStarredBy: readonly string[];
}

/** An account nothing is known of yet (no feature state). */
export const NO_LINK_ATTRIBUTES: LinkAttributes = { agencyAccountId: null, bioSignature: null, photoHash: null, hiredBy: [], fiveStarredBy: [] };


const CANDIDATE_KINDS: readonly string[] = ['bio', 'photo'];

/** Members of one agency, or an agency and its member: sharing the agency's payout or office is normal. */
export function sameAgency(a: string, attributesA: LinkAttributes | undefined, b: string, attributesB: LinkAttributes | undefined): boolean {
  const agencyA = attributesA?.agencyAccountId ?? null;
  const agencyB = attributesB?.agencyAccountId ?? null;
  return (agencyA !== null && agencyA === agencyB) || agencyA === b || agencyB === a;
}

/**
 * Bio and photo keys are LSH buckets: sharing one makes two accounts candidates only. The link
 * holds when their latest bios are near-duplicates (estimated Jaccard ≥ 0.5) or their latest photos
 * are within the near-duplicate Hamming distance; other kinds hold as they are.
 */
export function linkHolds(kind: string, attributesA: LinkAttributes | undefined, attributesB: LinkAttributes | undefined): boolean {
  if (!CANDIDATE_KINDS.includes(kind)) return true;
  if (kind === 'bio') {
    const a = attributesA?.bioSignature;
    const b = attributesB?.bioSignature;
    return !!a && !!b && estimatedJaccard(a, b) >= NEAR_DUPLICATE_BIO_JACCARD;
  }
  const a = attributesA?.photoHash;
  const b = attributesB?.photoHash;
  return !!a && !!b && isNearDuplicatePhoto(a, b);
}

/** Rows grouped by the account holding the entity: every rule below reads one account's rows. */
export function rowsByAccount(rows: readonly NeighbourhoodRow[]): Map<string, NeighbourhoodRow[]> {
  const grouped = new Map<string, NeighbourhoodRow[]>();
  for (const row of rows) {
    const accountRows = grouped.get(row.accountId);
    if (accountRows) accountRows.push(row);
    else grouped.set(row.accountId, [row]);
  }
  return grouped;
}

/** The evidence between `accountId` and each other account it shares a linkable entity with; `rows` are its own. */
export function linkEvidenceOf(
  accountId: string,
  rows: readonly NeighbourhoodRow[],
  attributes: ReadonlyMap<string, LinkAttributes>,
): Map<string, LinkEvidence[]> {
  const evidence = new Map<string, LinkEvidence[]>();
  const own = attributes.get(accountId);
  for (const row of rows) {
    if (row.accountId !== accountId || row.others === null) continue;
    if (isHubEntity(row.kind as EntityKind, row.accountCount)) continue;
    for (const other of row.others) {
      const theirs = attributes.get(other);
      if (!linkHolds(row.kind, own, theirs)) continue;
      const link: LinkEvidence = {
        kind: row.kind as EntityKind,
        key: row.entityKey,
        accountCount: row.accountCount,
        sameAgency: sameAgency(accountId, own, other, theirs),
      };
      const found = evidence.get(other);
      if (found) found.push(link);
      else evidence.set(other, [link]);
    }
  }
  return evidence;
}

/** The accounts `accountId` joins a cluster with, under the domain's union rule; `rows` are its own. */
export function unionPartnersOf(
  accountId: string,
  rows: readonly NeighbourhoodRow[],
  attributes: ReadonlyMap<string, LinkAttributes>,
): string[] {
  return [...linkEvidenceOf(accountId, rows, attributes).entries()]
    .filter(([, evidence]) => shouldUnion(evidence).union)
    .map(([other]) => other)
    .sort();
}

/**
 * The clients a freelancer joins a cluster with: a client that hired this account and another
 * supplier it is linked to (`partners`, under the union rule; an agency's members count as one
 * supplier), and gave one of the two five stars. That is the collusion red flag (the client
 * exists to build linked personas' reputation), and a fake client often shares no device, payout
 * or network with its ring: without this rule it would stay outside the ring it funds. Decided on
 * the state as it is, like every link, so clusters stay independent of arrival order.
 */
export function colludingClientsOf(
  accountId: string,
  partners: readonly string[],
  attributes: ReadonlyMap<string, LinkAttributes>,
): string[] {
  const own = attributes.get(accountId) ?? NO_LINK_ATTRIBUTES;
  const clients = new Set<string>();
  for (const client of own.hiredBy) {
    if (client === accountId) continue;
    for (const partner of partners) {
      const theirs = attributes.get(partner) ?? NO_LINK_ATTRIBUTES;
      if (partner === client || sameAgency(accountId, own, partner, theirs) || !theirs.hiredBy.includes(client)) continue;
      if (own.fiveStarredBy.includes(client) || theirs.fiveStarredBy.includes(client)) clients.add(client);
    }
  }
  return [...clients].sort();
}

/** The account's shared entities for its GraphContext (hubs with their count only, candidates only when confirmed); `rows` are its own. */
export function sharedEntitiesOf(
  accountId: string,
  rows: readonly NeighbourhoodRow[],
  attributes: ReadonlyMap<string, LinkAttributes>,
): SharedEntity[] {
  const own = attributes.get(accountId);
  const shared: SharedEntity[] = [];
  for (const row of rows) {
    if (row.accountId !== accountId) continue;
    const others = (row.others ?? [])
      .filter((other) => linkHolds(row.kind, own, attributes.get(other)))
      .map((other) => ({ accountId: other, sameAgency: sameAgency(accountId, own, other, attributes.get(other)) }));
    if (CANDIDATE_KINDS.includes(row.kind) && others.length === 0) continue;
    shared.push({ kind: row.kind as EntityKind, key: row.entityKey, accountCount: row.accountCount, others });
  }
  return shared.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The public id of a cluster: derived from its smallest member, so the same members give the same
 * id whatever order the links arrived in (union-find roots depend on that order, ids must not).
 */
export function clusterIdOf(members: readonly string[]): string {
  const smallest = [...members].sort()[0] ?? '';
  return `cl_${createHash('sha256').update(smallest).digest('hex').slice(0, 20)}`;
}

/** The non-hub entities joining members of one cluster, with how many members hold each. */
export function clusterLinks(
  members: readonly string[],
  rowsOfAccount: ReadonlyMap<string, readonly NeighbourhoodRow[]>,
  attributes: ReadonlyMap<string, LinkAttributes>,
): { kind: EntityKind; key: string; accountCount: number }[] {
  const inCluster = new Set(members);
  const holders = new Map<string, { kind: EntityKind; accounts: Set<string> }>();
  for (const row of members.flatMap((accountId) => rowsOfAccount.get(accountId) ?? [])) {
    if (row.others === null || isHubEntity(row.kind as EntityKind, row.accountCount)) continue;
    const own = attributes.get(row.accountId);
    const linked = row.others.filter((other) => inCluster.has(other) && linkHolds(row.kind, own, attributes.get(other)));
    if (linked.length === 0) continue;
    const entry = holders.get(row.entityKey) ?? { kind: row.kind as EntityKind, accounts: new Set<string>() };
    entry.accounts.add(row.accountId);
    for (const other of linked) entry.accounts.add(other);
    holders.set(row.entityKey, entry);
  }
  return [...holders.entries()]
    .map(([key, { kind, accounts }]) => ({ kind, key, accountCount: accounts.size }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
