// Red flag (Treasury advisory; payment-fraud practice): payout methods added and swapped in quick
// succession — accounts and cards rotated as they are frozen, or money moved to whoever the operator
// pays through this month. Changing bank once or twice is ordinary life.

import { type Detector, weighReason } from '../reason';

const DAY_MS = 24 * 3_600_000;
const WINDOWS = [
  { days: 30, minimum: 3 },
  { days: 90, minimum: 5 },
] as const;

export const detectPayoutChurn: Detector = (features, { policy, now }) => {
  for (const window of WINDOWS) {
    const added = features.payout.methods.filter((method) => method.addedAt <= now && now - method.addedAt <= window.days * DAY_MS);
    if (added.length >= window.minimum) {
      return weighReason(
        policy,
        'PAYOUT_METHOD_CHURN',
        Math.min(1, added.length / (window.minimum + 2)),
        `${added.length} payout methods added in the last ${window.days} days`,
        { methodsAdded: added.length, windowDays: window.days, kinds: [...new Set(added.map((method) => method.kind))].sort() },
      );
    }
  }
  return [];
};
