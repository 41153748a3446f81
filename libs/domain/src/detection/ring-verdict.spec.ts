import { ringVerdict, type ClusterEvidence } from './ring-verdict';

const cluster = (overrides: Partial<ClusterEvidence>): ClusterEvidence => ({
  clusterId: 'k1',
  members: [{ accountId: 'a', families: [] }, { accountId: 'b', families: [] }],
  links: [{ kind: 'device', accountCount: 2 }],
  internalContracts: 0,
  internalFiveStarReviews: 0,
  ...overrides,
});

describe('ringVerdict', () => {
  it('calls a ring when personas sharing a device each show red flags of their own', () => {
    const verdict = ringVerdict(cluster({ members: [{ accountId: 'a', families: ['location', 'network'] }, { accountId: 'b', families: ['remote-control'] }, { accountId: 'c', families: [] }] }));
    expect(verdict.isRing).toBe(true);
    expect(verdict.reasons.map((r) => r.code)).toEqual(['PERSONAS_WITH_OWN_RED_FLAGS']);
  });

  it('calls a ring when linked accounts hire and 5-star each other', () => {
    expect(ringVerdict(cluster({ internalContracts: 2, internalFiveStarReviews: 2 })).reasons.map((r) => r.code)).toEqual(['MEMBERS_HIRE_AND_RATE_EACH_OTHER']);
  });

  it('calls a ring when many personas are paid into one instrument and one shows red flags', () => {
    const verdict = ringVerdict(cluster({ links: [{ kind: 'payout-instrument', accountCount: 4 }], members: ['a', 'b', 'c', 'd'].map((accountId, index) => ({ accountId, families: index === 0 ? ['identity'] : [] })) }));
    expect(verdict.reasons.map((r) => r.code)).toEqual(['PAYOUTS_FUNNELLED_TO_ONE_INSTRUMENT']);
  });

  it('does not call a household a ring: linked, but no red flags beyond a VPN', () => {
    const household = cluster({ links: [{ kind: 'address', accountCount: 2 }, { kind: 'ip-window', accountCount: 2 }], members: [{ accountId: 'a', families: ['network'] }, { accountId: 'b', families: [] }] });
    expect(ringVerdict(household)).toEqual({ isRing: false, reasons: [] });
  });

  it('does not call one flagged account sharing a family laptop a ring', () => {
    expect(ringVerdict(cluster({ members: [{ accountId: 'a', families: ['identity'] }, { accountId: 'b', families: [] }] })).isRing).toBe(false);
  });

  it('needs two members', () => {
    expect(ringVerdict(cluster({ members: [{ accountId: 'a', families: ['identity', 'location'] }], internalContracts: 1, internalFiveStarReviews: 1 })).isRing).toBe(false);
  });
});
