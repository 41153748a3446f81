// Every size bound a signal field is held to, in one place. Lengths are in UTF-16 code units
// (JavaScript `length`), which bounds storage and is what every client library measures.
// Why bound at all: one oversize field would otherwise bloat a jsonb row, an index or a
// regular expression's run time for every later reader.

export const MAX_LENGTH = {
  /** Signal `id`, `accountId` and every other id the marketplace owns (contracts, sessions, methods…). */
  id: 128,
  /** displayName, legalName, holderName: generous for long transliterated names. */
  name: 256,
  /** RFC 5321 path limit: 64 local + @ + 255 domain. */
  email: 320,
  /** Formatted phone numbers with spaces, brackets and an extension. */
  phone: 32,
  city: 128,
  region: 128,
  addressLine: 256,
  postalCode: 32,
  headline: 512,
  bio: 20_000,
  reportText: 20_000,
  reportCategory: 64,
  skill: 100,
  userAgent: 1024,
  /** RFC 5646 recommends supporting at least 35 characters per tag. */
  languageTag: 35,
  deviceId: 256,
  identityProvider: 64,
  documentNumber: 64,
  /** IBAN (≤ 34), bank account numbers, e-mails (≤ 320) and wallet addresses all fit. */
  payoutInstrument: 320,
  chain: 32,
  /** ISO 4217 is 3; crypto tickers run longer (`USDC.E` is not accepted, `USDCE` is). */
  currency: 12,
  remoteAccessTool: 64,
  /** The longest IANA names are ~32 characters. */
  timeZone: 64,
} as const;

export const MAX_ITEMS = {
  skills: 100,
  languages: 20,
  remoteAccessTools: 50,
  listeningPorts: 1000,
} as const;

export const NUMBER_RANGE = {
  faceMatchScore: { min: 0, max: 1 },
  /** A minute-long RTT is already meaningless; beyond it is a unit mistake. */
  rttMs: { min: 0, max: 60_000 },
  activeMinutes: { min: 1, max: 60 },
  listeningPort: { min: 1, max: 65_535 },
  /** Strictly positive; the upper bound only keeps values exact in float64 cents. */
  payoutAmount: { min: 0, max: 1e12 },
  rating: { min: 1, max: 5 },
} as const;

/** Events may be old (backfills) but not more than this far ahead of the server clock. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
