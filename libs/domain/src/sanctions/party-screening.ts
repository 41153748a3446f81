// Screening one party (an account's names and identifiers) against the loaded lists: the name
// index at the review threshold, with date of birth / nationality as context when known, and
// exact identifier lookups. Also the keys under which a party is filed so that a list change
// finds the parties it can affect without rescanning everybody. Pure.
import { nameBlockingKeys, type SanctionsNameIndex } from './candidate-index';
import type { PartyAttributes } from './context-adjustment';
import { normaliseIdentifier, type IdentifierChannel } from './identifier-normalisation';
import type { SanctionsIdentifierIndex } from './identifier-index';
import type { SanctionedEntity } from './sanctioned-entity';

/** Where a screened name came from, for the evidence ("legal name", "payout holder name"…). */
export type ScreenedNameField = 'displayName' | 'legalName' | 'holderName';

export interface ScreeningParty {
  names: ReadonlyArray<{ field: ScreenedNameField; value: string }>;
  /** Date of birth / nationality / gender the party stated; moves name scores only when both sides state them. */
  context?: PartyAttributes;
  wallets?: readonly string[];
  emails?: readonly string[];
  phones?: readonly string[];
  documents?: readonly string[];
}

export type ScreeningChannel = 'name' | IdentifierChannel;

export interface ScreeningMatch {
  entity: SanctionedEntity;
  channel: ScreeningChannel;
  /** 1 for an identifier; the (context-adjusted) name score otherwise. */
  score: number;
  /** The party's value that matched (its name or identifier as given). */
  partyValue: string;
  /** The listed name or identifier it matched. */
  listedValue: string;
  /** For names: which of the party's fields. */
  field?: ScreenedNameField;
  /** An identifier is not a name: two people do not share one by coincidence. */
  exact: boolean;
  explanation: string[];
}

/**
 * Every match of the party, at most one per entity and channel (the strongest). Names are
 * searched once each (a display name equal to the legal name costs one search).
 */
export function screenParty(
  names: SanctionsNameIndex,
  identifiers: SanctionsIdentifierIndex,
  party: ScreeningParty,
  threshold: number,
): ScreeningMatch[] {
  const best = new Map<string, ScreeningMatch>();
  const offer = (match: ScreeningMatch) => {
    const key = `${match.entity.list}:${match.entity.sourceId}:${match.channel}`;
    const kept = best.get(key);
    if (!kept || match.score > kept.score) best.set(key, match);
  };
  const searched = new Set<string>();
  for (const { field, value } of party.names) {
    const name = value.trim();
    if (!name || searched.has(name.toLowerCase())) continue;
    searched.add(name.toLowerCase());
    for (const hit of names.search(name, { minScore: threshold, context: party.context })) {
      offer({
        entity: hit.entity,
        channel: 'name',
        score: hit.score,
        partyValue: name,
        listedValue: hit.matchedName,
        field,
        exact: false,
        explanation: hit.reasons,
      });
    }
  }
  const identifierHits = identifiers.lookup({
    wallets: [...(party.wallets ?? [])],
    emails: [...(party.emails ?? [])],
    phones: [...(party.phones ?? [])],
    documents: [...(party.documents ?? [])],
  });
  for (const hit of identifierHits) {
    offer({
      entity: hit.entity,
      channel: hit.channel,
      score: 1,
      partyValue: hit.value,
      listedValue: hit.normalised,
      exact: true,
      explanation: [hit.reason],
    });
  }
  return [...best.values()].sort((a, b) => b.score - a.score || compareText(matchKey(a), matchKey(b)));
}

/**
 * The keys a party is filed under: the name blocking keys of its names (the same function the
 * list diff uses for `affected_name_keys`) and `channel:normalised` identifier keys (the form of
 * `affected_identifiers`). A list change can only affect a party sharing one of them.
 */
export function screeningKeys(party: ScreeningParty): string[] {
  const keys = new Set<string>();
  for (const { value } of party.names) for (const key of nameBlockingKeys(value)) keys.add(key);
  const add = (channel: IdentifierChannel, values: readonly string[] | undefined) => {
    for (const value of values ?? []) {
      const normalised = normaliseIdentifier(channel, value);
      if (normalised) keys.add(`${channel}:${normalised}`);
    }
  };
  add('wallet', party.wallets);
  add('email', party.emails);
  add('phone', party.phones);
  add('document', party.documents);
  return [...keys].sort();
}

const matchKey = (match: ScreeningMatch) => `${match.entity.list}:${match.entity.sourceId}:${match.channel}`;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
