// The pure rules of the identity graph: which entities an observation contributes, how much a
// shared entity says about two accounts being one operator, when an entity is a hub (shared by so
// many accounts that it is context, not a link), and when two accounts belong in one cluster.
// DPRK IT workers run several personas each and share devices, payout accounts, phones and resume
// templates between them (advisory, May 2022; Mandiant; Okta): those shared entities are the links.

import type { EntityKind } from './graph-context';
import { hasCategory, categoryMask } from './ip-category';
import { networkPrefix } from './ip-prefix';
import { lshBandKeys, minHashSignature } from './minhash';
import type { IpInfo, Observation } from './observation.types';
import { nameTokens } from './person-name';
import { photoBandKeys } from './photo-hash';
import { hash64Hex } from './stable-hash';

export interface EntityKey {
  kind: EntityKind;
  key: string;
  /** 0–1: how strongly two accounts sharing this entity are one operator. */
  specificity: number;
  /** Bio and photo keys are LSH buckets: confirm candidates (estimatedJaccard, hammingDistance64) before linking. */
  candidateOnly?: boolean;
}

export const ENTITY_SPECIFICITY: Readonly<Record<EntityKind, number>> = {
  document: 1,
  'mfa-device': 1,
  'payout-instrument': 0.95,
  device: 0.9,
  'name-dob': 0.9,
  phone: 0.85,
  email: 0.7,
  photo: 0.6,
  bio: 0.5,
  address: 0.5,
  'ip-window': 0.3,
};

/** One of these shared is enough to treat two accounts as one operator. */
export const STRONG_ENTITY_KINDS: readonly EntityKind[] = ['device', 'mfa-device', 'payout-instrument', 'document', 'phone', 'name-dob'];

/**
 * Above this many accounts an entity is a hub and only context: CGNAT, coworking, university and
 * relay prefixes; templated "hello I am a developer" bios; default avatars; an apartment block's
 * address. Device thresholds stay high enough to let a laptop farm (tens of personas per facilitator)
 * through — those are exactly the links that matter.
 */
export const HUB_THRESHOLDS: Readonly<Record<EntityKind, number>> = {
  document: 5,
  'name-dob': 5,
  'mfa-device': 10,
  phone: 10,
  email: 10,
  device: 30,
  'payout-instrument': 30,
  address: 15,
  photo: 20,
  bio: 20,
  'ip-window': 8,
};

export function isHubEntity(kind: EntityKind, accountCount: number): boolean {
  return accountCount > HUB_THRESHOLDS[kind];
}

/** Weight of a link through one entity: its specificity, diluted as more accounts share it, zero for hubs. */
export function linkWeight(kind: EntityKind, accountCount: number): number {
  if (accountCount < 2 || isHubEntity(kind, accountCount)) return 0;
  return ENTITY_SPECIFICITY[kind] / Math.log2(accountCount);
}

export const IP_WINDOW_MS = 24 * 3_600_000;

/** Every entity an observation contributes to the graph, with its key. */
export function entityKeysOf(observation: Observation): EntityKey[] {
  switch (observation.kind) {
    case 'registration':
      return [
        entity('email', observation.emailKey),
        ...(observation.phoneKey ? [entity('phone', observation.phoneKey)] : []),
      ];
    case 'profile': {
      const keys: EntityKey[] = [];
      const signature = observation.bio === undefined ? null : minHashSignature(observation.bio);
      if (signature) keys.push(...lshBandKeys(signature).map((band) => ({ ...entity('bio', band), candidateOnly: true })));
      if (observation.photoHash) keys.push(...photoBandKeys(observation.photoHash).map((band) => ({ ...entity('photo', band), candidateOnly: true })));
      return keys;
    }
    case 'identity': {
      const keys: EntityKey[] = [];
      if (observation.documentKey) {
        keys.push(entity('document', `${observation.documentCountry?.toUpperCase() ?? '?'}:${observation.documentKey}`));
      }
      const nameDob = nameAndBirthDateKey(observation.legalName, observation.dateOfBirth);
      if (nameDob) keys.push(entity('name-dob', nameDob));
      return keys;
    }
    case 'session':
      return [
        ...(observation.deviceKey ? [entity('device', observation.deviceKey)] : []),
        ...(observation.mfaDeviceKey ? [entity('mfa-device', observation.mfaDeviceKey)] : []),
        ...ipWindowKeys(observation.ip, observation.ipInfo, observation.occurredAt),
      ];
    case 'activity':
      return observation.ip && observation.ipInfo ? ipWindowKeys(observation.ip, observation.ipInfo, observation.occurredAt) : [];
    case 'telemetry':
      return observation.deviceKey ? [entity('device', observation.deviceKey)] : [];
    case 'payout-method':
      return [entity('payout-instrument', observation.instrumentKey)];
    case 'address':
      return [entity('address', observation.addressKey)];
    case 'session-end':
    case 'payout-request':
    case 'contract':
    case 'review':
    default:
      return [];
  }
}

