import { compareWords, previousWords } from './ip-address';

/**
 * ASN ranges of one IP version as sorted, disjoint [start, end] pairs in typed arrays
 * (about 16 bytes a range for IPv4, 40 for IPv6, plus the shared organisation names),
 * looked up by binary search.
 */
export interface AsnMatch {
  readonly asn: number;
  readonly organisation?: string;
}

export class AsnRangeTable {
  constructor(
    private readonly wordsPerAddress: 1 | 4,
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
    private readonly asns: Uint32Array,
    private readonly organisationIds: Uint32Array,
    private readonly organisations: readonly string[],
  ) {}

  get rangeCount(): number {
    return this.asns.length;
  }

  get bytes(): number {
    return this.starts.byteLength + this.ends.byteLength + this.asns.byteLength + this.organisationIds.byteLength;
  }

  lookup(words: readonly number[]): AsnMatch | undefined {
    if (words.length !== this.wordsPerAddress) return undefined;
    const index = this.lastRangeStartingAtOrBefore(words);
    if (index < 0 || compareAt(this.ends, index, this.wordsPerAddress, words) < 0) return undefined;
    const organisation = this.organisations[this.organisationIds[index]];
    return organisation === '' ? { asn: this.asns[index] } : { asn: this.asns[index], organisation };
  }

  private lastRangeStartingAtOrBefore(words: readonly number[]): number {
    let low = 0;
    let high = this.asns.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (compareAt(this.starts, middle, this.wordsPerAddress, words) <= 0) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}

/** Compares the address stored at row `index` with `words`. */
function compareAt(array: Uint32Array, index: number, width: number, words: readonly number[]): number {
  const base = index * width;
  for (let i = 0; i < width; i++) {
    const stored = array[base + i];
    if (stored !== words[i]) return stored < words[i] ? -1 : 1;
  }
  return 0;
}

/**
 * Collects ranges (any order) straight into growable typed arrays, since the npm ASN table has
 * ~500k rows. build() sorts when needed and makes the ranges disjoint for binary search: where
 * two overlap, the later-starting (more specific) one keeps the overlap and the earlier one is
 * cut short. Part of an outer range lying beyond a range nested inside it is therefore lost;
 * the npm table has a single partial overlap and no nesting, and overlapsTrimmed counts them.
 */
export class AsnRangeTableBuilder {
  private starts: Uint32Array;
  private ends: Uint32Array;
  private asns: Uint32Array;
  private organisationIdsByRow: Uint32Array;
  private count = 0;
  private readonly organisationIds = new Map<string, number>();
  private readonly organisations: string[] = [];
  private trimmedOverlaps = 0;

  constructor(
    private readonly wordsPerAddress: 1 | 4,
    initialCapacity = 4096,
  ) {
    this.starts = new Uint32Array(initialCapacity * wordsPerAddress);
    this.ends = new Uint32Array(initialCapacity * wordsPerAddress);
    this.asns = new Uint32Array(initialCapacity);
    this.organisationIdsByRow = new Uint32Array(initialCapacity);
  }

  add(start: readonly number[], end: readonly number[], asn: number, organisation: string): void {
    if (start.length !== this.wordsPerAddress || end.length !== this.wordsPerAddress) {
      throw new Error(`ASN range of the wrong IP version for a ${this.wordsPerAddress * 32}-bit table`);
    }
    if (compareWords(start, end) > 0) throw new Error('ASN range starts after it ends');
    if (this.count === this.asns.length) this.grow();
    this.starts.set(start, this.count * this.wordsPerAddress);
    this.ends.set(end, this.count * this.wordsPerAddress);
    this.asns[this.count] = asn;
    this.organisationIdsByRow[this.count] = this.organisationId(organisation);
    this.count++;
  }

  get rowCount(): number {
    return this.count;
  }

  get overlapsTrimmed(): number {
    return this.trimmedOverlaps;
  }

  build(): AsnRangeTable {
    const rows = this.disjointRows(this.rowsInStartOrder());
    const width = this.wordsPerAddress;
    const starts = new Uint32Array(rows.length * width);
    const ends = new Uint32Array(rows.length * width);
    const asns = new Uint32Array(rows.length);
    const organisationIds = new Uint32Array(rows.length);
    rows.forEach((row, index) => {
      starts.set(this.starts.subarray(row * width, (row + 1) * width), index * width);
      ends.set(this.ends.subarray(row * width, (row + 1) * width), index * width);
      asns[index] = this.asns[row];
      organisationIds[index] = this.organisationIdsByRow[row];
    });
    return new AsnRangeTable(width, starts, ends, asns, organisationIds, this.organisations);
  }

  private rowsInStartOrder(): number[] {
    const order = Array.from({ length: this.count }, (_, row) => row);
    // Equal starts: the longer range first, so the more specific one follows and wins the overlap.
    const byStart = (a: number, b: number) =>
      this.compareRows(this.starts, a, this.starts, b) || this.compareRows(this.ends, b, this.ends, a);
    for (let i = 1; i < order.length; i++) {
      if (byStart(order[i - 1], order[i]) > 0) return order.sort(byStart);
    }
    return order;
  }

  /** Trims overlapping ends in place; a row whose whole range is overridden is dropped. */
  private disjointRows(order: readonly number[]): number[] {
    const kept: number[] = [];
    for (const row of order) {
      const previous = kept[kept.length - 1];
      if (previous !== undefined && this.compareRows(this.ends, previous, this.starts, row) >= 0) {
        this.trimmedOverlaps++;
        if (this.compareRows(this.starts, previous, this.starts, row) === 0) kept.pop();
        else this.ends.set(previousWords(this.wordsOf(this.starts, row)), previous * this.wordsPerAddress);
      }
      kept.push(row);
    }
    return kept;
  }

  /** Compares the address at rowA of arrayA with the one at rowB of arrayB, without allocating. */
  private compareRows(arrayA: Uint32Array, rowA: number, arrayB: Uint32Array, rowB: number): number {
    const width = this.wordsPerAddress;
    for (let i = 0; i < width; i++) {
      const a = arrayA[rowA * width + i];
      const b = arrayB[rowB * width + i];
      if (a !== b) return a < b ? -1 : 1;
    }
    return 0;
  }

  private wordsOf(array: Uint32Array, row: number): number[] {
    return Array.from(array.subarray(row * this.wordsPerAddress, (row + 1) * this.wordsPerAddress));
  }

  private grow(): void {
    const grown = (array: Uint32Array) => {
      const bigger = new Uint32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
    this.asns = grown(this.asns);
    this.organisationIdsByRow = grown(this.organisationIdsByRow);
  }

  private organisationId(organisation: string): number {
    let id = this.organisationIds.get(organisation);
    if (id === undefined) {
      id = this.organisations.push(organisation) - 1;
      this.organisationIds.set(organisation, id);
    }
    return id;
  }
}
