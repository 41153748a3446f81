import { emptyGraphContext, type GraphContext } from './graph-context';
import {
  ACCOUNT,
  DAY,
  dailyActivity,
  featuresOf,
  graphWith,
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
import { type Reason, REASON_FAMILIES, type ReasonCode } from './reason';
import { DEFAULT_RISK_POLICY, type RiskPolicy } from './risk-policy';
import { assessAccount, scoreReasons } from './risk-scorer';
import { ringVerdict } from './ring-verdict';

const NOW = T0 + 10 * DAY;
const reason = (code: ReasonCode, weight: number): Reason => ({ code, family: REASON_FAMILIES[code], weight, summary: code.toLowerCase(), evidence: {} });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => (from + index) % 24);

/** The pattern the advisories describe: US persona, Astrill-style US exit, browser on China time, Asian working day, remote desktop. */
function dprkWorkerHistory(): Observation[] {
  const vpnInNewYork = ipInfoAt(PLACES.newYork, ['vpn']);
  return [
    registration(),
    ...Array.from({ length: 6 }, (_, day) => session(T0 + day * DAY + HOUR, PLACES.newYork, { eventId: `s${day}`, sessionId: `s${day}`, ipInfo: vpnInNewYork, browserTimezone: 'Asia/Shanghai', rttMs: 290 })),
    ...dailyActivity(T0, 6, range(0, 9)),
    { kind: 'telemetry', eventId: 't1', accountId: ACCOUNT, occurredAt: T0 + DAY, remoteAccessTools: ['anydesk'], listeningPorts: [3389] },
  ];
}

