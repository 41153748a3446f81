import type { AccountFeatures } from './account-features';
import type { GraphContext } from './graph-context';
import type { RiskPolicy } from './risk-policy';

export type ReasonFamily =
  | 'network'
  | 'location'
  | 'account-sharing'
  | 'remote-control'
  | 'identity'
  | 'payout'
  | 'collusion'
  | 'address'
  | 'ring'
  | 'sanctions';

/** Every code a detector can emit, with its family. Families decide corroboration and the case queue. */
export const REASON_FAMILIES = {
  ANONYMISING_NETWORK: 'network',
  TOR_NETWORK: 'network',
  KNOWN_BAD_NETWORK: 'network',
  IP_COUNTRY_MISMATCH: 'location',
  BROWSER_TIMEZONE_MISMATCH: 'location',
  NIGHT_SHIFT_ACTIVITY: 'location',
  RTT_TOO_HIGH_FOR_LOCATION: 'location',
  CONCURRENT_DISTANT_SESSIONS: 'account-sharing',
  IMPOSSIBLE_TRAVEL: 'account-sharing',
  MARATHON_ACTIVITY: 'account-sharing',
  REMOTE_ACCESS_TOOLS: 'remote-control',
  RDP_PORT_LISTENING: 'remote-control',
  IP_KVM_SUSPECTED: 'remote-control',
  IDENTITY_VERIFICATION_DECLINED: 'identity',
  DOCUMENT_COUNTRY_MISMATCH: 'identity',
  PAYOUT_HOLDER_NAME_MISMATCH: 'identity',
  DOCUMENT_SHARED: 'identity',
  NAME_AND_BIRTH_DATE_SHARED: 'identity',
  PAYOUT_INSTRUMENT_SHARED: 'payout',
  PAYOUT_SHARED_WITH_CLIENT: 'payout',
  PAYOUT_METHOD_CHURN: 'payout',
  CLIENT_FUNDS_LINKED_ACCOUNTS: 'collusion',
  SHARED_SHIPPING_ADDRESS: 'address',
  RING_MEMBER: 'ring',
  SANCTIONS_MATCH: 'sanctions',
} as const satisfies Record<string, ReasonFamily>;

export type ReasonCode = keyof typeof REASON_FAMILIES;

export type EvidenceValue = string | number | boolean | null | readonly string[] | readonly number[];
export type Evidence = Readonly<Record<string, EvidenceValue>>;

/** One explained piece of risk. `code`, `family`, `weight`, `summary` are the public RiskReason. */
export interface Reason {
  code: ReasonCode;
  family: ReasonFamily;
  /** Points out of 100, from the policy's weight for the code scaled by how strong the evidence is. */
  weight: number;
  summary: string;
  evidence: Evidence;
}

export interface DetectorContext {
  /** Evaluation time (epoch ms): windows such as "payout methods added in the last 30 days" end here. */
  now: number;
  policy: RiskPolicy;
  graph: GraphContext;
}

export type Detector = (features: AccountFeatures, context: DetectorContext) => Reason[];

/**
 * Builds a reason weighted by the policy: `strength` (0–1) says how complete the evidence is,
 * the policy says what complete evidence of this kind is worth. A weight of zero is no reason.
 */
export function weighReason(
  policy: RiskPolicy,
  code: ReasonCode,
  strength: number,
  summary: string,
  evidence: Evidence,
): Reason[] {
  const clamped = Math.min(1, Math.max(0, strength));
  const weight = Math.round((policy.weights[code] ?? 0) * clamped);
  return weight > 0 ? [{ code, family: REASON_FAMILIES[code], weight, summary, evidence }] : [];
}

export function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
