// Red flag (Okta, CrowdStrike): a persona worked in shifts by a team is active round the clock —
// a day or more without a single idle clock hour, which a person working alone does not sustain.

import { type Detector, weighReason } from '../reason';

export const MARATHON_HOURS = 24;
/** Fewer active minutes than this in a clock hour count as a break (a phone left open is not work). */
const MIN_MINUTES_FOR_ACTIVE_HOUR = 5;

export function longestActiveRun(hours: readonly (readonly [number, number])[]): { length: number; startHour: number | null } {
  const active = hours
    .filter(([, minutes]) => minutes >= MIN_MINUTES_FOR_ACTIVE_HOUR)
    .map(([hour]) => hour)
    .sort((a, b) => a - b);
  let best = { length: 0, startHour: null as number | null };
  let runStart = 0;
  for (let index = 0; index < active.length; index++) {
    if (index > 0 && active[index] !== active[index - 1] + 1) runStart = index;
    const length = index - runStart + 1;
    if (length > best.length) best = { length, startHour: active[runStart] };
  }
  return best;
}

export const detectMarathonActivity: Detector = (features, { policy }) => {
  const run = longestActiveRun(features.activity.recentHours);
  if (run.length < MARATHON_HOURS || run.startHour === null) return [];
  return weighReason(policy, 'MARATHON_ACTIVITY', run.length / (MARATHON_HOURS * 1.5), `active ${run.length} hours in a row without a break`, {
    consecutiveActiveHours: run.length,
    startedAt: new Date(run.startHour * 3_600_000).toISOString(),
  });
};
