import { seededRandom, shuffled } from './observation.fixtures';
import { UnionFind } from './union-find';

describe('UnionFind', () => {
  it('joins clusters and tracks their sizes', () => {
    const clusters = new UnionFind();
    clusters.union('a', 'b');
    clusters.union('c', 'd');
    expect(clusters.connected('a', 'c')).toBe(false);
    clusters.union('b', 'd');
    expect(clusters.connected('a', 'c')).toBe(true);
    expect(clusters.clusterSize('d')).toBe(4);
    expect(clusters.clusterSize('z')).toBe(1);
  });

  it('roots the larger cluster (union by size) and compresses paths on find', () => {
    const clusters = new UnionFind();
    clusters.union('a', 'b');
    clusters.union('a', 'c');
    const root = clusters.union('x', 'a');
    expect(root).toBe(clusters.find('a'));
    expect(clusters.find('x')).toBe(root);
    const deep = new UnionFind({ parent: { a: 'b', b: 'c', c: 'd', d: 'd' }, size: { d: 4 } });
    expect(deep.find('a')).toBe('d');
    expect(deep.snapshot().parent).toEqual({ a: 'd', b: 'd', c: 'd', d: 'd' });
  });

  it('round-trips through a snapshot of parent pointers', () => {
    const clusters = new UnionFind();
    clusters.union('a', 'b');
    clusters.union('c', 'b');
    const restored = new UnionFind(JSON.parse(JSON.stringify(clusters.snapshot())));
    expect(restored.clusters()).toEqual([['a', 'b', 'c']]);
    restored.union('c', 'e');
    expect(restored.clusterSize('a')).toBe(4);
  });

  it('forms the same clusters whatever the order of unions', () => {
    const links: [string, string][] = [['a', 'b'], ['c', 'd'], ['e', 'f'], ['b', 'c'], ['g', 'g'], ['h', 'e']];
    const expected = [['a', 'b', 'c', 'd'], ['e', 'f', 'h'], ['g']];
    const random = seededRandom(3);
    for (let run = 0; run < 20; run++) {
      const clusters = new UnionFind();
      for (const [x, y] of shuffled(links, random)) {
        if (random() < 0.5) clusters.union(x, y);
        else clusters.union(y, x);
      }
      expect(clusters.clusters()).toEqual(expected);
    }
  });
});
