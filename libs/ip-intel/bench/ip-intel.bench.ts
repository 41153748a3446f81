/**
 * Lookup speed and list memory of the IP intelligence library, on the real data.
 * Run: node -r @swc-node/register libs/ip-intel/bench/ip-intel.bench.ts [lookups, default 1000000]
 */
import { rmSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultIpIntelManifest, formatIpAddress, IpIntelService, parseIpAddress } from '../src';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const DATA = path.resolve(REPO_ROOT, '../shared/data/ipintel');
const LOOKUPS = Number(process.argv[2] ?? 1_000_000);

const LISTS: Array<[string, string]> = [
  ['x4bnet-lists-vpn/output/vpn/ipv4.txt', 'vpn'],
  ['x4bnet-lists-vpn/output/vpn/ipv6.txt', 'vpn'],
  ['x4bnet-lists-vpn/output/datacenter/ipv4.txt', 'hosting'],
  ['x4bnet-lists-vpn/output/datacenter/ipv6.txt', 'hosting'],
  ['tor-exit-list/tor-exit-nodes.lst', 'tor'],
  ['cloud-ip-ranges/apple-proxy/ipv4_merged.txt', 'relay'],
  ['cloud-ip-ranges/apple-proxy/ipv6_merged.txt', 'relay'],
  ['cloud-ip-ranges/protonvpn/ipv4_merged.txt', 'vpn'],
  ['cloud-ip-ranges/all/ipv4_merged.txt', 'hosting'],
  ['cloud-ip-ranges/all/ipv6_merged.txt', 'hosting'],
];

/** Default databases first, then every list, as a manifest in a temp folder. */
async function writeBenchManifest(): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'ip-intel-bench-'));
  const sources = [
    ...defaultIpIntelManifest().sources.map(({ path: file, format }) => ({ file, format })),
    ...LISTS.map(([file, category]) => ({ file: path.join(DATA, file), format: 'cidr-list', category })),
  ];
  const manifestPath = path.join(directory, 'manifest.json');
  await writeFile(manifestPath, JSON.stringify({ sources }));
  process.on('exit', () => rmSync(directory, { recursive: true, force: true }));
  return manifestPath;
}

/** Deterministic pseudo-random 32-bit numbers (xorshift), so runs are comparable. */
function randomWords(count: number, seed = 0x9e3779b9): Uint32Array {
  const words = new Uint32Array(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    words[i] = state >>> 0;
  }
  return words;
}

function timeIt(label: string, count: number, run: () => number): void {
  const started = process.hrtime.bigint();
  const checksum = run();
  const elapsedNs = Number(process.hrtime.bigint() - started);
  console.log(`${label.padEnd(58)} ${(elapsedNs / count / 1000).toFixed(3)} µs/lookup  (${count} lookups, checksum ${checksum})`);
}

async function main(): Promise<void> {
  const loadStarted = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const service = await IpIntelService.load(await writeBenchManifest());
  console.log(`load (default DBs + ${LISTS.length} lists): ${(performance.now() - loadStarted).toFixed(0)} ms`);
  global.gc?.();
  console.log(`heap growth after load: ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1)} MiB (MMDB buffers are off-heap)`);
  const { ipv4, ipv6 } = service.currentSnapshot.listTreeSizes;
  for (const [name, size] of [['IPv4', ipv4], ['IPv6', ipv6]] as const) {
    console.log(`${name} list tree: ${size.networks} networks, ${size.nodes} nodes, ${(size.bytes / 2 ** 20).toFixed(1)} MiB`);
  }

  const tree = (service.currentSnapshot as unknown as { ipv4Lists: { lookup(words: readonly number[]): number } }).ipv4Lists;
  const randoms = randomWords(LOOKUPS);
  const ipv4Texts = Array.from(randoms.subarray(0, Math.min(LOOKUPS, 200_000)), (word) => formatIpAddress({ version: 4, words: [word] }));
  const ipv6Texts = Array.from({ length: Math.min(LOOKUPS, 200_000) }, (_, i) => {
    const [a, b] = [randoms[i], randoms[(i * 7 + 3) % LOOKUPS]];
    // Inside 2000::/3 (global unicast), where the lists and databases have data.
    return formatIpAddress({ version: 6, words: [((a & 0x1fffffff) | 0x20000000) >>> 0, b, a ^ b, i] });
  });

  timeIt('prefix tree only, random IPv4 (all lists)', LOOKUPS, () => {
    let hits = 0;
    const words = [0];
    for (let i = 0; i < LOOKUPS; i++) {
      words[0] = randoms[i];
      if (tree.lookup(words) !== 0) hits++;
    }
    return hits;
  });

  timeIt('parse IPv4 text', ipv4Texts.length, () => ipv4Texts.reduce((n, text) => n + (parseIpAddress(text) ? 1 : 0), 0));

  for (const [label, texts] of [['IPv4', ipv4Texts], ['IPv6', ipv6Texts]] as const) {
    for (let i = 0; i < 20_000; i++) service.lookup(texts[i % texts.length]); // warm up
    timeIt(`service.lookup, random ${label} (MMDB + ASN + lists + merge)`, LOOKUPS, () => {
      let withCountry = 0;
      for (let i = 0; i < LOOKUPS; i++) if (service.lookup(texts[i % texts.length]).country) withCountry++;
      return withCountry;
    });
  }

  const hot = ['8.8.8.8', '1.1.1.1', '175.45.176.1', '101.99.92.179'];
  timeIt('service.lookup, 4 hot addresses (MMDB record cache)', LOOKUPS, () => {
    let categories = 0;
    for (let i = 0; i < LOOKUPS; i++) categories += service.lookup(hot[i & 3]).categories.length;
    return categories;
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
