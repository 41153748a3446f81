import { IDENTIFIER_KINDS, type Pseudonymiser } from '@tns/domain/signals';

/**
 * An entry of the memory as `recall` returns it: valid for reading (`pseudonymOf`, `isRawStored`,
 * `isLinked`) until the next `recall`, and for noting (`noteRawStored`, `noteLinked`) for as
 * long as the entry is remembered; a note on a forgotten entry is dropped.
 */
export type IdentifierRef = number;

/**
 * Recently seen identifier values, one entry each: the pseudonym computed once (a marketplace's
 * traffic repeats the same IPs and devices all day, and the HMAC was the largest single cost per
 * signal), and whether this process already stored the raw value and the account link, which
 * spares PostgreSQL a redundant insert (ON CONFLICT DO NOTHING, an index probe each). One lookup
 * per identifier answers all three. Never a source of truth: an entry forgotten only costs a
 * recomputed HMAC and a redundant insert.
 *
 * Two generations: when the young one fills, the old one is dropped. Entries live in typed arrays,
 * outside the JS heap: as objects and strings they were most of the ingestion process's live heap
 * and, each new one promoted to the old generation, most of what made V8 mark that heap about
 * once a second during a backfill.
 */
export class IdentifierMemory {
  private young: IdentifierGeneration;
  private old: IdentifierGeneration;
  private lastGeneration = 0;
  private readonly kindCodes = new Map<string, number>(IDENTIFIER_KINDS.map((kind, i) => [kind, i + 1]));
  private readonly marketplaceCodes = new Map<string, number>();

  constructor(
    private readonly pseudonymiser: Pseudonymiser,
    // Two generations of 150k: bench:ingest's 50k accounts carry ~300k distinct identifiers, and
    // smaller memories missed most repeats.
    generationSize = 150_000,
  ) {
    if (!(generationSize >= 1 && generationSize <= MAX_ENTRIES)) throw new Error(`generation size must be 1–${MAX_ENTRIES}`);
    // Every pseudonym has the current key's length (`keyId.digest`).
    const pseudonymLength = pseudonymiser.pseudonymise(IDENTIFIER_KINDS[0], '').length;
    this.young = new IdentifierGeneration(generationSize, pseudonymLength, ++this.lastGeneration);
    this.old = new IdentifierGeneration(generationSize, pseudonymLength, ++this.lastGeneration);
  }

  /** The entry of a normalised value of `kind`, made (pseudonym computed) if it is not remembered. */
  recall(kind: string, normalised: string): IdentifierRef {
    const kindCode = this.kindCodes.get(kind);
    if (kindCode === undefined) throw new Error(`unknown identifier kind "${kind}"`);
    const hash = hashOf(kindCode, normalised);
    const young = this.young.find(kindCode, normalised, hash);
    if (young >= 0) return this.young.ref(young);
    if (!this.young.hasRoomFor(normalised)) this.age();
    const old = this.old.find(kindCode, normalised, hash);
    if (old >= 0) return this.young.ref(this.young.copyFrom(this.old, old, kindCode, normalised, hash));
    const pseudonym = this.pseudonymiser.pseudonymise(kind, normalised);
    return this.young.ref(this.young.add(kindCode, normalised, hash, pseudonym));
  }

  pseudonymOf(ref: IdentifierRef): string {
    const generation = this.generationOf(ref);
    if (generation === undefined) throw new Error('identifier entry read after it was forgotten');
    return generation.pseudonymOf(ref % MAX_ENTRIES);
  }

  /** Whether this process stored the raw value for `marketplaceId` last. */
  isRawStored(ref: IdentifierRef, marketplaceId: string): boolean {
    const code = this.marketplaceCodes.get(marketplaceId);
    return code !== undefined && this.generationOf(ref)?.rawStoredFor(ref % MAX_ENTRIES) === code;
  }

  /** Whether the last account link this process stored is `accountId`'s in `marketplaceId`. */
  isLinked(ref: IdentifierRef, marketplaceId: string, accountId: string): boolean {
    const code = this.marketplaceCodes.get(marketplaceId);
    return code !== undefined && this.generationOf(ref)?.isLinked(ref % MAX_ENTRIES, code, accountId) === true;
  }

