import type { Pseudonymiser } from '@tns/domain/signals';
import { RecentMap } from './recent-set';

/** What this process knows of one identifier value. */
export interface RememberedIdentifier {
  /** Its pseudonym under the current key (fixed for the life of the process). */
  readonly pseudonym: string;
  /** The marketplace whose raw value for it this process stored last. */
  rawStoredFor?: string;
  /** The last account link this process stored for it: marketplace and account. */
  linkedMarketplace?: string;
  linkedAccount?: string;
}

/**
 * Recently seen identifier values, one entry each: the pseudonym computed once (a marketplace's
 * traffic repeats the same IPs and devices all day, and the HMAC was the largest single cost per
 * signal), and whether this process already stored the raw value and the account link, which
 * spares PostgreSQL a redundant insert (ON CONFLICT DO NOTHING, an index probe each). One lookup
 * per identifier answers all three: separate memories keyed by value and by pseudonym had cost
 * three hash-table probes into large tables per identifier. Never a source of truth: an entry
 * forgotten only costs a recomputed HMAC and a redundant insert.
 */
export class IdentifierMemory {
  // Two generations of 150k, inside the ingestion app's capped old space (bench:ingest's peak RSS
  // stays under 275 MB with it full): its 50k accounts carry ~300k distinct identifiers, and
  // smaller memories missed most repeats.
  private readonly recent: RecentMap<RememberedIdentifier>;

  constructor(
    private readonly pseudonymiser: Pseudonymiser,
    generationSize = 150_000,
  ) {
    this.recent = new RecentMap(generationSize);
  }

  /** The entry of a normalised value of `kind`, made (pseudonym computed) if it is not remembered. */
  recall(kind: string, normalised: string): RememberedIdentifier {
    let entry = this.recent.get(kind, normalised);
    if (entry === undefined) {
      // Every field present from the start: one object shape for all entries.
      entry = {
        pseudonym: this.pseudonymiser.pseudonymise(kind, normalised),
        rawStoredFor: undefined,
        linkedMarketplace: undefined,
        linkedAccount: undefined,
      };
      this.recent.set(kind, normalised, entry);
    }
    return entry;
  }
}
