// Red flag (Mandiant, Microsoft): the browser's time zone gives away the real location — a laptop
// set to Asia/Shanghai claiming New York, often behind a VPN exit in the claimed country.
// Offsets, not names, are compared (America/Detroit is America/New_York). A traveller's browser
// follows the local network (browser zone = IP zone): that is not reported here, the IP's country
// is the location evidence and a clock consistent with it is not a second piece of evidence.

import { isAnonymised } from '../ip-category';
import { type Detector, percent, weighReason } from '../reason';
import { isDprkAlignedOffset, utcOffsetMinutes } from '../time-zone';

const MIN_SESSIONS_WITH_BROWSER_ZONE = 3;
const MIN_MISMATCH_SHARE = 0.6;

export function formatUtcOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
}

export const detectTimezoneMismatch: Detector = (features, { policy }) => {
  const claimedZone = features.claimed.timezone?.value;
  if (!claimedZone) return [];
  let compared = 0;
  let mismatched = 0;
  let unexplained = 0;
  let dprkAligned = 0;
  const browserOffsets = new Set<number>();
  for (const session of features.sessions.recentPoints) {
    if (session.source !== 'session' || session.browserUtcOffset === undefined) continue;
    const claimedOffset = utcOffsetMinutes(claimedZone, session.at);
    if (claimedOffset === undefined) continue;
    compared++;
    if (session.browserUtcOffset === claimedOffset) continue;
    mismatched++;
    browserOffsets.add(session.browserUtcOffset);
    if (isAnonymised(session.categoryMask) || session.ipUtcOffset !== session.browserUtcOffset) unexplained++;
    if (isDprkAlignedOffset(session.browserUtcOffset)) dprkAligned++;
  }
  if (compared < MIN_SESSIONS_WITH_BROWSER_ZONE) return [];
  const share = mismatched / compared;
  if (share < MIN_MISMATCH_SHARE) return [];
  // A browser whose clock follows the local network is consistent with where the IP says the person
  // is: being abroad is the IP country check's evidence, and the clock adds nothing independent to it.
  if (unexplained / mismatched < 0.5) return [];
  const strength = share * (dprkAligned / mismatched >= 0.5 ? 1 : 0.8);
  const offsets = [...browserOffsets].sort((a, b) => a - b).map(formatUtcOffset);
  const browserZones = features.sessions.browserTimezones.map((zone) => zone.key).sort();
  return weighReason(
    policy,
    'BROWSER_TIMEZONE_MISMATCH',
    strength,
    `browser clock (${offsets.join(', ')}) differs from the claimed ${claimedZone} in ${percent(share)} of sessions`,
    {
      claimedTimezone: claimedZone,
      browserOffsets: offsets,
      browserTimezonesSeen: browserZones,
      mismatchShare: Math.round(share * 1000) / 1000,
      sessionsCompared: compared,
      explainedByTravel: false,
      dprkAlignedSessions: dprkAligned,
    },
  );
};