  noteRawStored(ref: IdentifierRef, marketplaceId: string): void {
    this.generationOf(ref)?.noteRawStored(ref % MAX_ENTRIES, this.marketplaceCode(marketplaceId));
  }

  noteLinked(ref: IdentifierRef, marketplaceId: string, accountId: string): void {
    this.generationOf(ref)?.noteLinked(ref % MAX_ENTRIES, this.marketplaceCode(marketplaceId), accountId);
  }

  /** The young generation becomes the old one, and the old one, emptied, the young one. */
  private age(): void {
    const dropped = this.old;
    this.old = this.young;
    dropped.clear(++this.lastGeneration);
    this.young = dropped;
  }

  /** The generation an entry is in, or undefined once it was dropped. */
  private generationOf(ref: IdentifierRef): IdentifierGeneration | undefined {
    const number = Math.floor(ref / MAX_ENTRIES);
    if (number === this.young.number) return this.young;
    if (number === this.old.number) return this.old;
    return undefined;
  }

  private marketplaceCode(marketplaceId: string): number {
    let code = this.marketplaceCodes.get(marketplaceId);
    if (code === undefined) {
      code = this.marketplaceCodes.size + 1;
      this.marketplaceCodes.set(marketplaceId, code);
    }
    return code;
  }
}

/** Entries per generation at most; refs are `generation number × MAX_ENTRIES + entry`. */
const MAX_ENTRIES = 1 << 22;
/** UTF-16 code units of keys and linked account ids per entry, on average, before a generation counts as full. */
const TEXT_UNITS_PER_ENTRY = 40;

// An entry's fields, FIELDS apart in one Int32Array.
const HASH = 0;
const KIND = 1;
const KEY_START = 2;
const KEY_LENGTH = 3;
const RAW_STORED_FOR = 4; // marketplace code, 0 for none
const LINKED_MARKETPLACE = 5; // marketplace code, 0 for none
const LINKED_ACCOUNT_START = 6;
const LINKED_ACCOUNT_LENGTH = 7;
const FIELDS = 8;

/**
 * One generation: an open-addressing hash table (linear probing) over entries whose key and
 * linked account text sit in one append-only UTF-16 array and whose pseudonyms, all of one
 * length, in a byte array. Cleared whole, never entry by entry.
 */
class IdentifierGeneration {
  private readonly slots: Int32Array; // entry + 1, 0 when free
  private readonly mask: number;
  private readonly fields: Int32Array;
  private readonly text: Uint16Array;
  private readonly pseudonyms: Buffer;
  private entries = 0;
  private textEnd = 0;

  constructor(
    private readonly capacity: number,
    private readonly pseudonymLength: number,
    public number: number,
  ) {
    // At most half full: probe runs stay short.
    let slotCount = 2;
    while (slotCount < capacity * 2) slotCount *= 2;
    this.slots = new Int32Array(slotCount);
    this.mask = slotCount - 1;
    this.fields = new Int32Array(capacity * FIELDS);
    this.text = new Uint16Array(capacity * TEXT_UNITS_PER_ENTRY);
    this.pseudonyms = Buffer.alloc(capacity * pseudonymLength);
  }

  ref(entry: number): IdentifierRef {
    return this.number * MAX_ENTRIES + entry;
  }

  clear(number: number): void {
    this.slots.fill(0);
    this.entries = 0;
    this.textEnd = 0;
    this.number = number;
  }

  hasRoomFor(key: string): boolean {
    return this.entries < this.capacity && this.textEnd + key.length <= this.text.length;
  }

