import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Cidr, parseCidr } from './cidr';
import { formatIpAddress, IpAddress } from './ip-address';
import { IpCategory } from './ip-category';
import { IpIntelSourceError } from './ip-intel-source-files';
import { loadIpIntelSnapshot, IpIntelSnapshot } from './ip-intel-snapshot';
import { classifyMmdbDatabaseType, mapMmdbRecord } from './mmdb-record-mapping';
import { MAXMIND_SOURCE_DATA, MAXMIND_TEST_DB } from './testing/ip-intel-test-data';

/** The fields of MaxMind's test source data (JSON) these tests read; the records carry more. */
interface SourceRecord {
  country?: { iso_code?: string };
  city?: { names?: { en?: string } };
  location?: { latitude?: number; longitude?: number; accuracy_radius?: number; time_zone?: string };
  autonomous_system_number?: number;
  autonomous_system_organization?: string;
  connection_type?: string;
  mobile_country_code?: string;
  is_hosting_provider?: boolean;
  is_public_proxy?: boolean;
  is_residential_proxy?: boolean;
  is_tor_exit_node?: boolean;
  is_anonymous_vpn?: boolean;
}

/**
 * The records MaxMind generated the test database from, as [first address of the network, the
 * record it answers]. The writer applies entries in file order, so when networks nest the last
 * entry containing the address is the one the database returns.
 */
function expectedRecords(name: string): Array<[string, SourceRecord]> {
  const entries: Array<Record<string, SourceRecord>> = JSON.parse(readFileSync(path.join(MAXMIND_SOURCE_DATA, `${name}.json`), 'utf8'));
  const networks = entries.flatMap((entry) =>
    Object.entries(entry).map(([network, record]) => {
      const parsed = parseCidr(network);
      if (!parsed.ok) throw new Error(parsed.reason);
      return { cidr: parsed.cidr, record };
    }),
  );
  return networks.map(({ cidr }): [string, SourceRecord] => {
    const last = networks.findLast((candidate) => contains(candidate.cidr, cidr.address))!;
    return [formatIpAddress(cidr.address), last.record];
  });
}

function contains(network: Cidr, address: IpAddress): boolean {
  if (network.address.version !== address.version) return false;
  for (let bit = 0; bit < network.prefixLength; bit++) {
    const word = bit >>> 5;
    const shift = 31 - (bit & 31);
    if (((network.address.words[word] >>> shift) & 1) !== ((address.words[word] >>> shift) & 1)) return false;
  }
  return true;
}

async function snapshotOf(name: string): Promise<IpIntelSnapshot> {
  const file = `${name}.mmdb`;
  return loadIpIntelSnapshot({ sources: [{ file, path: path.join(MAXMIND_TEST_DB, file), format: 'mmdb' }] });
}

function lookup(snapshot: IpIntelSnapshot, ip: string) {
  const parsed = parseCidr(ip);
  if (!parsed.ok) throw new Error(parsed.reason);
  return snapshot.lookup(parsed.cidr.address);
}

const categoriesFromFlags = (record: SourceRecord): IpCategory[] => {
  const categories: IpCategory[] = [];
  if (record.is_hosting_provider) categories.push('hosting');
  if (record.is_public_proxy || record.is_residential_proxy) categories.push('proxy');
  if (record.is_tor_exit_node) categories.push('tor');
  if (record.is_anonymous_vpn) categories.push('vpn');
  return categories;
};

