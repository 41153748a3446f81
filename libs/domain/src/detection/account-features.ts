// Per-account features, kept incrementally from observations and stored as jsonb.
//
// Guarantees (tested): applying a set of observations in any order, with any duplicates, yields a
// deep-equal state; the state stays a few KB however long the account lives. Every part is a
// latest-wins value or a bounded list (see bounded-list.ts); counts and shares are estimated from
// hash samples (bottom-k sampling), which are exact until the sample is full and stay unbiased
// after, and unlike running counters cannot double-count a duplicate event.

import { type BoundedListSpec, compareNumbers, compareStrings, type Latest, latestOf, offerToBoundedList } from './bounded-list';
import { categoryMask, hasCategory, IP_CATEGORIES } from './ip-category';
import { minHashSignature } from './minhash';
import type {
  AccountRole,
  ActivityObservation,
  DocumentType,
  IpCategory,
  IpInfo,
  Observation,
  PayoutMethodKind,
  AddressKind,
  VerificationStatus,
} from './observation.types';
import { isValidPhotoHash } from './photo-hash';
import { hash32, hash64Hex } from './stable-hash';
import { utcOffsetMinutes } from './time-zone';

export const FEATURES_SCHEMA_VERSION = 1;

export const FEATURE_LIMITS = {
  sessionSample: 80,
  recentPoints: 12,
  sessionLastSeen: 16,
  recentActiveHours: 48,
  activeHourSample: 96,
  devices: 12,
  mfaDevices: 6,
  verifications: 6,
  payoutMethods: 10,
  payouts: 6,
  addresses: 8,
  contracts: 12,
  reviews: 12,
  browserTimezones: 6,
  remoteAccessTools: 8,
  remoteAccessPorts: 6,
} as const;

/** Ports remote-control software listens on; 3389 (RDP) is the one the FBI advisories name. */
export const REMOTE_ACCESS_PORTS: readonly number[] = [3389, 5900, 5938, 7070, 21116];

const HOUR_MS = 3_600_000;

export type SessionSampleEntry = [sessionHash: number, categoryMask: number];
export type SessionLastSeenEntry = [sessionHash: number, lastSeenAt: number];
/** A clock hour (hours since the epoch, UTC) and the most active minutes reported in it. */
export type ActiveHourEntry = [epochHour: number, activeMinutes: number];

export interface LocationPoint {
  at: number;
  eventId: string;
  source: 'session' | 'activity';
  sessionHash: number;
  deviceHash?: number;
  categoryMask: number;
  country?: string;
  latitude?: number;
  longitude?: number;
  accuracyRadiusKm?: number;
  /** UTC offsets at `at` (minutes east), resolved once so points stay small. */
  ipUtcOffset?: number;
  browserUtcOffset?: number;
  rttMs?: number;
}

export interface SeenKey {
  key: string;
  lastSeenAt: number;
}

export interface SeenPort {
  port: number;
  lastSeenAt: number;
}

export interface VerificationFact {
  eventId: string;
  at: number;
  provider: string;
  status: VerificationStatus;
  legalName?: string;
  dateOfBirth?: string;
  nationality?: string;
  documentCountry?: string;
  documentType?: DocumentType;
  livenessPassed?: boolean;
  faceMatchScore?: number;
}

export interface PayoutMethodFact {
  eventId: string;
  addedAt: number;
  methodId: string;
  kind: PayoutMethodKind;
  instrumentKey: string;
  holderName?: string;
  country?: string;
  currency?: string;
}

export interface PayoutFact {
  eventId: string;
  at: number;
  methodId: string;
  amount: number;
  currency: string;
}

export interface AddressFact {
  eventId: string;
  at: number;
  kind: AddressKind;
  addressKey: string;
  country: string;
  city?: string;
}

export interface CounterpartFact {
  eventId: string;
  at: number;
  contractId: string;
  counterpartId: string;
}

export interface ReviewFact extends CounterpartFact {
  rating: number;
}

export interface RegistrationFacts {
  role: AccountRole;
  emailKey: string;
  phoneKey?: string;
  agencyAccountId?: string;
  referrerAccountId?: string;
}

/** Derived from the samples on every update, for queries and dashboards over the jsonb. */
export interface FeatureSummary {
  /** Exact up to the sample size, estimated (KMV) beyond. */
  sessionCount: number;
  sessionShareByCategory: Record<IpCategory, number>;
  /** Active minutes per UTC hour of day, over the sampled active hours. */
  sampledActiveMinutesByUtcHour: number[];
}

