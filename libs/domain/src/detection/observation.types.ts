// What detection consumes: signals after enrichment (IP → IpInfo) and pseudonymisation
// (every personal identifier replaced by an opaque keyed pseudonym, the `…Key` fields).
// Field names follow CONTRACT.md §3; times are epoch milliseconds.

export type IpCategory = 'vpn' | 'hosting' | 'tor' | 'proxy' | 'relay' | 'mobile' | 'known-bad';

export interface IpInfo {
  country?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  accuracyRadiusKm?: number;
  timezone?: string;
  asn?: number;
  asOrganisation?: string;
  categories: readonly IpCategory[];
}

export type AccountRole = 'freelancer' | 'client' | 'agency';

interface ObservationBase {
  /** The signal id; the same id twice is the same fact. */
  eventId: string;
  /** The account the signal is about (freelancer for contracts, author for reviews). */
  accountId: string;
  occurredAt: number;
}

export interface RegistrationObservation extends ObservationBase {
  kind: 'registration';
  role: AccountRole;
  emailKey: string;
  phoneKey?: string;
  displayName: string;
  country: string;
  timezone?: string;
  agencyAccountId?: string;
  referrerAccountId?: string;
}

export interface ProfileObservation extends ObservationBase {
  kind: 'profile';
  displayName?: string;
  legalName?: string;
  country?: string;
  city?: string;
  timezone?: string;
  headline?: string;
  bio?: string;
  /** 16 hex chars, 64-bit perceptual hash. */
  photoHash?: string;
  skills?: readonly string[];
}

export type VerificationStatus = 'approved' | 'declined' | 'needs_review';
export type DocumentType = 'passport' | 'national_id' | 'driving_licence' | 'residence_permit' | 'other';

export interface IdentityObservation extends ObservationBase {
  kind: 'identity';
  provider: string;
  status: VerificationStatus;
  legalName?: string;
  /** YYYY-MM-DD */
  dateOfBirth?: string;
  nationality?: string;
  documentCountry?: string;
  documentType?: DocumentType;
  documentKey?: string;
  livenessPassed?: boolean;
  faceMatchScore?: number;
}

export interface SessionObservation extends ObservationBase {
  kind: 'session';
  sessionId: string;
  ip: string;
  ipInfo: IpInfo;
  deviceKey?: string;
  mfaDeviceKey?: string;
  browserTimezone?: string;
  languages?: readonly string[];
  rttMs?: number;
  userAgent?: string;
}

export interface ActivityObservation extends ObservationBase {
  kind: 'activity';
  sessionId: string;
  /** Minutes active in the period ending at occurredAt, 1–60. */
  activeMinutes: number;
  ip?: string;
  ipInfo?: IpInfo;
}

export interface SessionEndObservation extends ObservationBase {
  kind: 'session-end';
  sessionId: string;
}

export interface TelemetryObservation extends ObservationBase {
  kind: 'telemetry';
  sessionId?: string;
  deviceKey?: string;
  remoteAccessTools?: readonly string[];
  listeningPorts?: readonly number[];
  ipKvmSuspected?: boolean;
}

export type PayoutMethodKind = 'bank' | 'paypal' | 'payoneer' | 'wise' | 'crypto' | 'other';

export interface PayoutMethodObservation extends ObservationBase {
  kind: 'payout-method';
  methodId: string;
  methodKind: PayoutMethodKind;
  instrumentKey: string;
  holderName?: string;
  country?: string;
  currency?: string;
}

export interface PayoutRequestObservation extends ObservationBase {
  kind: 'payout-request';
  methodId: string;
  amount: number;
  currency: string;
}

export type AddressKind = 'residential' | 'shipping' | 'billing' | 'tax';

export interface AddressObservation extends ObservationBase {
  kind: 'address';
  addressKind: AddressKind;
  /** Pseudonym of the normalised full address. */
  addressKey: string;
  country: string;
  city?: string;
}

/** `accountId` is the freelancer. Feed it to the client's features too (see observationTargets). */
export interface ContractObservation extends ObservationBase {
  kind: 'contract';
  contractId: string;
  clientAccountId: string;
}

/** `accountId` is the author. Feed it to the subject's features too (see observationTargets). */
export interface ReviewObservation extends ObservationBase {
  kind: 'review';
  contractId: string;
  subjectAccountId: string;
  rating: number;
}

export type Observation =
  | RegistrationObservation
  | ProfileObservation
  | IdentityObservation
  | SessionObservation
  | ActivityObservation
  | SessionEndObservation
  | TelemetryObservation
  | PayoutMethodObservation
  | PayoutRequestObservation
  | AddressObservation
  | ContractObservation
  | ReviewObservation;

/** Every account whose features an observation updates: contracts and reviews concern two accounts. */
export function observationTargets(observation: Observation): string[] {
  switch (observation.kind) {
    case 'contract':
      return distinct([observation.accountId, observation.clientAccountId]);
    case 'review':
      return distinct([observation.accountId, observation.subjectAccountId]);
    case 'registration':
    case 'profile':
    case 'identity':
    case 'session':
    case 'activity':
    case 'session-end':
    case 'telemetry':
    case 'payout-method':
    case 'payout-request':
    case 'address':
    default:
      return [observation.accountId];
  }
}

function distinct(ids: string[]): string[] {
  return [...new Set(ids)];
}
