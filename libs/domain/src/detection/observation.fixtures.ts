// Builders for specs only (not exported from index.ts): readable observations with sensible defaults.

import { type AccountFeatures, applyObservations, emptyAccountFeatures } from './account-features';
import { emptyGraphContext, type GraphContext } from './graph-context';
import type {
  ActivityObservation,
  IpCategory,
  IpInfo,
  Observation,
  RegistrationObservation,
  SessionObservation,
} from './observation.types';
import { DEFAULT_RISK_POLICY } from './risk-policy';
import type { DetectorContext } from './reason';

export const ACCOUNT = 'u_1';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Thursday 1 October 2026, 00:00 UTC. */
export const T0 = Date.UTC(2026, 9, 1);

export interface Place {
  country: string;
  city: string;
  latitude: number;
  longitude: number;
  timezone: string;
}

export const PLACES = {
  newYork: { country: 'US', city: 'New York', latitude: 40.71, longitude: -74.01, timezone: 'America/New_York' },
  chicago: { country: 'US', city: 'Chicago', latitude: 41.88, longitude: -87.63, timezone: 'America/Chicago' },
  losAngeles: { country: 'US', city: 'Los Angeles', latitude: 34.05, longitude: -118.24, timezone: 'America/Los_Angeles' },
  london: { country: 'GB', city: 'London', latitude: 51.51, longitude: -0.13, timezone: 'Europe/London' },
  lisbon: { country: 'PT', city: 'Lisbon', latitude: 38.72, longitude: -9.14, timezone: 'Europe/Lisbon' },
  shenyang: { country: 'CN', city: 'Shenyang', latitude: 41.8, longitude: 123.43, timezone: 'Asia/Shanghai' },
} satisfies Record<string, Place>;

export function ipInfoAt(place: Place, categories: IpCategory[] = [], accuracyRadiusKm = 20): IpInfo {
  return { ...place, accuracyRadiusKm, asn: 64500, asOrganisation: 'Example ISP', categories };
}

export function registration(overrides: Partial<RegistrationObservation> = {}): RegistrationObservation {
  return {
    kind: 'registration',
    eventId: 'reg',
    accountId: ACCOUNT,
    occurredAt: T0 - 30 * DAY,
    role: 'freelancer',
    emailKey: 'email-key-1',
    displayName: 'Alex Doe',
    country: 'US',
    timezone: 'America/New_York',
    ...overrides,
  };
}

let sequence = 0;
/** A unique event id for builders that are not given one. */
export function nextEventId(prefix: string): string {
  sequence += 1;
  return `${prefix}_${sequence}`;
}

export function session(at: number, place: Place, overrides: Partial<SessionObservation> = {}): SessionObservation {
  const eventId = overrides.eventId ?? nextEventId('ses');
  return {
    kind: 'session',
    eventId,
    accountId: ACCOUNT,
    occurredAt: at,
    sessionId: `s_${eventId}`,
    ip: '198.51.100.7',
    ipInfo: ipInfoAt(place),
    deviceKey: 'device-1',
    browserTimezone: place.timezone,
    ...overrides,
  };
}

export function activity(at: number, activeMinutes: number, overrides: Partial<ActivityObservation> = {}): ActivityObservation {
  return {
    kind: 'activity',
    eventId: overrides.eventId ?? nextEventId('act'),
    accountId: ACCOUNT,
    occurredAt: at,
    sessionId: 's_work',
    activeMinutes,
    ...overrides,
  };
}

/** Hourly activity reports, for `days` days, at the given UTC hours. */
export function dailyActivity(startDay: number, days: number, utcHours: readonly number[], minutes = 50): ActivityObservation[] {
  const reports: ActivityObservation[] = [];
  for (let day = 0; day < days; day++) {
    for (const hour of utcHours) reports.push(activity(startDay + day * DAY + hour * HOUR + 55 * 60_000, minutes));
  }
  return reports;
}

export function featuresOf(observations: readonly Observation[], accountId = ACCOUNT): AccountFeatures {
  return applyObservations(emptyAccountFeatures(accountId), observations);
}

export function detectorContext(overrides: Partial<DetectorContext> = {}): DetectorContext {
  return { now: T0 + 60 * DAY, policy: DEFAULT_RISK_POLICY, graph: emptyGraphContext(), ...overrides };
}

export function graphWith(overrides: Partial<GraphContext>): GraphContext {
  return { ...emptyGraphContext(), ...overrides };
}

/** Deterministic PRNG (mulberry32) so that shuffles in property tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = items.slice();
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}