export interface AccountFeatures {
  schemaVersion: number;
  accountId: string;
  firstSeenAt: number | null;
  lastSeenAt: number | null;
  registration?: Latest<RegistrationFacts>;
  claimed: {
    country?: Latest<string>;
    timezone?: Latest<string>;
    city?: Latest<string>;
    displayName?: Latest<string>;
    legalName?: Latest<string>;
  };
  profile: {
    /** MinHash signature of the latest bio; null when the latest bio is too short to compare. */
    bioSignature?: Latest<string | null>;
    photoHash?: Latest<string>;
  };
  sessions: {
    sample: SessionSampleEntry[];
    recentPoints: LocationPoint[];
    lastSeen: SessionLastSeenEntry[];
    /** Browser time-zone names, for explanations (points keep only offsets). */
    browserTimezones: SeenKey[];
  };
  activity: {
    recentHours: ActiveHourEntry[];
    hourSample: ActiveHourEntry[];
  };
  devices: SeenKey[];
  mfaDevices: SeenKey[];
  verifications: VerificationFact[];
  payout: { methods: PayoutMethodFact[]; payouts: PayoutFact[] };
  addresses: AddressFact[];
  remoteAccess: { tools: SeenKey[]; ports: SeenPort[]; ipKvmLastSuspectedAt: number | null };
  work: {
    contractsAsFreelancer: CounterpartFact[];
    contractsAsClient: CounterpartFact[];
    reviewsGiven: ReviewFact[];
    reviewsReceived: ReviewFact[];
  };
  summary: FeatureSummary;
}

export function emptyAccountFeatures(accountId: string): AccountFeatures {
  return {
    schemaVersion: FEATURES_SCHEMA_VERSION,
    accountId,
    firstSeenAt: null,
    lastSeenAt: null,
    claimed: {},
    profile: {},
    sessions: { sample: [], recentPoints: [], lastSeen: [], browserTimezones: [] },
    activity: { recentHours: [], hourSample: [] },
    devices: [],
    mfaDevices: [],
    verifications: [],
    payout: { methods: [], payouts: [] },
    addresses: [],
    remoteAccess: { tools: [], ports: [], ipKvmLastSuspectedAt: null },
    work: { contractsAsFreelancer: [], contractsAsClient: [], reviewsGiven: [], reviewsReceived: [] },
    summary: summarise([], []),
  };
}

// ---- list specifications -------------------------------------------------------------------

function latestFirst<T extends { at: number; eventId: string }>(a: T, b: T): number {
  return compareNumbers(b.at, a.at) || compareStrings(b.eventId, a.eventId);
}

function byEvent<T extends { at: number; eventId: string }>(limit: number): BoundedListSpec<T> {
  return { keyOf: (entry) => entry.eventId, order: latestFirst, limit };
}

function recentlySeen(limit: number): BoundedListSpec<SeenKey> {
  return {
    keyOf: (entry) => entry.key,
    order: (a, b) => compareNumbers(b.lastSeenAt, a.lastSeenAt) || compareStrings(a.key, b.key),
    limit,
  };
}

const SESSION_SAMPLE: BoundedListSpec<SessionSampleEntry> = {
  keyOf: ([sessionHash]) => sessionHash,
  order: ([a], [b]) => compareNumbers(a, b),
  limit: FEATURE_LIMITS.sessionSample,
  join: ([sessionHash, maskA], [, maskB]) => [sessionHash, maskA | maskB],
};

const SESSION_LAST_SEEN: BoundedListSpec<SessionLastSeenEntry> = {
  keyOf: ([sessionHash]) => sessionHash,
  order: ([hashA, seenA], [hashB, seenB]) => compareNumbers(seenB, seenA) || compareNumbers(hashA, hashB),
  limit: FEATURE_LIMITS.sessionLastSeen,
};

const joinActiveHour = ([hour, minutesA]: ActiveHourEntry, [, minutesB]: ActiveHourEntry): ActiveHourEntry => [
  hour,
  Math.max(minutesA, minutesB),
];

const RECENT_ACTIVE_HOURS: BoundedListSpec<ActiveHourEntry> = {
  keyOf: ([hour]) => hour,
  order: ([a], [b]) => compareNumbers(b, a),
  limit: FEATURE_LIMITS.recentActiveHours,
  join: joinActiveHour,
};

const ACTIVE_HOUR_SAMPLE: BoundedListSpec<ActiveHourEntry> = {
  keyOf: ([hour]) => hour,
  order: ([a], [b]) => compareNumbers(hourSampleRank(a), hourSampleRank(b)) || compareNumbers(a, b),
  limit: FEATURE_LIMITS.activeHourSample,
  join: joinActiveHour,
};

