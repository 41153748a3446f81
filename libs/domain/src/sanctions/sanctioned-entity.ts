// The shape every list parser produces and every screening component consumes.

export type SanctionsListId = 'ofac-sdn' | 'un' | 'eu';

export type SanctionedEntityKind = 'person' | 'organisation' | 'vessel' | 'aircraft' | 'unknown';

export type AliasStrength = 'strong' | 'weak';

export type Gender = 'male' | 'female';

export interface SanctionedAlias {
  name: string;
  strength: AliasStrength;
}

export interface EntityIdentifier {
  /** e.g. 'passport', 'national-id', 'tax-id', 'registration-number' */
  type: string;
  value: string;
  /** ISO alpha-2 of the issuing country when known */
  country?: string;
}

export interface WalletAddress {
  /** Ticker as published (XBT, ETH, USDT, TRX…) */
  chain: string;
  address: string;
}

export interface SanctionedEntity {
  sourceId: string;
  list: SanctionsListId;
  kind: SanctionedEntityKind;
  primaryName: string;
  aliases: SanctionedAlias[];
  programs: string[];
  /** ISO forms: YYYY, YYYY-MM or YYYY-MM-DD; a range is written "YYYY/YYYY" */
  datesOfBirth: string[];
  /** ISO alpha-2 where determinable, otherwise the published text */
  nationalities: string[];
  gender?: Gender;
  addresses: string[];
  identifiers: EntityIdentifier[];
  wallets: WalletAddress[];
  emails: string[];
  websites: string[];
  phones: string[];
  remarks?: string;
}

/** Convenience for parsers: an entity with every collection empty. */
export function emptySanctionedEntity(
  list: SanctionsListId,
  sourceId: string,
  primaryName: string,
  kind: SanctionedEntityKind = 'unknown',
): SanctionedEntity {
  return {
    sourceId,
    list,
    kind,
    primaryName,
    aliases: [],
    programs: [],
    datesOfBirth: [],
    nationalities: [],
    addresses: [],
    identifiers: [],
    wallets: [],
    emails: [],
    websites: [],
    phones: [],
  };
}
