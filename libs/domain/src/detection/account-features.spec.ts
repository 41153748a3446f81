import { applyObservation, applyObservations, emptyAccountFeatures, FEATURE_LIMITS } from './account-features';
import {
  ACCOUNT,
  activity,
  DAY,
  featuresOf,
  HOUR,
  ipInfoAt,
  PLACES,
  registration,
  seededRandom,
  session,
  shuffled,
  T0,
} from './observation.fixtures';
import type { Observation } from './observation.types';
import { observationTargets } from './observation.types';
import { assessAccount } from './risk-scorer';
import { DEFAULT_RISK_POLICY } from './risk-policy';
import { emptyGraphContext } from './graph-context';

/** Months of a busy account: more of everything than the bounded lists keep, plus duplicates. */
function busyAccountHistory(): Observation[] {
  const random = seededRandom(7);
  const observations: Observation[] = [registration()];
  const places = [PLACES.newYork, PLACES.chicago, PLACES.shenyang, PLACES.london];
  for (let index = 0; index < 160; index++) {
    const at = T0 + Math.floor(random() * 90 * DAY);
    const place = places[index % places.length];
    observations.push(
      session(at, place, {
        eventId: `ses_${index}`,
        sessionId: `s_${index % 130}`, // some sessions restart: same session id, new event
        ipInfo: ipInfoAt(place, index % 3 === 0 ? ['vpn'] : index % 7 === 0 ? ['relay'] : []),
        deviceKey: `device-${index % 15}`,
        mfaDeviceKey: `mfa-${index % 8}`,
        rttMs: 40 + (index % 5) * 60,
      }),
    );
  }
  for (let index = 0; index < 400; index++) {
    const at = T0 + Math.floor(random() * 90 * DAY);
    observations.push(activity(at, 1 + (index % 60), { eventId: `act_${index}`, sessionId: `s_${index % 130}`, ...(index % 5 === 0 ? { ip: '203.0.113.9', ipInfo: ipInfoAt(PLACES.shenyang) } : {}) }));
  }
  for (let index = 0; index < 20; index++) {
    observations.push({
      kind: 'payout-method', eventId: `pm_${index}`, accountId: ACCOUNT, occurredAt: T0 + index * 3 * DAY,
      methodId: `m_${index % 18}`, methodKind: 'bank', instrumentKey: `iban-${index}`, holderName: 'Alex Doe',
    });
    observations.push({ kind: 'payout-request', eventId: `pr_${index}`, accountId: ACCOUNT, occurredAt: T0 + index * DAY, methodId: `m_${index % 18}`, amount: 100 + index, currency: 'USD' });
    observations.push({ kind: 'address', eventId: `ad_${index}`, accountId: ACCOUNT, occurredAt: T0 + index * 2 * DAY, addressKind: index % 2 ? 'shipping' : 'tax', addressKey: `addr-${index % 6}`, country: 'US' });
    observations.push({ kind: 'profile', eventId: `pf_${index}`, accountId: ACCOUNT, occurredAt: T0 + ((index * 7) % 20) * DAY, displayName: `Name ${index}`, timezone: index % 2 ? 'America/Chicago' : 'America/New_York', bio: `senior full stack engineer with ${index} years of react node and typescript experience building marketplaces` });
    observations.push({ kind: 'identity', eventId: `id_${index}`, accountId: ACCOUNT, occurredAt: T0 + index * DAY, provider: 'kyc', status: index % 4 ? 'approved' : 'declined', documentCountry: 'US', legalName: 'Alex Doe' });
    observations.push({ kind: 'telemetry', eventId: `tl_${index}`, accountId: ACCOUNT, occurredAt: T0 + index * DAY, remoteAccessTools: [`tool-${index % 10}`], listeningPorts: [3389, 443, 5900], ipKvmSuspected: index === 3 });
    observations.push({ kind: 'contract', eventId: `ct_${index}`, accountId: ACCOUNT, occurredAt: T0 + index * DAY, contractId: `c_${index}`, clientAccountId: `client_${index % 5}` });
    observations.push({ kind: 'review', eventId: `rv_${index}`, accountId: `client_${index % 5}`, occurredAt: T0 + index * DAY + HOUR, contractId: `c_${index}`, subjectAccountId: ACCOUNT, rating: 5 });
    observations.push({ kind: 'session-end', eventId: `se_${index}`, accountId: ACCOUNT, occurredAt: T0 + index * DAY + 2 * HOUR, sessionId: `s_${index}` });
  }
  // Exact duplicates, as a retried job would deliver them.
  return [...observations, ...observations.filter((_, index) => index % 9 === 0)];
}

