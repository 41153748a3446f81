import { IpVersion } from './ip-address';
import { IpCategory, normaliseCategories } from './ip-category';
import { resolveTimeZone } from './time-zone-resolution';

/** The answer for one address. Absent fields mean no configured source knows them. */
export interface IpIntel {
  /** Canonical text of the address looked up (an IPv4-mapped IPv6 address is shown as IPv4). */
  readonly ip: string;
  readonly version: IpVersion;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country?: string;
  readonly city?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly accuracyRadiusKm?: number;
  /** IANA zone: from a database, else from the coordinates, else the country's only zone. */
  readonly timezone?: string;
  readonly asn?: number;
  readonly asOrganisation?: string;
  /** Sorted, unique. */
  readonly categories: IpCategory[];
  /** Manifest file names of the sources that hold anything for this address, in manifest order. */
  readonly sources: string[];
}

/** What one source says about an address. */
export interface IpIntelFinding {
  country?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
  accuracyRadiusKm?: number;
  timezone?: string;
  asn?: number;
  asOrganisation?: string;
  categories?: IpCategory[];
}

export interface SourcedFinding {
  readonly source: string;
  readonly finding: IpIntelFinding;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Merges findings given in manifest order: for each field the first source that has it wins;
 * coordinates and their accuracy radius are taken together from one source so a latitude is
 * never paired with another database's longitude; categories are the union.
 * Written with plain assignments (no spreads or key loops): it runs on every lookup.
 */
export function mergeFindings(
  subject: { readonly ip: string; readonly version: IpVersion },
  findings: readonly SourcedFinding[],
): IpIntel {
  const merged: IpIntelFinding = {};
  const categories: IpCategory[] = [];
  const sources: string[] = [];
  for (const { source, finding } of findings) {
    if (!hasAnything(finding)) continue;
    sources.push(source);
    merged.country ??= present(finding.country);
    merged.city ??= present(finding.city);
    merged.timezone ??= present(finding.timezone);
    merged.asn ??= finding.asn;
    merged.asOrganisation ??= present(finding.asOrganisation);
    if (merged.latitude === undefined && hasCoordinates(finding)) {
      merged.latitude = finding.latitude;
      merged.longitude = finding.longitude;
      merged.accuracyRadiusKm = finding.accuracyRadiusKm;
    }
    if (finding.categories) categories.push(...finding.categories);
  }
  const answer: Mutable<IpIntel> = { ip: subject.ip, version: subject.version, categories: [], sources };
  // Absent rather than undefined-valued keys: answers compare and serialise cleanly.
  if (merged.country !== undefined) answer.country = merged.country;
  if (merged.city !== undefined) answer.city = merged.city;
  if (merged.latitude !== undefined) answer.latitude = merged.latitude;
  if (merged.longitude !== undefined) answer.longitude = merged.longitude;
  if (merged.accuracyRadiusKm !== undefined) answer.accuracyRadiusKm = merged.accuracyRadiusKm;
  const timezone = resolveTimeZone(merged);
  if (timezone !== undefined) answer.timezone = timezone;
  if (merged.asn !== undefined) answer.asn = merged.asn;
  if (merged.asOrganisation !== undefined) answer.asOrganisation = merged.asOrganisation;
  answer.categories = categories.length === 0 ? categories : normaliseCategories(categories);
  return answer;
}

function hasAnything(finding: IpIntelFinding): boolean {
  return (
    present(finding.country) !== undefined ||
    present(finding.city) !== undefined ||
    present(finding.timezone) !== undefined ||
    finding.asn !== undefined ||
    present(finding.asOrganisation) !== undefined ||
    hasCoordinates(finding) ||
    (finding.categories !== undefined && finding.categories.length > 0)
  );
}

function hasCoordinates(finding: IpIntelFinding): boolean {
  return Number.isFinite(finding.latitude) && Number.isFinite(finding.longitude);
}

function present(value: string | undefined): string | undefined {
  return value === '' ? undefined : value;
}
