// Canonical forms of the identifiers lists publish, so an exact lookup survives formatting.

export type IdentifierChannel = 'wallet' | 'email' | 'website' | 'phone' | 'document';

// OFAC tickers → the chain whose address format applies.
const CHAIN_ALIASES: Record<string, string> = { XBT: 'BTC', BTC: 'BTC' };

/** Canonical chain ticker (OFAC writes Bitcoin as XBT). */
export function normaliseChain(chain: string): string {
  const upper = chain.trim().toUpperCase();
  return CHAIN_ALIASES[upper] ?? upper;
}

/**
 * Wallet addresses by format rather than by declared chain, because one address is listed
 * under several tickers (an ETH address also listed as USDT):
 * - EVM hex (0x + 40 hex): case is only a checksum → lower-case;
 * - bech32/bech32m (bc1…, ltc1…, tb1…) and cashaddr (bitcoincash:q…): case-insensitive by spec → lower-case, prefix dropped for cashaddr;
 * - base58 and everything else (1…/3… Bitcoin, T… Tron, r… XRP, Monero): case is data → kept.
 */
export function normaliseWalletAddress(address: string): string {
  const trimmed = address.trim().replace(/\s+/g, '');
  if (/^0x[0-9a-fA-F]{40}$/.test(trimmed)) return trimmed.toLowerCase();
  const cashaddr = /^(?:bitcoincash|bchtest):([qp][0-9a-zA-Z]{41,})$/i.exec(trimmed);
  if (cashaddr) return cashaddr[1].toLowerCase();
  if (
    /^(bc|tb|ltc|bcrt)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,}$/i.test(trimmed) &&
    (trimmed === trimmed.toLowerCase() || trimmed === trimmed.toUpperCase())
  ) {
    return trimmed.toLowerCase();
  }
  return trimmed;
}

/** E-mail: lower-case; '+tag' sub-addressing dropped; Gmail ignores dots in the local part. */
export function normaliseEmail(email: string): string {
  const trimmed = email
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return trimmed;
  let local = trimmed.slice(0, at).replace(/\+.*$/, '');
  const domain = trimmed.slice(at + 1).replace(/\.$/, '');
  if (domain === 'gmail.com' || domain === 'googlemail.com') local = local.replace(/\./g, '');
  return `${local}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

/** Website: the host name, lower-case, without scheme, credentials, 'www.', port, path or trailing dot. */
export function normaliseWebsite(website: string): string {
  let host = website
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host
    .replace(/^[^@/]*@/, '')
    .split(/[/?#]/)[0]
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return host.replace(/^www\d*\./, '');
}

/** Phone: digits only, with an international '00' prefix treated as '+'. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('00') ? digits.slice(2) : digits;
}

/** Passport, national-ID and tax numbers: letters and digits only, upper-case. */
export function normaliseDocumentNumber(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

export function normaliseIdentifier(channel: IdentifierChannel, value: string): string {
  switch (channel) {
    case 'wallet':
      return normaliseWalletAddress(value);
    case 'email':
      return normaliseEmail(value);
    case 'website':
      return normaliseWebsite(value);
    case 'phone':
      return normalisePhone(value);
    case 'document':
      return normaliseDocumentNumber(value);
  }
}
