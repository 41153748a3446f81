import { Pseudonymiser, type PseudonymiserKeys } from '@tns/domain/signals';
import { RecentMap } from './recent-set';

/**
 * The same pseudonyms, computed once per recently seen value: a marketplace's traffic repeats
 * the same IPs and devices all day, and the HMAC was the largest single cost per signal in the
 * ingestion profile. The current key is configuration, fixed for the life of the process, so no
 * entry outlives the key that made it.
 */
export class CachingPseudonymiser extends Pseudonymiser {
  // Two generations of 150k: up to ~35 MB of heap (measured), inside the ingestion app's capped
  // old space; a marketplace's recent identifiers should fit (smaller caches missed most repeats
  // in bench:ingest, whose 50k accounts carry ~300k distinct identifiers).
  private readonly cache = new RecentMap<string>(150_000);

  constructor(config: PseudonymiserKeys) {
    super(config);
  }

  override pseudonymise(kind: string, normalised: string): string {
    let pseudonym = this.cache.get(kind, normalised);
    if (pseudonym === undefined) {
      pseudonym = super.pseudonymise(kind, normalised);
      this.cache.set(kind, normalised, pseudonym);
    }
    return pseudonym;
  }
}
