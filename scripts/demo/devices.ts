// Devices as a marketplace's front end sees them: a fingerprint id, a real-looking user agent,
// the browser's languages and (optionally pinned) time zone.

import { Random } from './prng';

export type Platform = 'windows' | 'mac' | 'linux' | 'iphone' | 'android';

export interface Device {
  readonly deviceId: string;
  readonly platform: Platform;
  readonly userAgent: string;
  readonly languages: readonly string[];
  /** Pinned OS zone; undefined = follows wherever the device is (laptops and phones auto-set). */
  readonly timeZone?: string;
}

const CHROME_VERSIONS = ['126.0.0.0', '127.0.0.0', '128.0.0.0', '129.0.0.0', '130.0.0.0', '131.0.0.0'];
const FIREFOX_VERSIONS = ['128.0', '130.0', '131.0', '132.0'];
const SAFARI_VERSIONS = ['17.5', '17.6', '18.0', '18.1'];
const IOS_VERSIONS = ['17_5', '17_6_1', '18_0', '18_1'];
const ANDROID_VERSIONS = ['12', '13', '14', '15'];

function userAgentFor(rng: Random, platform: Platform): string {
  switch (platform) {
    case 'windows':
      return rng.chance(0.8)
        ? `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${rng.pick(CHROME_VERSIONS)} Safari/537.36${rng.chance(0.2) ? ` Edg/${rng.pick(CHROME_VERSIONS)}` : ''}`
        : `Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:${rng.pick(FIREFOX_VERSIONS)}) Gecko/20100101 Firefox/${rng.pick(FIREFOX_VERSIONS)}`;
    case 'mac':
      return rng.chance(0.55)
        ? `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${rng.pick(CHROME_VERSIONS)} Safari/537.36`
        : `Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${rng.pick(SAFARI_VERSIONS)} Safari/605.1.15`;
    case 'linux':
      return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${rng.pick(CHROME_VERSIONS)} Safari/537.36`;
    case 'iphone': {
      const ios = rng.pick(IOS_VERSIONS);
      return `Mozilla/5.0 (iPhone; CPU iPhone OS ${ios} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/${ios.split('_')[0]}.0 Mobile/15E148 Safari/604.1`;
    }
    case 'android':
      return `Mozilla/5.0 (Linux; Android ${rng.pick(ANDROID_VERSIONS)}; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${rng.pick(CHROME_VERSIONS)} Mobile Safari/537.36`;
  }
}

export function newDevice(
  rng: Random,
  options: { platform?: Platform; languages: readonly string[]; timeZone?: string },
): Device {
  const platform =
    options.platform ??
    rng.weighted<Platform>([
      ['windows', 55],
      ['mac', 28],
      ['linux', 5],
      ['android', 7],
      ['iphone', 5],
    ]);
  return {
    deviceId: `fp_${rng.hex(24)}`,
    platform,
    userAgent: userAgentFor(rng, platform),
    languages: options.languages,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
}

/** A second screen most people also use: their phone. */
export function phoneDevice(rng: Random, languages: readonly string[], apple?: boolean): Device {
  return newDevice(rng, { platform: (apple ?? rng.chance(0.35)) ? 'iphone' : 'android', languages });
}

/** Browser language lists: the local language(s), usually English too, in the person's order. */
export function browserLanguages(rng: Random, countryLanguages: readonly string[]): string[] {
  const primary = countryLanguages[0];
  const languages = [primary];
  if (!primary.startsWith('en')) languages.push(rng.chance(0.6) ? 'en-US' : 'en');
  else if (countryLanguages.length > 1 && rng.chance(0.4)) languages.push(countryLanguages[1]);
  if (primary.includes('-') && rng.chance(0.5)) languages.push(primary.split('-')[0]);
  return [...new Set(languages)];
}
