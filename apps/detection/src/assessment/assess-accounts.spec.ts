import { DEFAULT_RISK_POLICY, type Observation } from '@tns/domain/detection';
import { DAY, featuresOf, HOUR, ipInfoAt, PLACES, registration, session, T0 } from '@tns/domain/detection/observation.fixtures';
import type { LinkAttributes, NeighbourhoodRow } from '../graph/link-rules';
import { assessAccounts } from './assess-accounts';

const NO_AGENCY: LinkAttributes = { agencyAccountId: null, bioSignature: null, photoHash: null, hiredBy: [], fiveStarredBy: [] };

/** Accounts sharing one payout instrument and one home network, each with its own sessions. */
function linkedAccounts(sessionsOf: (accountId: string) => Observation[], ids: string[]) {
  const rows: NeighbourhoodRow[] = ids.flatMap((accountId) => {
    const others = ids.filter((other) => other !== accountId);
    return [
      { accountId, entityKey: 'payout-instrument:joint-iban', kind: 'payout-instrument', accountCount: ids.length, others },
      { accountId, entityKey: 'ip-window:198.51.100.0/24:1', kind: 'ip-window', accountCount: ids.length, others },
    ];
  });
  const features = new Map(
    ids.map((accountId) => [
      accountId,
      featuresOf(
        [
          registration({ accountId, eventId: `reg-${accountId}` }),
          { kind: 'payout-method', eventId: `pm-${accountId}`, accountId, occurredAt: T0, methodId: `m-${accountId}`, methodKind: 'bank', instrumentKey: 'joint-iban' },
          ...sessionsOf(accountId),
        ],
        accountId,
      ),
    ]),
  );
  return assessAccounts({
    accountIds: ids,
    features,
    rows,
    attributes: new Map(ids.map((accountId) => [accountId, NO_AGENCY])),
    clusters: new Map([['cl-1', ids]]),
    clusterIdOf: new Map(ids.map((accountId) => [accountId, 'cl-1'])),
    policy: DEFAULT_RISK_POLICY,
    now: T0 + 10 * DAY,
  });
}

const atHome = (accountId: string) =>
  [0, 1, 2, 3].map((i) => session(T0 + i * DAY + 14 * HOUR, PLACES.newYork, { accountId, eventId: `s-${accountId}-${i}`, deviceKey: `dev-${accountId}` }));

describe('assessAccounts (ring verdicts)', () => {
  it('does not make a household with a joint account and one home network a ring, nor HIGH', () => {
    const { clusters, assessments } = linkedAccounts(atHome, ['h1', 'h2', 'h3']);
    expect(clusters[0].verdict.isRing).toBe(false);
    for (const assessment of assessments) {
      expect(assessment.reasons.map((reason) => reason.code)).not.toContain('RING_MEMBER');
      expect(['NONE', 'LOW', 'MEDIUM']).toContain(assessment.level);
    }
  });

  it('makes personas paid into one instrument a ring when they show red flags of their own', () => {
    const fromChinaBehindVpn = (accountId: string) =>
      [0, 1, 2, 3].map((i) =>
        session(T0 + i * DAY + 2 * HOUR, PLACES.newYork, {
          accountId,
          eventId: `s-${accountId}-${i}`,
          deviceKey: `dev-${accountId}`,
          browserTimezone: 'Asia/Shanghai',
          ipInfo: ipInfoAt(PLACES.newYork, ['vpn']),
        }),
      );
    const { clusters, assessments } = linkedAccounts(fromChinaBehindVpn, ['p1', 'p2', 'p3']);
    expect(clusters[0].verdict.isRing).toBe(true);
    for (const assessment of assessments) expect(assessment.reasons.map((reason) => reason.code)).toContain('RING_MEMBER');
  });
});