function hourSampleRank(epochHour: number): number {
  return hash32(`hour:${epochHour}`);
}

const PAYOUT_METHODS: BoundedListSpec<PayoutMethodFact> = {
  keyOf: (entry) => entry.methodId,
  order: (a, b) => compareNumbers(b.addedAt, a.addedAt) || compareStrings(b.eventId, a.eventId),
  limit: FEATURE_LIMITS.payoutMethods,
};

const REMOTE_PORTS: BoundedListSpec<SeenPort> = {
  keyOf: (entry) => entry.port,
  order: (a, b) => compareNumbers(b.lastSeenAt, a.lastSeenAt) || compareNumbers(a.port, b.port),
  limit: FEATURE_LIMITS.remoteAccessPorts,
};

function byContract<T extends CounterpartFact>(limit: number): BoundedListSpec<T> {
  return { keyOf: (entry) => `${entry.contractId}\u0000${entry.counterpartId}`, order: latestFirst, limit };
}

// ---- applying observations -----------------------------------------------------------------

/**
 * Folds one observation into the features and returns the new state (the input is not changed).
 * Idempotent for the same event, and the result of a set of observations does not depend on the
 * order they are applied in. Contract and review observations concern two accounts: apply them to
 * both (see observationTargets); other observations must be about `features.accountId`.
 */
