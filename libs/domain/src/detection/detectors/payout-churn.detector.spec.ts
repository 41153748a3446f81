import { ACCOUNT, DAY, detectorContext, featuresOf, T0 } from '../observation.fixtures';
import type { PayoutMethodObservation } from '../observation.types';
import { detectPayoutChurn } from './payout-churn.detector';

const NOW = T0 + 60 * DAY;
const methodAdded = (daysAgo: number): PayoutMethodObservation => ({
  kind: 'payout-method', eventId: `pm-${daysAgo}`, accountId: ACCOUNT, occurredAt: NOW - daysAgo * DAY, methodId: `m-${daysAgo}`, methodKind: 'payoneer', instrumentKey: `acct-${daysAgo}`,
});

describe('detectPayoutChurn', () => {
  it('reports four payout methods added within a month', () => {
    const [reason] = detectPayoutChurn(featuresOf([1, 5, 12, 25].map(methodAdded)), detectorContext({ now: NOW }));
    expect(reason).toMatchObject({ code: 'PAYOUT_METHOD_CHURN', family: 'payout' });
    expect(reason.evidence).toMatchObject({ methodsAdded: 4, windowDays: 30 });
  });

  it('does not report changing bank once or twice a year', () => {
    expect(detectPayoutChurn(featuresOf([3, 170, 340].map(methodAdded)), detectorContext({ now: NOW }))).toEqual([]);
  });
});