describe('MaxMind test databases against their source data', () => {
  it.each(['GeoIP2-City-Test', 'GeoLite2-City-Test'])('%s: country, city, coordinates, radius, zone', async (name) => {
    const snapshot = await snapshotOf(name);
    const records = expectedRecords(name).filter(([, record]) => record.country?.iso_code);
    expect(records.length).toBeGreaterThan(100);
    for (const [ip, record] of records) {
      const answer = lookup(snapshot, ip);
      expect({ ip, country: answer.country, city: answer.city }).toEqual({ ip, country: record.country?.iso_code, city: record.city?.names?.en });
      if (record.location?.latitude !== undefined) {
        expect(answer).toMatchObject({ latitude: record.location.latitude, longitude: record.location.longitude, accuracyRadiusKm: record.location.accuracy_radius });
      }
      if (record.location?.time_zone) expect(answer.timezone).toBe(record.location.time_zone);
    }
  });

  it('GeoIP2-City-Test: a record without a zone gets one from its coordinates', async () => {
    const snapshot = await snapshotOf('GeoIP2-City-Test');
    expect(lookup(snapshot, '2001:250::')).toMatchObject({ country: 'CN', latitude: 35, longitude: 105, timezone: 'Asia/Shanghai' });
    expect(lookup(snapshot, '81.2.69.160')).toMatchObject({ country: 'GB', city: 'London', timezone: 'Europe/London', sources: ['GeoIP2-City-Test.mmdb'] });
  });

  it.each(['GeoIP2-Country-Test', 'GeoLite2-Country-Test'])('%s: country, and zone from a single-zone country', async (name) => {
    const snapshot = await snapshotOf(name);
    const records = expectedRecords(name).filter(([, record]) => record.country?.iso_code);
    for (const [ip, record] of records) expect([ip, lookup(snapshot, ip).country]).toEqual([ip, record.country?.iso_code]);
    expect(lookup(snapshot, '2001:218::')).toMatchObject({ country: 'JP', timezone: 'Asia/Tokyo' });
  });

  it('GeoLite2-ASN-Test: number and organisation', async () => {
    const snapshot = await snapshotOf('GeoLite2-ASN-Test');
    const records = expectedRecords('GeoLite2-ASN-Test');
    for (const [ip, record] of records) {
      const answer = lookup(snapshot, ip);
      expect([ip, answer.asn, answer.asOrganisation]).toEqual([ip, record.autonomous_system_number, record.autonomous_system_organization]);
    }
    expect(lookup(snapshot, '1.128.0.0')).toMatchObject({ asn: 1221, asOrganisation: 'Telstra Pty Ltd' });
  });

  it.each(['GeoIP2-Anonymous-IP-Test', 'GeoIP-Anonymous-Plus-Test', 'GeoIP2-IP-Risk-Test'])('%s: anonymity flags become categories', async (name) => {
    const snapshot = await snapshotOf(name);
    for (const [ip, record] of expectedRecords(name)) {
      expect([ip, lookup(snapshot, ip).categories]).toEqual([ip, categoriesFromFlags(record)]);
    }
  });

  it('GeoIP2-Anonymous-IP-Test: one address can be vpn, hosting, proxy and tor at once', async () => {
    const snapshot = await snapshotOf('GeoIP2-Anonymous-IP-Test');
    expect(lookup(snapshot, '81.2.69.1').categories).toEqual(['hosting', 'proxy', 'tor', 'vpn']);
    expect(lookup(snapshot, '6.1.0.4').categories).toEqual(['proxy']); // residential proxy
    expect(lookup(snapshot, '8.8.8.8')).toMatchObject({ categories: [], sources: [] });
  });

  it('GeoIP-Residential-Proxy-Test: every listed address is a proxy', async () => {
    const snapshot = await snapshotOf('GeoIP-Residential-Proxy-Test');
    for (const [ip] of expectedRecords('GeoIP-Residential-Proxy-Test')) expect([ip, lookup(snapshot, ip).categories]).toEqual([ip, ['proxy']]);
  });

  it('GeoIP2-Connection-Type-Test: Cellular is mobile, other types are not', async () => {
    const snapshot = await snapshotOf('GeoIP2-Connection-Type-Test');
    const records = expectedRecords('GeoIP2-Connection-Type-Test');
    expect(records.some(([, r]) => r.connection_type === 'Cellular')).toBe(true);
    for (const [ip, record] of records) {
      expect([ip, lookup(snapshot, ip).categories]).toEqual([ip, record.connection_type === 'Cellular' ? ['mobile'] : []]);
    }
  });

  it('GeoIP2-ISP-Test: ASN and organisation; a mobile country code marks mobile', async () => {
    const snapshot = await snapshotOf('GeoIP2-ISP-Test');
    expect(lookup(snapshot, '1.128.0.0')).toMatchObject({ asn: 1221, asOrganisation: 'Telstra Pty Ltd', categories: [] });
    expect(lookup(snapshot, '5.83.124.0')).toMatchObject({ asOrganisation: 'WifiNetCom' });
    const mobile = expectedRecords('GeoIP2-ISP-Test').find(([, r]) => r.mobile_country_code)!;
    expect(lookup(snapshot, mobile[0])).toMatchObject({ asn: mobile[1].autonomous_system_number, categories: ['mobile'] });
  });

  it('GeoIP2-Enterprise-Test: geography and traits from one database', async () => {
    const snapshot = await snapshotOf('GeoIP2-Enterprise-Test');
    expect(lookup(snapshot, '1.124.213.0')).toMatchObject({
      country: 'IR',
      timezone: 'Asia/Tehran',
      asn: 44244,
      asOrganisation: 'Iran Cell Service and Communication Company',
      categories: ['mobile'],
    });
    expect(lookup(snapshot, '214.214.214.220').categories).toEqual(['hosting']);
  });

  it.each(['GeoIP2-User-Count-Test', 'GeoIP2-Static-IP-Score-Test'])('%s: refused, naming the file and its type', async (name) => {
    await expect(snapshotOf(name)).rejects.toThrow(IpIntelSourceError);
    await expect(snapshotOf(name)).rejects.toThrow(new RegExp(`^${name}\\.mmdb: MMDB database type "${name.replace('-Test', '')}" holds nothing`));
  });
});