  /** The entry holding `key` of `kind`, or -1. */
  find(kind: number, key: string, hash: number): number {
    const { slots, fields } = this;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = slots[slot] - 1;
      if (entry < 0) return -1;
      const at = entry * FIELDS;
      if (fields[at + HASH] === hash && fields[at + KIND] === kind && this.textEquals(fields[at + KEY_START], fields[at + KEY_LENGTH], key)) {
        return entry;
      }
    }
  }

  /** Adds a new entry (the caller checked `hasRoomFor` and that the key is not here). */
  add(kind: number, key: string, hash: number, pseudonym: string): number {
    if (pseudonym.length !== this.pseudonymLength) throw new Error('pseudonyms must all have the current key’s length');
    const entry = this.entries++;
    const at = entry * FIELDS;
    const { fields } = this;
    fields[at + HASH] = hash;
    fields[at + KIND] = kind;
    fields[at + KEY_START] = this.appendText(key);
    fields[at + KEY_LENGTH] = key.length;
    fields[at + RAW_STORED_FOR] = 0;
    fields[at + LINKED_MARKETPLACE] = 0;
    this.pseudonyms.write(pseudonym, entry * this.pseudonymLength, 'latin1');
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = entry + 1;
    return entry;
  }

  /** Adds `from`'s entry, with what was noted on it (the caller checked `hasRoomFor`). */
  copyFrom(from: IdentifierGeneration, fromEntry: number, kind: number, key: string, hash: number): number {
    const entry = this.add(kind, key, hash, from.pseudonymOf(fromEntry));
    const source = fromEntry * FIELDS;
    const at = entry * FIELDS;
    this.fields[at + RAW_STORED_FOR] = from.fields[source + RAW_STORED_FOR];
    const linkedMarketplace = from.fields[source + LINKED_MARKETPLACE];
    if (linkedMarketplace !== 0) {
      const start = from.fields[source + LINKED_ACCOUNT_START];
      const length = from.fields[source + LINKED_ACCOUNT_LENGTH];
      if (this.textEnd + length <= this.text.length) {
        this.text.set(from.text.subarray(start, start + length), this.textEnd);
        this.fields[at + LINKED_MARKETPLACE] = linkedMarketplace;
        this.fields[at + LINKED_ACCOUNT_START] = this.textEnd;
        this.fields[at + LINKED_ACCOUNT_LENGTH] = length;
        this.textEnd += length;
      }
    }
    return entry;
  }

  pseudonymOf(entry: number): string {
    const start = entry * this.pseudonymLength;
    return this.pseudonyms.toString('latin1', start, start + this.pseudonymLength);
  }

  rawStoredFor(entry: number): number {
    return this.fields[entry * FIELDS + RAW_STORED_FOR];
  }

  noteRawStored(entry: number, marketplace: number): void {
    this.fields[entry * FIELDS + RAW_STORED_FOR] = marketplace;
  }

  isLinked(entry: number, marketplace: number, account: string): boolean {
    const at = entry * FIELDS;
    return (
      this.fields[at + LINKED_MARKETPLACE] === marketplace &&
      this.textEquals(this.fields[at + LINKED_ACCOUNT_START], this.fields[at + LINKED_ACCOUNT_LENGTH], account)
    );
  }

  noteLinked(entry: number, marketplace: number, account: string): void {
    const at = entry * FIELDS;
    if (this.isLinked(entry, marketplace, account)) return;
    // Without room for the account's text the link is forgotten (it costs a redundant insert).
    if (this.textEnd + account.length > this.text.length) {
      this.fields[at + LINKED_MARKETPLACE] = 0;
      return;
    }
    this.fields[at + LINKED_MARKETPLACE] = marketplace;
    this.fields[at + LINKED_ACCOUNT_LENGTH] = account.length;
    this.fields[at + LINKED_ACCOUNT_START] = this.appendText(account);
  }

  private appendText(value: string): number {
    const start = this.textEnd;
    for (let i = 0; i < value.length; i++) this.text[start + i] = value.charCodeAt(i);
    this.textEnd = start + value.length;
    return start;
  }

  private textEquals(start: number, length: number, value: string): boolean {
    if (length !== value.length) return false;
    const { text } = this;
    for (let i = 0; i < length; i++) if (text[start + i] !== value.charCodeAt(i)) return false;
    return true;
  }
}

/** FNV-1a over the UTF-16 code units, seeded with the kind, then mixed (murmur3's finaliser) so the low bits, the slot, depend on every unit. */
function hashOf(kind: number, key: string): number {
  let hash = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