function entity(kind: EntityKind, value: string): EntityKey {
  return { kind, key: `${kind}:${value}`, specificity: ENTITY_SPECIFICITY[kind] };
}

/**
 * Legal name (token order and case ignored) + date of birth. Hashed so the graph holds no raw
 * personal data; the hash is not keyed, so treat these keys as personal data all the same.
 */
export function nameAndBirthDateKey(legalName: string | undefined, dateOfBirth: string | undefined): string | undefined {
  if (!legalName || !dateOfBirth || !/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth)) return undefined;
  const tokens = nameTokens(legalName).sort();
  if (tokens.length < 2) return undefined;
  return hash64Hex(`${tokens.join(' ')}|${dateOfBirth}`);
}

/**
 * Accounts on the same /24 (IPv4) or /64 (IPv6) on the same UTC day. Relay and mobile prefixes are
 * shared by strangers by design (and Tor exits by everyone), so they never make a key.
 */
function ipWindowKeys(ip: string, ipInfo: IpInfo, occurredAt: number): EntityKey[] {
  const mask = categoryMask(ipInfo.categories);
  if (hasCategory(mask, 'relay') || hasCategory(mask, 'mobile') || hasCategory(mask, 'tor')) return [];
  const prefix = networkPrefix(ip);
  if (!prefix) return [];
  return [entity('ip-window', `${prefix}:${Math.floor(occurredAt / IP_WINDOW_MS)}`)];
}

// ---- union decision ------------------------------------------------------------------------

export interface LinkEvidence {
  kind: EntityKind;
  key: string;
  accountCount: number;
  /** Both accounts belong to one agency (or one is the other's agency). */
  sameAgency?: boolean;
}

export interface UnionDecision {
  union: boolean;
  /** The evidence the decision rests on, after hubs and agency-normal sharing are set aside. */
  basis: LinkEvidence[];
  summary: string;
}

/** What members of one agency share by design: the agency's payout account, office and network. */
const AGENCY_SHARED_KINDS: readonly EntityKind[] = ['payout-instrument', 'address', 'ip-window'];

/**
 * Two accounts join one cluster on one strong entity (device, MFA device, payout instrument,
 * document, phone, name + birth date) or on two weaker entities of different kinds. Different kinds,
 * because coworkers share an office network every day — that is one fact repeated, not two.
 */
export function shouldUnion(evidence: readonly LinkEvidence[]): UnionDecision {
  const basis = evidence.filter(
    (link) => !isHubEntity(link.kind, link.accountCount) && !(link.sameAgency && AGENCY_SHARED_KINDS.includes(link.kind)),
  );
  const strong = basis.filter((link) => STRONG_ENTITY_KINDS.includes(link.kind));
  if (strong.length > 0) {
    return { union: true, basis: strong, summary: `share a ${strong[0].kind}` };
  }
  const weakKinds = [...new Set(basis.map((link) => link.kind))].sort();
  if (weakKinds.length >= 2) {
    return { union: true, basis, summary: `share ${weakKinds.join(' and ')}` };
  }
  return { union: false, basis, summary: basis.length === 0 ? 'no specific shared entity' : `only share ${weakKinds[0]}` };
}
