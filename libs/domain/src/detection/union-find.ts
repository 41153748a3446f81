// Clusters of linked accounts, kept incrementally as parent pointers that can be stored as rows
// (account → parent) and loaded back. Path compression and union by size keep finds near O(1).
// Which accounts end up together does not depend on the order of unions; which one is the root
// can, so use the root as a storage handle, not as a public cluster id.

export interface UnionFindSnapshot {
  parent: Record<string, string>;
  /** Sizes of roots only. */
  size: Record<string, number>;
}

export class UnionFind {
  private readonly parent: Map<string, string>;
  private readonly size: Map<string, number>;

  constructor(snapshot?: UnionFindSnapshot) {
    this.parent = new Map(Object.entries(snapshot?.parent ?? {}));
    this.size = new Map(Object.entries(snapshot?.size ?? {}));
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  add(id: string): void {
    if (!this.parent.has(id)) {
      this.parent.set(id, id);
      this.size.set(id, 1);
    }
  }

  /** The root of `id`'s cluster (an unknown id is added as a cluster of one). */
  find(id: string): string {
    this.add(id);
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root) as string;
    let current = id;
    while (current !== root) {
      const next = this.parent.get(current) as string;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  /** Merges the two clusters and returns the surviving root: the larger cluster's, the smaller id on a tie. */
  union(a: string, b: string): string {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return rootA;
    const sizeA = this.sizeOfRoot(rootA);
    const sizeB = this.sizeOfRoot(rootB);
    const [root, child] = sizeA > sizeB || (sizeA === sizeB && rootA < rootB) ? [rootA, rootB] : [rootB, rootA];
    this.parent.set(child, root);
    this.size.set(root, sizeA + sizeB);
    this.size.delete(child);
    return root;
  }

  clusterSize(id: string): number {
    return this.sizeOfRoot(this.find(id));
  }

  connected(a: string, b: string): boolean {
    return this.find(a) === this.find(b);
  }

  /** Members by cluster, each sorted, clusters sorted by their first member: comparable across runs. */
  clusters(): string[][] {
    const byRoot = new Map<string, string[]>();
    for (const id of [...this.parent.keys()]) {
      const root = this.find(id);
      byRoot.set(root, [...(byRoot.get(root) ?? []), id]);
    }
    return [...byRoot.values()].map((members) => members.sort()).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }

  snapshot(): UnionFindSnapshot {
    return { parent: Object.fromEntries(this.parent), size: Object.fromEntries(this.size) };
  }

  private sizeOfRoot(root: string): number {
    return this.size.get(root) ?? 1;
  }
}
