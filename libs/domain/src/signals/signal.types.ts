// The signal model of CONTRACT.md §3: one interface per `type`, joined into the `Signal` union.
// These describe a signal *after* validation: strings are bounded, enums exact, `occurredAt` is
// normalised to UTC with millisecond precision, IP addresses are in canonical text form.

export const SIGNAL_TYPES = [
  'account.registered',
  'profile.updated',
  'identity.verified',
  'session.started',
  'session.activity',
  'session.ended',
  'desktop.telemetry',
  'payout_method.added',
  'payout.requested',
  'address.changed',
  'contract.started',
  'review.posted',
  'report.filed',
] as const;

export type SignalType = (typeof SIGNAL_TYPES)[number];

export const ACCOUNT_ROLES = ['freelancer', 'client', 'agency'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const VERIFICATION_STATUSES = ['approved', 'declined', 'needs_review'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'driving_licence',
  'residence_permit',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const PAYOUT_METHOD_KINDS = ['bank', 'paypal', 'payoneer', 'wise', 'crypto', 'other'] as const;
export type PayoutMethodKind = (typeof PAYOUT_METHOD_KINDS)[number];

export const ADDRESS_KINDS = ['residential', 'shipping', 'billing', 'tax'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/** ISO 3166-1 alpha-2, upper-case, an assigned code (see country-codes.constants.ts). */
export type CountryCode = string;
/** An IANA time zone name as the marketplace sent it (validated, not canonicalised: it is "as claimed"). */
export type TimeZoneName = string;

export interface AccountRegisteredData {
  role: AccountRole;
  email: string;
  phone?: string;
  displayName: string;
  country: CountryCode;
  timezone?: TimeZoneName;
  agencyAccountId?: string;
  referrerAccountId?: string;
}

export interface ProfileUpdatedData {
  displayName?: string;
  legalName?: string;
  country?: CountryCode;
  city?: string;
  timezone?: TimeZoneName;
  headline?: string;
  bio?: string;
  /** 16 lower-case hex chars: a 64-bit perceptual hash. */
  photoHash?: string;
  skills?: string[];
}

export interface IdentityVerifiedData {
  provider: string;
  status: VerificationStatus;
  legalName?: string;
  /** YYYY-MM-DD, a real calendar date. */
  dateOfBirth?: string;
  nationality?: CountryCode;
  documentCountry?: CountryCode;
  documentType?: DocumentType;
  documentNumber?: string;
  livenessPassed?: boolean;
  /** 0–1. */
  faceMatchScore?: number;
}

export interface SessionStartedData {
  sessionId: string;
  /** Canonical text form: dotted IPv4, or RFC 5952 IPv6 (IPv4-mapped IPv6 becomes IPv4). */
  ip: string;
  deviceId?: string;
  userAgent?: string;
  browserTimezone?: TimeZoneName;
  /** BCP 47 language tags. */
  languages?: string[];
  rttMs?: number;
  mfaDeviceId?: string;
}

export interface SessionActivityData {
  sessionId: string;
  ip?: string;
  /** Whole minutes active in the period ending at `occurredAt`, 1–60. */
  activeMinutes: number;
}

export interface SessionEndedData {
  sessionId: string;
}

export interface DesktopTelemetryData {
  sessionId?: string;
  deviceId?: string;
  remoteAccessTools?: string[];
  listeningPorts?: number[];
  ipKvmSuspected?: boolean;
}

export interface PayoutMethodAddedData {
  methodId: string;
  kind: PayoutMethodKind;
  /** Account number, IBAN, e-mail or wallet address. */
  instrument: string;
  holderName?: string;
  country?: CountryCode;
  /** Upper-case ISO 4217 code or crypto ticker. */
  currency?: string;
  chain?: string;
}

export interface PayoutRequestedData {
  methodId: string;
  /** Major units, > 0. */
  amount: number;
  currency: string;
}

export interface AddressChangedData {
  kind: AddressKind;
  line1?: string;
  line2?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country: CountryCode;
}

export interface ContractStartedData {
  contractId: string;
  clientAccountId: string;
}

export interface ReviewPostedData {
  contractId: string;
  subjectAccountId: string;
  /** 1–5 (fractions such as 4.5 allowed: some marketplaces use half stars). */
  rating: number;
}

export interface ReportFiledData {
  subjectAccountId: string;
  category: string;
  text?: string;
}

export interface SignalDataByType {
  'account.registered': AccountRegisteredData;
  'profile.updated': ProfileUpdatedData;
  'identity.verified': IdentityVerifiedData;
  'session.started': SessionStartedData;
  'session.activity': SessionActivityData;
  'session.ended': SessionEndedData;
  'desktop.telemetry': DesktopTelemetryData;
  'payout_method.added': PayoutMethodAddedData;
  'payout.requested': PayoutRequestedData;
  'address.changed': AddressChangedData;
  'contract.started': ContractStartedData;
  'review.posted': ReviewPostedData;
  'report.filed': ReportFiledData;
}

export interface SignalOf<T extends SignalType> {
  id: string;
  type: T;
  accountId: string;
  /** RFC 3339 normalised to UTC, millisecond precision: `2026-11-20T13:45:00.000Z`. */
  occurredAt: string;
  data: SignalDataByType[T];
}

/** Discriminated on `type`: `if (s.type === 'session.started') s.data.ip`. */
export type Signal = { [T in SignalType]: SignalOf<T> }[SignalType];

export interface SignalError {
  /** Position of the signal in its batch (0-based). */
  index: number;
  /** The signal's `id` when it had a usable one, else null. */
  id: string | null;
  /** Dotted/indexed path of the offending field: `data.skills[3]`; `''` for the signal itself. */
  path: string;
  message: string;
}

export type SignalValidationResult = { ok: true; signal: Signal } | { ok: false; error: SignalError };