describe('applyObservation', () => {
  const history = busyAccountHistory();
  const inEventOrder = [...history].sort((a, b) => a.occurredAt - b.occurredAt || (a.eventId < b.eventId ? -1 : 1));
  const reference = featuresOf(inEventOrder);

  it('gives a deep-equal state whatever the arrival order, with duplicates (seeded shuffles)', () => {
    const random = seededRandom(20261120);
    for (let run = 0; run < 25; run++) {
      expect(featuresOf(shuffled(history, random))).toEqual(reference);
    }
  });

  it('gives equal assessments whatever the arrival order', () => {
    const now = T0 + 95 * DAY;
    const expected = assessAccount(reference, emptyGraphContext(), DEFAULT_RISK_POLICY, now);
    const random = seededRandom(99);
    for (let run = 0; run < 10; run++) {
      const features = featuresOf(shuffled(history, random));
      expect(assessAccount(features, emptyGraphContext(), DEFAULT_RISK_POLICY, now)).toEqual(expected);
    }
    expect(expected.reasons.length).toBeGreaterThan(0); // the comparison is not between two empty results
  });

  it('is idempotent: every observation applied twice equals applied once', () => {
    let once = emptyAccountFeatures(ACCOUNT);
    let twice = emptyAccountFeatures(ACCOUNT);
    for (const observation of inEventOrder) {
      once = applyObservation(once, observation);
      twice = applyObservation(applyObservation(twice, observation), observation);
    }
    expect(twice).toEqual(once);
  });

  it('does not change the features it is given', () => {
    const before = featuresOf([registration()]);
    const snapshot = structuredClone(before);
    applyObservation(before, session(T0, PLACES.newYork));
    expect(before).toEqual(snapshot);
  });

  it('stays a few KB after months of activity', () => {
    const size = JSON.stringify(reference).length;

    expect(size).toBeLessThan(15_000);
    expect(reference.sessions.sample).toHaveLength(FEATURE_LIMITS.sessionSample);
    expect(reference.activity.recentHours).toHaveLength(FEATURE_LIMITS.recentActiveHours);
    expect(reference.sessions.recentPoints).toHaveLength(FEATURE_LIMITS.recentPoints);
  });

  it('survives a JSON round trip unchanged (stored as jsonb)', () => {
    expect(JSON.parse(JSON.stringify(reference))).toEqual(reference);
  });

  it('keeps the latest claim by occurredAt, not by arrival', () => {
    const newer = { kind: 'profile', eventId: 'p2', accountId: ACCOUNT, occurredAt: T0 + DAY, country: 'gb', timezone: 'Europe/London' } as const;
    const older = { kind: 'profile', eventId: 'p1', accountId: ACCOUNT, occurredAt: T0, country: 'CA', timezone: 'America/Toronto' } as const;
    const features = featuresOf([registration(), newer, older]);
    expect(features.claimed.country?.value).toBe('GB');
    expect(features.claimed.timezone?.value).toBe('Europe/London');
  });

  it('counts sessions and the share behind each category', () => {
    const features = featuresOf([
      session(T0, PLACES.newYork, { ipInfo: ipInfoAt(PLACES.newYork, ['vpn']) }),
      session(T0 + HOUR, PLACES.newYork, { ipInfo: ipInfoAt(PLACES.newYork, ['vpn', 'hosting']) }),
      session(T0 + 2 * HOUR, PLACES.newYork, { ipInfo: ipInfoAt(PLACES.newYork, ['mobile']) }),
      session(T0 + 3 * HOUR, PLACES.newYork),
    ]);
    expect(features.summary.sessionCount).toBe(4);
    expect(features.summary.sessionShareByCategory).toMatchObject({ vpn: 0.5, hosting: 0.25, mobile: 0.25, tor: 0 });
  });

  it('estimates the session count once the sample is full', () => {
    const sessions = Array.from({ length: 2000 }, (_, index) => session(T0 + index * 60_000, PLACES.newYork, { eventId: `e${index}`, sessionId: `sess-${index}` }));
    const { sessionCount } = featuresOf(sessions).summary;
    expect(sessionCount).toBeGreaterThan(1500);
    expect(sessionCount).toBeLessThan(2600);
  });

  it('builds the UTC hour histogram from active minutes', () => {
    const features = featuresOf([
      activity(T0 + 10 * HOUR, 60), // 09:00–10:00 UTC
      activity(T0 + DAY + 9 * HOUR + 40 * 60_000, 20), // 09:20–09:40 UTC
      activity(T0 + 23 * HOUR + 30 * 60_000, 30), // 23:00–23:30 UTC
    ]);
    const histogram = features.summary.sampledActiveMinutesByUtcHour;
    expect(histogram[9]).toBe(80);
    expect(histogram[23]).toBe(30);
    expect(histogram.reduce((sum, minutes) => sum + minutes, 0)).toBe(110);
  });

  it('records a contract on both sides and refuses observations about another account', () => {
    const contract = { kind: 'contract', eventId: 'c1', accountId: 'freelancer', occurredAt: T0, contractId: 'k1', clientAccountId: 'client' } as const;
    expect(observationTargets(contract)).toEqual(['freelancer', 'client']);
    expect(featuresOf([contract], 'freelancer').work.contractsAsFreelancer).toEqual([{ eventId: 'c1', at: T0, contractId: 'k1', counterpartId: 'client' }]);
    expect(featuresOf([contract], 'client').work.contractsAsClient).toEqual([{ eventId: 'c1', at: T0, contractId: 'k1', counterpartId: 'freelancer' }]);
    expect(() => featuresOf([session(T0, PLACES.newYork)], 'someone-else')).toThrow(/not about account/);
  });

  it('keeps only remote-access ports on the watch list', () => {
    const features = featuresOf([{ kind: 'telemetry', eventId: 't', accountId: ACCOUNT, occurredAt: T0, listeningPorts: [443, 3389, 8080] }]);
    expect(features.remoteAccess.ports.map((port) => port.port)).toEqual([3389]);
  });

  it('applyObservations folds a list', () => {
    const list = [registration(), session(T0, PLACES.newYork)];
    expect(applyObservations(emptyAccountFeatures(ACCOUNT), list)).toEqual(featuresOf(list));
  });
});
