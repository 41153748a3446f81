import { RecentMap } from './recent-set';

describe('RecentMap', () => {
  it('keeps kinds apart: the same key of two kinds is two entries', () => {
    const map = new RecentMap<string>(10);
    map.set('email', 'a@x.test', 'p1');
    map.set('phone', 'a@x.test', 'p2');
    expect(map.get('email', 'a@x.test')).toBe('p1');
    expect(map.get('phone', 'a@x.test')).toBe('p2');
    expect(map.get('ip', 'a@x.test')).toBeUndefined();
  });

  it('forgets the oldest generation once the young one is full, keeping what was used since', () => {
    const map = new RecentMap<number>(2);
    map.set('ip', 'a', 1);
    map.set('device', 'b', 2);
    map.set('ip', 'c', 3); // young was full: {a, b} become the old generation
    expect(map.get('ip', 'a')).toBe(1); // found in the old one, brought back into the young {c, a}
    map.set('ip', 'd', 4); // young {c, a} full: it becomes old, {b} is forgotten
    expect(map.get('device', 'b')).toBeUndefined();
    expect(map.get('ip', 'a')).toBe(1);
    expect(map.get('ip', 'c')).toBe(3);
  });

  it('counts a key set again once', () => {
    const map = new RecentMap<number>(2);
    map.set('ip', 'a', 1);
    map.set('ip', 'a', 2);
    map.set('ip', 'b', 3);
    expect(map.get('ip', 'a')).toBe(2); // still young: the second set replaced, not added
  });
});