describe('assessAccount', () => {
  it('rates the advisory pattern CRITICAL with reasons from several families, heaviest first', () => {
    const assessment = assessAccount(featuresOf(dprkWorkerHistory()), emptyGraphContext(), DEFAULT_RISK_POLICY, NOW);
    expect(assessment.level).toBe('CRITICAL');
    expect(assessment.families).toEqual(expect.arrayContaining(['location', 'network', 'remote-control']));
    expect(assessment.policyVersion).toBe(DEFAULT_RISK_POLICY.version);
    expect(assessment.caseQueue).toBe('identity-fraud');
    const weights = assessment.reasons.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('gives the same assessment whatever order the signals arrived in', () => {
    const history = dprkWorkerHistory();
    const expected = assessAccount(featuresOf(history), emptyGraphContext(), DEFAULT_RISK_POLICY, NOW);
    const random = seededRandom(11);
    for (let run = 0; run < 20; run++) {
      expect(assessAccount(featuresOf(shuffled([...history, ...history.slice(0, 5)], random)), emptyGraphContext(), DEFAULT_RISK_POLICY, NOW)).toEqual(expected);
    }
  });

  it('never takes a privacy-minded VPN user beyond LOW', () => {
    const vpnOnly = featuresOf([registration(), ...Array.from({ length: 20 }, (_, index) => session(T0 + index * HOUR, PLACES.newYork, { ipInfo: ipInfoAt(PLACES.newYork, ['vpn']), rttMs: 45 }))]);
    const assessment = assessAccount(vpnOnly, emptyGraphContext(), DEFAULT_RISK_POLICY, NOW);
    expect(assessment.reasons.map((r) => r.code)).toEqual(['ANONYMISING_NETWORK']);
    expect(assessment.level).toBe('LOW');
    expect(assessment.caseQueue).toBeUndefined();
  });

  it('never takes a pure night worker beyond MEDIUM', () => {
    const nightWorker = featuresOf([registration(), ...dailyActivity(T0, 6, range(3, 11))]); // 22:00–06:00 in New York
    const assessment = assessAccount(nightWorker, emptyGraphContext(), DEFAULT_RISK_POLICY, NOW);
    expect(assessment.reasons.map((r) => r.code)).toEqual(['NIGHT_SHIFT_ACTIVITY']);
    expect(['LOW', 'MEDIUM']).toContain(assessment.level);
  });

  it('gives nothing for a household or a coworking space sharing a network', () => {
    const graph: GraphContext = graphWith({ sharedEntities: [{ kind: 'ip-window', key: 'ip-window:203.0.113.0/24:1', accountCount: 30, others: [] }, { kind: 'address', key: 'address:home', accountCount: 2, others: [{ accountId: 'partner', sameAgency: false }] }] });
    const assessment = assessAccount(featuresOf([registration(), session(T0, PLACES.newYork)]), graph, DEFAULT_RISK_POLICY, NOW);
    expect(assessment).toMatchObject({ score: 0, level: 'NONE', reasons: [] });
  });
});

describe('scoreReasons', () => {
  it('keeps strong evidence from one family below HIGH', () => {
    const assessment = scoreReasons(ACCOUNT, [reason('DOCUMENT_SHARED', 50), reason('IDENTITY_VERIFICATION_DECLINED', 30)], DEFAULT_RISK_POLICY);
    expect(assessment).toMatchObject({ level: 'MEDIUM', score: 59, families: ['identity'] });
  });

  it('reaches HIGH with a second family and opens a case in the heaviest family’s queue', () => {
    const assessment = scoreReasons(ACCOUNT, [reason('DOCUMENT_SHARED', 50), reason('IMPOSSIBLE_TRAVEL', 22)], DEFAULT_RISK_POLICY);
    expect(assessment).toMatchObject({ level: 'HIGH', score: 72, caseQueue: 'identity-fraud' });
  });

  it('does not let a token second family corroborate', () => {
    expect(scoreReasons(ACCOUNT, [reason('DOCUMENT_SHARED', 50), reason('IDENTITY_VERIFICATION_DECLINED', 30), reason('ANONYMISING_NETWORK', 4)], DEFAULT_RISK_POLICY).level).toBe('MEDIUM');
  });

  it('needs three families for CRITICAL', () => {
    const two = scoreReasons(ACCOUNT, [reason('DOCUMENT_SHARED', 50), reason('IMPOSSIBLE_TRAVEL', 30), reason('CONCURRENT_DISTANT_SESSIONS', 35)], DEFAULT_RISK_POLICY);
    expect(two).toMatchObject({ level: 'HIGH', score: 84 });
  });

  it('caps each family', () => {
    const assessment = scoreReasons(ACCOUNT, [reason('ANONYMISING_NETWORK', 20), reason('TOR_NETWORK', 20), reason('KNOWN_BAD_NETWORK', 25)], DEFAULT_RISK_POLICY);
    expect(assessment.score).toBe(DEFAULT_RISK_POLICY.familyCaps.network);
  });

  it('makes a sanctions match CRITICAL by itself', () => {
    expect(scoreReasons(ACCOUNT, [reason('SANCTIONS_MATCH', 100)], DEFAULT_RISK_POLICY)).toMatchObject({ level: 'CRITICAL', score: 100, caseQueue: 'sanctions' });
  });

  it('follows the policy it is given and records its version', () => {
    const strict: RiskPolicy = { ...DEFAULT_RISK_POLICY, version: 'strict-1', levelThresholds: { LOW: 5, MEDIUM: 15, HIGH: 40, CRITICAL: 80 } };
    const reasons = [reason('IP_COUNTRY_MISMATCH', 25), reason('ANONYMISING_NETWORK', 20)];
    expect(scoreReasons(ACCOUNT, reasons, DEFAULT_RISK_POLICY).level).toBe('MEDIUM');
    expect(scoreReasons(ACCOUNT, reasons, strict)).toMatchObject({ level: 'HIGH', policyVersion: 'strict-1' });
  });
});

describe('ring membership', () => {
  it('raises every member of a ring together', () => {
    const members = {
      vpnAndAbroad: featuresOf([registration({ accountId: 'm1' }), ...[0, 1, 2, 3].map((i) => session(T0 + i * HOUR, PLACES.shenyang, { accountId: 'm1', ipInfo: ipInfoAt(PLACES.shenyang, i ? [] : ['vpn']) }))], 'm1'),
      declined: featuresOf([registration({ accountId: 'm2' }), { kind: 'identity', eventId: 'i', accountId: 'm2', occurredAt: T0, provider: 'kyc', status: 'declined' }], 'm2'),
    };
    const alone = Object.values(members).map((features) => assessAccount(features, emptyGraphContext(), DEFAULT_RISK_POLICY, NOW));
    expect(alone.map((a) => a.level)).toEqual(['MEDIUM', 'MEDIUM']);

    const verdict = ringVerdict({
      clusterId: 'k1',
      members: alone.map((a) => ({ accountId: a.accountId, families: a.families })),
      links: [{ kind: 'device', accountCount: 2 }],
      internalContracts: 0,
      internalFiveStarReviews: 0,
    });
    const graph = graphWith({ cluster: { clusterId: 'k1', size: 2, ring: verdict } });
    const together = Object.values(members).map((features) => assessAccount(features, graph, DEFAULT_RISK_POLICY, NOW));
    expect(together.map((a) => a.level)).toEqual(['HIGH', 'HIGH']);
    expect(together.every((a) => a.reasons.some((r) => r.code === 'RING_MEMBER'))).toBe(true);
  });
});
