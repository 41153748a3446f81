/**
 * A bounded memory of recently seen keys (two generations: when the young one fills, the old one
 * is dropped). Used to skip work whose result is already known — never as a source of truth.
 *
 * Keys come in kinds (identifier kinds), one inner map per kind: a lookup builds no `kind:key`
 * string to hash (in the bulk profile, building and hashing those keys cost more than the
 * lookups themselves). The generation size counts entries of every kind.
 */
export class RecentMap<V> {
  private young = new Map<string, Map<string, V>>();
  private old = new Map<string, Map<string, V>>();
  private youngSize = 0;

  constructor(private readonly generationSize: number) {}

  get(kind: string, key: string): V | undefined {
    const value = this.young.get(kind)?.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(kind)?.get(key);
    if (aged !== undefined) this.set(kind, key, aged);
    return aged;
  }

  set(kind: string, key: string, value: V): void {
    if (this.youngSize >= this.generationSize) {
      this.old = this.young;
      this.young = new Map();
      this.youngSize = 0;
    }
    let entries = this.young.get(kind);
    if (entries === undefined) {
      entries = new Map();
      this.young.set(kind, entries);
    }
    const size = entries.size;
    entries.set(key, value);
    this.youngSize += entries.size - size;
  }
}
