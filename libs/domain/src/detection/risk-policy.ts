// The risk policy as data: what each reason is worth, how much one family may contribute, where
// the levels start and which queue a case goes to. Its version is stored with every assessment, so
// a change of weights is a new version, never an edit in place.

import type { ReasonCode, ReasonFamily } from './reason';

export type RiskLevel = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
export const RISK_LEVELS: readonly RiskLevel[] = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export type CaseQueue = 'identity-fraud' | 'account-sharing' | 'sanctions' | 'payout-fraud' | 'collusion';

export interface RiskPolicy {
  version: string;
  /** Weight of a reason at full strength. */
  weights: Readonly<Record<ReasonCode, number>>;
  /** Most one family adds to the score: ten shades of "uses a VPN" stay one piece of evidence. */
  familyCaps: Readonly<Record<ReasonFamily, number>>;
  /** Lowest score of each level. */
  levelThresholds: Readonly<{ LOW: number; MEDIUM: number; HIGH: number; CRITICAL: number }>;
  /** A family corroborates another only with at least this much weight. */
  corroboratingFamilyWeight: number;
  /** Families needed, with corroborating weight, to reach HIGH and CRITICAL. */
  minFamiliesForHigh: number;
  minFamiliesForCritical: number;
  /** Families that make an account CRITICAL on their own (a sanctions match). */
  criticalByItself: readonly ReasonFamily[];
  caseOpening: Readonly<{ minLevel: RiskLevel; queueByFamily: Readonly<Record<ReasonFamily, CaseQueue>> }>;
}

export const DEFAULT_RISK_POLICY: RiskPolicy = {
  version: 'detection-2026-11.1',
  weights: {
    ANONYMISING_NETWORK: 20,
    TOR_NETWORK: 20,
    KNOWN_BAD_NETWORK: 25,
    IP_COUNTRY_MISMATCH: 25,
    BROWSER_TIMEZONE_MISMATCH: 20,
    NIGHT_SHIFT_ACTIVITY: 25,
    RTT_TOO_HIGH_FOR_LOCATION: 25,
    CONCURRENT_DISTANT_SESSIONS: 35,
    IMPOSSIBLE_TRAVEL: 30,
    MARATHON_ACTIVITY: 20,
    REMOTE_ACCESS_TOOLS: 15,
    RDP_PORT_LISTENING: 20,
    IP_KVM_SUSPECTED: 35,
    IDENTITY_VERIFICATION_DECLINED: 30,
    DOCUMENT_COUNTRY_MISMATCH: 15,
    PAYOUT_HOLDER_NAME_MISMATCH: 20,
    DOCUMENT_SHARED: 50,
    NAME_AND_BIRTH_DATE_SHARED: 40,
    PAYOUT_INSTRUMENT_SHARED: 35,
    PAYOUT_SHARED_WITH_CLIENT: 50,
    PAYOUT_METHOD_CHURN: 20,
    CLIENT_FUNDS_LINKED_ACCOUNTS: 40,
    SHARED_SHIPPING_ADDRESS: 25,
    RING_MEMBER: 35,
    SANCTIONS_MATCH: 100,
  },
  familyCaps: {
    network: 30,
    location: 45,
    'account-sharing': 50,
    'remote-control': 40,
    identity: 60,
    payout: 60,
    collusion: 50,
    address: 25,
    ring: 40,
    sanctions: 100,
  },
  levelThresholds: { LOW: 10, MEDIUM: 30, HIGH: 60, CRITICAL: 85 },
  corroboratingFamilyWeight: 10,
  minFamiliesForHigh: 2,
  minFamiliesForCritical: 3,
  criticalByItself: ['sanctions'],
  caseOpening: {
    minLevel: 'HIGH',
    queueByFamily: {
      network: 'identity-fraud',
      location: 'identity-fraud',
      identity: 'identity-fraud',
      'account-sharing': 'account-sharing',
      'remote-control': 'account-sharing',
      payout: 'payout-fraud',
      collusion: 'collusion',
      address: 'collusion',
      ring: 'collusion',
      sanctions: 'sanctions',
    },
  },
};

export function levelRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}