export function applyObservation(features: AccountFeatures, observation: Observation): AccountFeatures {
  // Shallow copies of the containers: list entries are never mutated, so they can be shared.
  const next: AccountFeatures = {
    ...features,
    claimed: { ...features.claimed },
    profile: { ...features.profile },
    sessions: { ...features.sessions },
    activity: { ...features.activity },
    payout: { ...features.payout },
    remoteAccess: { ...features.remoteAccess },
    work: { ...features.work },
  };
  const at = observation.occurredAt;
  if (!isAbout(features.accountId, observation)) {
    throw new Error(`observation ${observation.eventId} is not about account ${features.accountId}`);
  }
  next.firstSeenAt = next.firstSeenAt === null ? at : Math.min(next.firstSeenAt, at);
  next.lastSeenAt = next.lastSeenAt === null ? at : Math.max(next.lastSeenAt, at);
  const stamp = { at, eventId: compactEventId(observation.eventId) };

  switch (observation.kind) {
    case 'registration': {
      const { role, emailKey, phoneKey, agencyAccountId, referrerAccountId } = observation;
      next.registration = latestOf(next.registration, {
        ...stamp,
        value: withoutUndefined({ role, emailKey, phoneKey, agencyAccountId, referrerAccountId }),
      });
      claim(next, 'country', observation.country, stamp);
      claim(next, 'timezone', observation.timezone, stamp);
      claim(next, 'displayName', observation.displayName, stamp);
      break;
    }
    case 'profile': {
      claim(next, 'country', observation.country, stamp);
      claim(next, 'timezone', observation.timezone, stamp);
      claim(next, 'city', observation.city, stamp);
      claim(next, 'displayName', observation.displayName, stamp);
      claim(next, 'legalName', observation.legalName, stamp);
      if (observation.bio !== undefined) {
        next.profile.bioSignature = latestOf(next.profile.bioSignature, { ...stamp, value: minHashSignature(observation.bio) });
      }
      if (observation.photoHash !== undefined && isValidPhotoHash(observation.photoHash)) {
        next.profile.photoHash = latestOf(next.profile.photoHash, { ...stamp, value: observation.photoHash.toLowerCase() });
      }
      break;
    }
    case 'identity': {
      const { provider, status, legalName, dateOfBirth, nationality, documentCountry, documentType, livenessPassed, faceMatchScore } =
        observation;
      next.verifications = offerToBoundedList(
        next.verifications,
        withoutUndefined({ ...stamp, provider, status, legalName, dateOfBirth, nationality, documentCountry, documentType, livenessPassed, faceMatchScore }),
        byEvent(FEATURE_LIMITS.verifications),
      );
      break;
    }
    case 'session': {
      const sessionHash = hash32(observation.sessionId);
      const mask = categoryMask(observation.ipInfo.categories);
      next.sessions.sample = offerToBoundedList(next.sessions.sample, [sessionHash, mask], SESSION_SAMPLE);
      next.sessions.lastSeen = offerToBoundedList(next.sessions.lastSeen, [sessionHash, at], SESSION_LAST_SEEN);
      next.sessions.recentPoints = offerToBoundedList(
        next.sessions.recentPoints,
        withoutUndefined({
          ...locationOf(observation.ipInfo, at),
          ...stamp,
          source: 'session' as const,
          sessionHash,
          deviceHash: observation.deviceKey === undefined ? undefined : hash32(observation.deviceKey),
          browserUtcOffset: observation.browserTimezone ? utcOffsetMinutes(observation.browserTimezone, at) : undefined,
          rttMs: observation.rttMs,
        }),
        byEvent(FEATURE_LIMITS.recentPoints),
      );
      if (observation.browserTimezone) {
        next.sessions.browserTimezones = seen(next.sessions.browserTimezones, observation.browserTimezone, at, FEATURE_LIMITS.browserTimezones);
      }
      if (observation.deviceKey) next.devices = seen(next.devices, observation.deviceKey, at, FEATURE_LIMITS.devices);
      if (observation.mfaDeviceKey) next.mfaDevices = seen(next.mfaDevices, observation.mfaDeviceKey, at, FEATURE_LIMITS.mfaDevices);
      break;
    }
    case 'activity':
      applyActivity(next, observation);
      break;
    case 'session-end':
      next.sessions.lastSeen = offerToBoundedList(next.sessions.lastSeen, [hash32(observation.sessionId), at], SESSION_LAST_SEEN);
      break;
    case 'telemetry': {
      for (const tool of observation.remoteAccessTools ?? []) {
        const name = tool.trim().toLowerCase();
        if (name) next.remoteAccess.tools = seen(next.remoteAccess.tools, name, at, FEATURE_LIMITS.remoteAccessTools);
      }
      for (const port of observation.listeningPorts ?? []) {
        if (REMOTE_ACCESS_PORTS.includes(port)) {
          next.remoteAccess.ports = offerToBoundedList(next.remoteAccess.ports, { port, lastSeenAt: at }, REMOTE_PORTS);
        }
      }
      if (observation.ipKvmSuspected) {
        next.remoteAccess.ipKvmLastSuspectedAt = Math.max(next.remoteAccess.ipKvmLastSuspectedAt ?? at, at);
      }
      if (observation.deviceKey) next.devices = seen(next.devices, observation.deviceKey, at, FEATURE_LIMITS.devices);
      break;
    }
    case 'payout-method': {
      const { methodId, methodKind, instrumentKey, holderName, country, currency } = observation;
      next.payout.methods = offerToBoundedList(
        next.payout.methods,
        withoutUndefined({ eventId: stamp.eventId, addedAt: at, methodId, kind: methodKind, instrumentKey, holderName, country, currency }),
        PAYOUT_METHODS,
      );
      break;
    }
    case 'payout-request': {
      const { methodId, amount, currency } = observation;
      next.payout.payouts = offerToBoundedList(next.payout.payouts, { ...stamp, methodId, amount, currency }, byEvent(FEATURE_LIMITS.payouts));
      break;
    }
    case 'address': {
      const { addressKind, addressKey, country, city } = observation;
      next.addresses = offerToBoundedList(
        next.addresses,
        withoutUndefined({ ...stamp, kind: addressKind, addressKey, country, city }),
        byEvent(FEATURE_LIMITS.addresses),
      );
      break;
    }
    case 'contract': {
      const contracts = byContract<CounterpartFact>(FEATURE_LIMITS.contracts);
      const { contractId, clientAccountId } = observation;
      if (features.accountId === observation.accountId) {
        next.work.contractsAsFreelancer = offerToBoundedList(next.work.contractsAsFreelancer, { ...stamp, contractId, counterpartId: clientAccountId }, contracts);
      }
      if (features.accountId === clientAccountId) {
        next.work.contractsAsClient = offerToBoundedList(next.work.contractsAsClient, { ...stamp, contractId, counterpartId: observation.accountId }, contracts);
      }
      break;
    }
    case 'review': {
      const reviews = byContract<ReviewFact>(FEATURE_LIMITS.reviews);
      const { contractId, subjectAccountId, rating } = observation;
      if (features.accountId === observation.accountId) {
        next.work.reviewsGiven = offerToBoundedList(next.work.reviewsGiven, { ...stamp, contractId, counterpartId: subjectAccountId, rating }, reviews);
      }
      if (features.accountId === subjectAccountId) {
        next.work.reviewsReceived = offerToBoundedList(next.work.reviewsReceived, { ...stamp, contractId, counterpartId: observation.accountId, rating }, reviews);
      }
      break;
    }
  }
  next.summary = summarise(next.sessions.sample, next.activity.hourSample);
  return next;
}

