// Red flag (Mandiant, CrowdStrike, Okta): the "US-based" developer works through the US night —
// because the day being worked is a UTC+8/+9 office day in China or North Korea.
// Both halves must hold: most work in the claimed night, the whole profile inside an Asian office
// day, and almost nothing in the claimed daytime. A night owl who starts after lunch and works past
// midnight has plenty of claimed-daytime work and does not match.

import { type Detector, percent, weighReason } from '../reason';
import { DPRK_WORKDAY_OFFSETS_MINUTES, utcOffsetMinutes } from '../time-zone';

const MIN_SAMPLED_HOURS = 20;
const MIN_NIGHT_SHARE = 0.5;
const MIN_ASIAN_WORKDAY_SHARE = 0.75;
const MAX_CLAIMED_DAYTIME_SHARE = 0.15;

/** Share of minutes whose local hour (for a UTC offset) is in [fromHour, toHour), wrapping at midnight. */
export function shareInLocalHours(minutesByUtcHour: readonly number[], offsetMinutes: number, fromHour: number, toHour: number): number {
  const total = minutesByUtcHour.reduce((sum, minutes) => sum + minutes, 0);
  if (total === 0) return 0;
  let inside = 0;
  minutesByUtcHour.forEach((minutes, utcHour) => {
    const localHour = (((utcHour + Math.floor(offsetMinutes / 60)) % 24) + 24) % 24;
    const wraps = fromHour > toHour;
    if (wraps ? localHour >= fromHour || localHour < toHour : localHour >= fromHour && localHour < toHour) inside += minutes;
  });
  return inside / total;
}

export const detectActivityHours: Detector = (features, { policy, now }) => {
  const claimedZone = features.claimed.timezone?.value;
  if (!claimedZone || features.activity.hourSample.length < MIN_SAMPLED_HOURS) return [];
  const claimedOffset = utcOffsetMinutes(claimedZone, now);
  if (claimedOffset === undefined) return [];
  const histogram = features.summary.sampledActiveMinutesByUtcHour;

  const nightShare = shareInLocalHours(histogram, claimedOffset, 22, 6);
  const daytimeShare = shareInLocalHours(histogram, claimedOffset, 9, 17);
  const asianWorkdayShare = Math.max(...DPRK_WORKDAY_OFFSETS_MINUTES.map((offset) => shareInLocalHours(histogram, offset, 8, 20)));
  if (nightShare < MIN_NIGHT_SHARE || asianWorkdayShare < MIN_ASIAN_WORKDAY_SHARE || daytimeShare > MAX_CLAIMED_DAYTIME_SHARE) return [];

  return weighReason(
    policy,
    'NIGHT_SHIFT_ACTIVITY',
    nightShare,
    `${percent(nightShare)} of activity falls in the claimed night (${claimedZone}), inside a UTC+8/+9 working day`,
    {
      claimedTimezone: claimedZone,
      claimedNightShare: round(nightShare),
      claimedDaytimeShare: round(daytimeShare),
      asianWorkdayShare: round(asianWorkdayShare),
      sampledActiveHours: features.activity.hourSample.length,
    },
  );
};

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}
