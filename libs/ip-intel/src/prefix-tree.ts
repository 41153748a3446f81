/**
 * Binary trie over address bits, stored in typed arrays (12 bytes a node) so the large
 * VPN/datacenter lists stay compact and a lookup is a tight loop without allocation.
 *
 * Each inserted network carries a 32-bit label set (one bit per list). A lookup returns the
 * union of the labels of every network containing the address, so overlapping and nested
 * networks from several lists all apply.
 */
const NO_CHILD = 0; // node 0 is the root, which is never anyone's child

export class PrefixTree {
  private zeroChild: Int32Array;
  private oneChild: Int32Array;
  private labels: Uint32Array;
  private used = 1;
  private networkCount = 0;

  constructor(
    readonly addressBits: 32 | 128,
    initialCapacity = 1024,
  ) {
    this.zeroChild = new Int32Array(initialCapacity);
    this.oneChild = new Int32Array(initialCapacity);
    this.labels = new Uint32Array(initialCapacity);
  }

  /** words: big-endian 32-bit words of the network address (1 for IPv4, 4 for IPv6). */
  insert(words: readonly number[], prefixLength: number, labelSet: number): void {
    this.assertShape(words, prefixLength);
    this.networkCount++;
    let node = 0;
    for (let depth = 0; depth < prefixLength; depth++) {
      // A covering network already carries these labels: the longer prefix adds nothing.
      if (labelSet !== 0 && ((this.labels[node] & labelSet) >>> 0) === labelSet >>> 0) return;
      node = this.childOrCreate(node, bitAt(words, depth));
    }
    this.labels[node] = (this.labels[node] | labelSet) >>> 0;
  }

  /** Union of the label sets of all networks containing the address; 0 when none. */
  lookup(words: readonly number[]): number {
    const zeroChild = this.zeroChild;
    const oneChild = this.oneChild;
    const labels = this.labels;
    let found = labels[0];
    let node = 0;
    for (let depth = 0; depth < this.addressBits; depth++) {
      const bit = (words[depth >>> 5] >>> (31 - (depth & 31))) & 1;
      node = bit === 0 ? zeroChild[node] : oneChild[node];
      if (node === NO_CHILD) break;
      found |= labels[node];
    }
    return found >>> 0;
  }

  /** Releases the growth headroom once loading is done. */
  compact(): void {
    this.zeroChild = this.zeroChild.slice(0, this.used);
    this.oneChild = this.oneChild.slice(0, this.used);
    this.labels = this.labels.slice(0, this.used);
  }

  get size(): { networks: number; nodes: number; bytes: number } {
    const bytes = this.zeroChild.byteLength + this.oneChild.byteLength + this.labels.byteLength;
    return { networks: this.networkCount, nodes: this.used, bytes };
  }

  private childOrCreate(node: number, bit: number): number {
    const children = bit === 0 ? this.zeroChild : this.oneChild;
    const existing = children[node];
    if (existing !== NO_CHILD) return existing;
    if (this.used === this.labels.length) this.grow();
    const created = this.used++;
    (bit === 0 ? this.zeroChild : this.oneChild)[node] = created;
    return created;
  }

  private grow(): void {
    const capacity = this.labels.length * 2;
    this.zeroChild = copyInto(new Int32Array(capacity), this.zeroChild);
    this.oneChild = copyInto(new Int32Array(capacity), this.oneChild);
    this.labels = copyInto(new Uint32Array(capacity), this.labels);
  }

  private assertShape(words: readonly number[], prefixLength: number): void {
    if (words.length * 32 !== this.addressBits) {
      throw new Error(`A ${this.addressBits}-bit tree cannot hold a ${words.length * 32}-bit address`);
    }
    if (!Number.isInteger(prefixLength) || prefixLength < 0 || prefixLength > this.addressBits) {
      throw new Error(`Prefix length ${prefixLength} is outside 0..${this.addressBits}`);
    }
  }
}

function bitAt(words: readonly number[], depth: number): number {
  return (words[depth >>> 5] >>> (31 - (depth & 31))) & 1;
}

function copyInto<T extends Int32Array | Uint32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