export function applyObservations(features: AccountFeatures, observations: Iterable<Observation>): AccountFeatures {
  let next = features;
  for (const observation of observations) next = applyObservation(next, observation);
  return next;
}

/**
 * Event ids are up to 128 characters; the features keep them only to order and deduplicate,
 * so long ones are replaced by a 64-bit hash to keep the state small.
 */
export function compactEventId(eventId: string): string {
  return eventId.length <= 32 ? eventId : `#${hash64Hex(eventId)}`;
}

function isAbout(accountId: string, observation: Observation): boolean {
  if (observation.accountId === accountId) return true;
  if (observation.kind === 'contract') return observation.clientAccountId === accountId;
  if (observation.kind === 'review') return observation.subjectAccountId === accountId;
  return false;
}

function applyActivity(next: AccountFeatures, observation: ActivityObservation): void {
  const minutes = Math.min(60, Math.max(0, Math.round(observation.activeMinutes)));
  if (!Number.isFinite(minutes) || minutes === 0) return;
  // The report covers the period ending at occurredAt; attribute it to the hour holding its middle.
  const epochHour = Math.floor((observation.occurredAt - (minutes * 60_000) / 2) / HOUR_MS);
  const entry: ActiveHourEntry = [epochHour, minutes];
  next.activity.recentHours = offerToBoundedList(next.activity.recentHours, entry, RECENT_ACTIVE_HOURS);
  next.activity.hourSample = offerToBoundedList(next.activity.hourSample, entry, ACTIVE_HOUR_SAMPLE);
  const sessionHash = hash32(observation.sessionId);
  next.sessions.lastSeen = offerToBoundedList(next.sessions.lastSeen, [sessionHash, observation.occurredAt], SESSION_LAST_SEEN);
  if (observation.ipInfo) {
    next.sessions.recentPoints = offerToBoundedList(
      next.sessions.recentPoints,
      withoutUndefined({
        ...locationOf(observation.ipInfo, observation.occurredAt),
        at: observation.occurredAt,
        eventId: compactEventId(observation.eventId),
        source: 'activity' as const,
        sessionHash,
      }),
      byEvent(FEATURE_LIMITS.recentPoints),
    );
  }
}

function locationOf(ipInfo: IpInfo, at: number) {
  return {
    categoryMask: categoryMask(ipInfo.categories),
    country: ipInfo.country?.toUpperCase(),
    latitude: ipInfo.latitude,
    longitude: ipInfo.longitude,
    accuracyRadiusKm: ipInfo.accuracyRadiusKm,
    ipUtcOffset: ipInfo.timezone ? utcOffsetMinutes(ipInfo.timezone, at) : undefined,
  };
}

function claim(
  features: AccountFeatures,
  field: keyof AccountFeatures['claimed'],
  value: string | undefined,
  stamp: { at: number; eventId: string },
): void {
  if (value === undefined || value.trim() === '') return;
  const normalised = field === 'country' ? value.trim().toUpperCase() : value.trim();
  features.claimed[field] = latestOf(features.claimed[field], { ...stamp, value: normalised });
}

function seen(list: SeenKey[], key: string, at: number, limit: number): SeenKey[] {
  return offerToBoundedList(list, { key, lastSeenAt: at }, recentlySeen(limit));
}

/** Drops undefined fields so that a state read back from jsonb deep-equals the one written. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

// ---- summary -------------------------------------------------------------------------------

function summarise(sample: readonly SessionSampleEntry[], hourSample: readonly ActiveHourEntry[]): FeatureSummary {
  const shares = {} as Record<IpCategory, number>;
  for (const category of IP_CATEGORIES) {
    const behind = sample.filter(([, mask]) => hasCategory(mask, category)).length;
    shares[category] = sample.length === 0 ? 0 : Math.round((behind / sample.length) * 1000) / 1000;
  }
  const minutesByHour = new Array<number>(24).fill(0);
  for (const [epochHour, minutes] of hourSample) minutesByHour[epochHour % 24] += minutes;
  return { sessionCount: estimateDistinct(sample), sessionShareByCategory: shares, sampledActiveMinutesByUtcHour: minutesByHour };
}

/** Bottom-k (KMV) distinct-count estimate: exact while the sample is not full. */
function estimateDistinct(sample: readonly SessionSampleEntry[]): number {
  if (sample.length < FEATURE_LIMITS.sessionSample) return sample.length;
  const largestKeptHash = sample[sample.length - 1][0];
  return Math.round((FEATURE_LIMITS.sessionSample - 1) / ((largestKeptHash + 1) / 2 ** 32));
}
