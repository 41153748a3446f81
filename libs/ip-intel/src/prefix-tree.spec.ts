import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCidr, Cidr } from './cidr';
import { parseIpAddress } from './ip-address';
import { parseCidrListText } from './cidr-list';
import { PrefixTree } from './prefix-tree';
import { IPINTEL_DATA } from './testing/ip-intel-test-data';

const cidr = (text: string): Cidr => {
  const result = parseCidr(text);
  if (!result.ok) throw new Error(result.reason);
  return result.cidr;
};
const words = (ip: string) => parseIpAddress(ip)!.words;

function treeOf(bits: 32 | 128, entries: Array<[string, number]>): PrefixTree {
  const tree = new PrefixTree(bits, 2); // tiny capacity: exercises growth
  for (const [text, labels] of entries) {
    const { address, prefixLength } = cidr(text);
    tree.insert(address.words, prefixLength, labels);
  }
  return tree;
}

describe('PrefixTree', () => {
  it('returns the union of labels of all networks containing the address (nested and overlapping)', () => {
    const tree = treeOf(32, [
      ['10.0.0.0/8', 0b001],
      ['10.1.0.0/16', 0b010],
      ['10.1.2.3', 0b100],
      ['10.1.0.0/16', 0b001], // same network in another list is redundant with /8 for bit 0
    ]);
    expect(tree.lookup(words('10.1.2.3'))).toBe(0b111);
    expect(tree.lookup(words('10.1.2.4'))).toBe(0b011);
    expect(tree.lookup(words('10.2.0.0'))).toBe(0b001);
    expect(tree.lookup(words('11.0.0.0'))).toBe(0);
    expect(tree.lookup(words('9.255.255.255'))).toBe(0);
  });

  it('handles /0, host routes, and label bit 31', () => {
    const tree = treeOf(32, [['0.0.0.0/0', 1 << 31], ['255.255.255.255/32', 1]]);
    expect(tree.lookup(words('1.2.3.4'))).toBe(0x80000000);
    expect(tree.lookup(words('255.255.255.255'))).toBe(0x80000001);
  });

  it('works over 128-bit IPv6 addresses', () => {
    const tree = treeOf(128, [['2001:db8::/32', 1], ['2001:db8:0:1::/64', 2], ['2001:db8:0:1::7', 4]]);
    expect(tree.lookup(words('2001:db8:0:1::7'))).toBe(7);
    expect(tree.lookup(words('2001:db8:0:1::8'))).toBe(3);
    expect(tree.lookup(words('2001:db8:1::'))).toBe(1);
    expect(tree.lookup(words('2001:db9::'))).toBe(0);
  });

  it('refuses addresses of the other IP version and bad prefix lengths', () => {
    const tree = new PrefixTree(32);
    expect(() => tree.insert(words('::1'), 8, 1)).toThrow(/32-bit tree/);
    expect(() => tree.insert(words('1.2.3.4'), 33, 1)).toThrow(/outside 0..32/);
  });

  it('agrees with a linear scan over the real X4BNet VPN list', () => {
    const text = readFileSync(path.join(IPINTEL_DATA, 'x4bnet-lists-vpn/output/vpn/ipv4.txt'), 'utf8');
    const networks = parseCidrListText(text, 'vpn/ipv4.txt').networks;
    const tree = new PrefixTree(32);
    for (const network of networks) tree.insert(network.address.words, network.prefixLength, 1);
    tree.compact();
    const ranges = networks.map(({ address, prefixLength }) => {
      const start = address.words[0];
      return [start, start + 2 ** (32 - prefixLength) - 1];
    });
    const linear = (ip: number) => ranges.some(([start, end]) => ip >= start && ip <= end);
    // Probe the edges of every 20th network (first, last, just outside) and random addresses.
    const probes = ranges
      .filter((_, index) => index % 20 === 0)
      .flatMap(([start, end]) => [start, end, (end + 1) >>> 0, (start - 1) >>> 0]);
    let seed = 42;
    for (let i = 0; i < 3_000; i++) probes.push((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0));
    const mismatches = probes.filter((ip) => (tree.lookup([ip]) === 1) !== linear(ip));
    expect(mismatches).toEqual([]);
    expect(tree.size.networks).toBe(networks.length);
  });
});