describe('classifyMmdbDatabaseType', () => {
  it.each([
    ['GeoIP2-City', 'geo'],
    ['GeoLite2-Country', 'geo'],
    ['GeoIP2-Enterprise', 'geo'],
    ['DBIP-City-Lite', 'geo'],
    ['DBIP-Location-ISP (compat=Enterprise)', 'geo'],
    ['city ipv4', 'geo'],
    ['GeoLite2-ASN', 'asn'],
    ['DBIP-ASN-Lite (compat=GeoLite2-ASN)', 'asn'],
    ['GeoIP2-ISP', 'isp'],
    ['GeoIP2-Anonymous-IP', 'anonymous'],
    ['GeoIP-Anonymous-Plus', 'anonymous'],
    ['GeoIP2-IP-Risk', 'anonymous'],
    ['GeoIP-Residential-Proxy', 'residential-proxy'],
    ['GeoIP2-Connection-Type', 'connection-type'],
    ['ipinfo standard_privacy.mmdb', 'ipinfo'],
    ['GeoIP2-Domain', undefined],
  ])('%s → %s', (databaseType, kind) => {
    expect(classifyMmdbDatabaseType(databaseType)).toBe(kind);
  });
});

describe('mapMmdbRecord on flat layouts', () => {
  it('reads ip-location-db (DB-IP Lite) records, ignoring empty strings', () => {
    const record = { city: 'Sydney', country_code: 'AU', latitude: -33.87, longitude: 151.21, postcode: '', state1: 'New South Wales', timezone: '' };
    expect(mapMmdbRecord('geo', record)).toEqual({ country: 'AU', city: 'Sydney', latitude: -33.87, longitude: 151.21, categories: [] });
  });

  it('reads IPinfo records: "AS" numbers, string coordinates and string flags', () => {
    expect(mapMmdbRecord('ipinfo', { country: 'kp', asn: 'AS131279', as_name: 'Star JV', lat: '39.03', lng: '125.75' })).toMatchObject({
      country: 'KP',
      asn: 131279,
      asOrganisation: 'Star JV',
      latitude: 39.03,
      longitude: 125.75,
      categories: [],
    });
    expect(mapMmdbRecord('ipinfo', { vpn: 'true', proxy: 'false', tor: true, relay: 'true', hosting: false, service: 'Astrill' }).categories).toEqual(['vpn', 'tor', 'relay']);
  });
});
