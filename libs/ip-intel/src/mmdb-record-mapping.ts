import { IpIntelFinding } from './ip-intel-answer';
import { IpCategory } from './ip-category';

/**
 * How to read an MMDB's records, decided from its metadata `databaseType`:
 * - geo: GeoIP2/GeoLite2 City, Country, Enterprise; DB-IP (nested GeoIP2-compatible records or
 *   the flat ip-location-db "city ipv4" layout). Traits (ASN, anonymity, user type) are read too.
 * - asn / isp: GeoLite2-ASN, GeoIP2-ISP, DB-IP ASN.
 * - anonymous: GeoIP2-Anonymous-IP, GeoIP-Anonymous-Plus, GeoIP2-IP-Risk (is_* flags).
 * - residential-proxy: GeoIP-Residential-Proxy, whose every network is a residential proxy.
 * - connection-type: GeoIP2-Connection-Type ("Cellular" → mobile).
 * - ipinfo: IPinfo's flat layouts (location, country/ASN, privacy, carrier).
 */
export type MmdbKind = 'geo' | 'asn' | 'isp' | 'anonymous' | 'residential-proxy' | 'connection-type' | 'ipinfo';

// Order matters: "DBIP-Location-ISP" is a geo database that also carries ISP traits.
const KIND_PATTERNS: ReadonlyArray<readonly [RegExp, MmdbKind]> = [
  [/ipinfo/i, 'ipinfo'],
  [/anonymous|ip-risk/i, 'anonymous'],
  [/residential-proxy/i, 'residential-proxy'],
  [/connection-type/i, 'connection-type'],
  [/city|country|enterprise|location/i, 'geo'],
  [/isp/i, 'isp'],
  [/asn/i, 'asn'],
];

/** undefined for databases that hold nothing this library answers (Domain, User-Count, Static-IP-Score…). */
export function classifyMmdbDatabaseType(databaseType: string): MmdbKind | undefined {
  return KIND_PATTERNS.find(([pattern]) => pattern.test(databaseType))?.[1];
}

type MmdbRecord = Record<string, unknown>;

/** Builds the finding by plain assignment (no spreads): this runs on every lookup that hits. */
export function mapMmdbRecord(kind: MmdbKind, record: MmdbRecord): IpIntelFinding {
  const finding: IpIntelFinding = {};
  switch (kind) {
    case 'geo': {
      const traits = asRecord(record.traits);
      readGeo(record, finding);
      readNetworkOwner(traits ?? record, finding); // flat layouts keep ASN fields at the top level
      finding.categories = traits ? [...anonymityCategories(traits), ...connectionCategories(traits)] : [];
      break;
    }
    case 'asn':
    case 'isp':
      readNetworkOwner(record, finding);
      finding.categories = connectionCategories(record);
      break;
    case 'anonymous':
      finding.categories = anonymityCategories(record);
      break;
    case 'residential-proxy':
      finding.categories = ['proxy'];
      break;
    case 'connection-type':
      finding.categories = connectionCategories(record);
      break;
    case 'ipinfo':
      readGeo(record, finding);
      readNetworkOwner(record, finding);
      finding.categories = ipinfoCategories(record);
      break;
  }
  return finding;
}

/** Nested GeoIP2 records (country.iso_code, location.*) or flat ones (country_code, latitude, lat…). */
function readGeo(record: MmdbRecord, into: IpIntelFinding): void {
  const location = asRecord(record.location);
  const country = countryCode(asRecord(record.country)?.iso_code ?? record.country_code ?? record.country);
  if (country !== undefined) into.country = country;
  const city = text(asRecord(asRecord(record.city)?.names)?.en ?? record.city);
  if (city !== undefined) into.city = city;
  const latitude = numberOf(location ? location.latitude : (record.latitude ?? record.lat));
  const longitude = numberOf(location ? location.longitude : (record.longitude ?? record.lng));
  if (latitude !== undefined && longitude !== undefined) {
    into.latitude = latitude;
    into.longitude = longitude;
  }
  const radius = numberOf(location?.accuracy_radius);
  if (radius !== undefined) into.accuracyRadiusKm = radius;
  const timezone = text(location ? location.time_zone : record.timezone);
  if (timezone !== undefined) into.timezone = timezone;
}

/** ASN and organisation: MaxMind/DB-IP names, or IPinfo's "AS15169" strings. */
function readNetworkOwner(record: MmdbRecord, into: IpIntelFinding): void {
  const asn = asNumber(record.autonomous_system_number ?? record.asn);
  if (asn !== undefined) into.asn = asn;
  const organisation = text(record.autonomous_system_organization ?? record.as_name ?? record.isp ?? record.name);
  if (organisation !== undefined) into.asOrganisation = organisation;
}

function anonymityCategories(flags: MmdbRecord): IpCategory[] {
  const categories: IpCategory[] = [];
  if (isTrue(flags.is_anonymous_vpn)) categories.push('vpn');
  if (isTrue(flags.is_hosting_provider)) categories.push('hosting');
  if (isTrue(flags.is_tor_exit_node)) categories.push('tor');
  if (isTrue(flags.is_public_proxy) || isTrue(flags.is_residential_proxy) || isTrue(flags.is_anonymous_proxy)) {
    categories.push('proxy');
  }
  if (flags.user_type === 'hosting') categories.push('hosting');
  return categories;
}

/** Cellular connection, a "cellular" user type, or a mobile country code (ISP databases) → mobile. */
function connectionCategories(record: MmdbRecord): IpCategory[] {
  const cellular =
    record.connection_type === 'Cellular' ||
    record.user_type === 'cellular' ||
    text(record.mobile_country_code) !== undefined;
  return cellular ? ['mobile'] : [];
}

function ipinfoCategories(record: MmdbRecord): IpCategory[] {
  const categories: IpCategory[] = [];
  if (isTrue(record.vpn)) categories.push('vpn');
  if (isTrue(record.hosting) || record.type === 'hosting') categories.push('hosting');
  if (isTrue(record.tor)) categories.push('tor');
  if (isTrue(record.proxy)) categories.push('proxy');
  if (isTrue(record.relay)) categories.push('relay');
  if (text(record.mcc) !== undefined || text(record.carrier) !== undefined) categories.push('mobile');
  return categories;
}

function asRecord(value: unknown): MmdbRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as MmdbRecord) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** "ZZ" is the user-assigned "unknown" code some databases use; it is no country. */
function countryCode(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.toUpperCase();
  return /^[A-Z]{2}$/.test(code) && code !== 'ZZ' ? code : undefined;
}

function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'string') return numberOf(value.replace(/^AS/i, ''));
  return numberOf(value);
}

/** IPinfo writes some flags as "true"/"false" strings. */
function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}
