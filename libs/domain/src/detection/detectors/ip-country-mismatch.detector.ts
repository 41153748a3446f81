// Red flag (advisory, May 2022): the worker claims to be in the US or another country while
// connecting from elsewhere — most are in the PRC or Russia. Only sessions whose IP locates the
// person count (anonymisers are the network detector's business); a holiday abroad is a minority
// of sessions and does not reach the share.

import { locatesPerson } from '../ip-category';
import { type Detector, percent, weighReason } from '../reason';

const MIN_LOCATED_POINTS = 3;
const MIN_MISMATCH_SHARE = 0.6;
/** Where the advisories say DPRK IT workers mostly live and work. */
const DPRK_WORKER_COUNTRIES: readonly string[] = ['KP', 'CN', 'RU'];

export const detectIpCountryMismatch: Detector = (features, { policy }) => {
  const claimedCountry = features.claimed.country?.value;
  if (!claimedCountry) return [];
  const located = features.sessions.recentPoints.filter((point) => point.country && locatesPerson(point.categoryMask));
  if (located.length < MIN_LOCATED_POINTS) return [];
  const elsewhere = located.filter((point) => point.country !== claimedCountry);
  const share = elsewhere.length / located.length;
  if (share < MIN_MISMATCH_SHARE) return [];
  const countries = [...new Set(elsewhere.map((point) => point.country as string))].sort();
  const fromDprkWorkerCountry = countries.some((country) => DPRK_WORKER_COUNTRIES.includes(country));
  return weighReason(
    policy,
    'IP_COUNTRY_MISMATCH',
    fromDprkWorkerCountry ? 1 : share * 0.8,
    `claims ${claimedCountry} but ${percent(share)} of recent sessions come from ${countries.join(', ')}`,
    { claimedCountry, ipCountries: countries, mismatchShare: Math.round(share * 1000) / 1000, locatedPoints: located.length },
  );
};
