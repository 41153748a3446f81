import type { IpCategory } from './observation.types';

// Categories as bits so that a session's network fits in one number in the stored features.
const CATEGORY_BITS: Readonly<Record<IpCategory, number>> = {
  vpn: 1,
  hosting: 2,
  tor: 4,
  proxy: 8,
  relay: 16,
  mobile: 32,
  'known-bad': 64,
};

export const IP_CATEGORIES = Object.keys(CATEGORY_BITS) as IpCategory[];

export function categoryMask(categories: readonly IpCategory[]): number {
  return categories.reduce((mask, category) => mask | (CATEGORY_BITS[category] ?? 0), 0);
}

export function hasCategory(mask: number, category: IpCategory): boolean {
  return (mask & CATEGORY_BITS[category]) !== 0;
}

export function categoriesOf(mask: number): IpCategory[] {
  return IP_CATEGORIES.filter((category) => hasCategory(mask, category));
}

/** VPNs, Tor, proxies and hosting exits: chosen to hide where the user is (the advisory's first red flag). */
export const ANONYMISING_CATEGORIES: readonly IpCategory[] = ['vpn', 'tor', 'proxy', 'hosting'];

export function isAnonymised(mask: number): boolean {
  return ANONYMISING_CATEGORIES.some((category) => hasCategory(mask, category));
}

/**
 * Whether the IP's geolocation says where the person is. Anonymisers move it on purpose; Apple
 * Private Relay keeps only a coarse region and mobile carriers geolocate to distant gateways (CGNAT),
 * so those two give no usable position either — but they are context, never evidence.
 */
export function locatesPerson(mask: number): boolean {
  return !isAnonymised(mask) && !hasCategory(mask, 'relay') && !hasCategory(mask, 'mobile');
}
