/** What kind of network an address belongs to; an address may carry several. */
export const IP_CATEGORIES = ['vpn', 'hosting', 'tor', 'proxy', 'relay', 'mobile', 'known-bad'] as const;

export type IpCategory = (typeof IP_CATEGORIES)[number];

export function isIpCategory(value: unknown): value is IpCategory {
  return typeof value === 'string' && (IP_CATEGORIES as readonly string[]).includes(value);
}

/** Sorted (alphabetically) and unique, so answers compare and serialise stably. */
export function normaliseCategories(categories: Iterable<IpCategory>): IpCategory[] {
  return [...new Set(categories)].sort();
}
