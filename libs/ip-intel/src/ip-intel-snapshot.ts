import { formatIpAddress, IpAddress } from './ip-address';
import { IpCategory } from './ip-category';
import { IpIntel, IpIntelFinding, mergeFindings, SourcedFinding } from './ip-intel-answer';
import { IpIntelManifest, IpIntelSource, IpIntelSourceFormat } from './ip-intel-manifest';
import { LoadedSourceData, loadSourceData } from './ip-intel-source-files';
import { mapMmdbRecord } from './mmdb-record-mapping';
import { PrefixTree } from './prefix-tree';

/** What was loaded from one source, for status pages and logs. */
export interface IpIntelSourceSummary {
  readonly file: string;
  readonly format: IpIntelSourceFormat;
  readonly category?: IpCategory;
  /** MMDB metadata databaseType. */
  readonly databaseType?: string;
  /** Networks (cidr-list) or ranges (asn-csv). */
  readonly entries?: number;
  readonly invalidLineCount: number;
  readonly invalidLineSamples: readonly string[];
}

interface LookupContext {
  readonly address: IpAddress;
  readonly text: string;
  /** Labels of the cidr-lists containing the address (one bit per list). */
  readonly listLabels: number;
}

type SourceLookup = (context: LookupContext) => IpIntelFinding | undefined;

/** Immutable, fully loaded data of one manifest; the service swaps whole snapshots. */
export class IpIntelSnapshot {
  readonly loadedAt = new Date();

  constructor(
    readonly manifest: IpIntelManifest,
    readonly summaries: readonly IpIntelSourceSummary[],
    private readonly ipv4Lists: PrefixTree,
    private readonly ipv6Lists: PrefixTree,
    private readonly sourceLookups: ReadonlyArray<{ file: string; lookup: SourceLookup }>,
  ) {}

  /** Pass IPv4-mapped addresses already unmapped (see parseLookupAddress). */
  lookup(address: IpAddress): IpIntel {
    const text = formatIpAddress(address);
    const listLabels = (address.version === 4 ? this.ipv4Lists : this.ipv6Lists).lookup(address.words);
    const context: LookupContext = { address, text, listLabels };
    const findings: SourcedFinding[] = [];
    for (const { file, lookup } of this.sourceLookups) {
      const finding = lookup(context);
      if (finding) findings.push({ source: file, finding });
    }
    return mergeFindings({ ip: text, version: address.version }, findings);
  }

  get listTreeSizes(): { ipv4: PrefixTree['size']; ipv6: PrefixTree['size'] } {
    return { ipv4: this.ipv4Lists.size, ipv6: this.ipv6Lists.size };
  }
}

/** Loads every source of the manifest (in parallel); any failure rejects the whole load. */
export async function loadIpIntelSnapshot(manifest: IpIntelManifest): Promise<IpIntelSnapshot> {
  const loaded = await Promise.all(manifest.sources.map(async (source) => ({ source, data: await loadSourceData(source) })));
  const ipv4Lists = new PrefixTree(32);
  const ipv6Lists = new PrefixTree(128);
  let nextListBit = 0;
  const sourceLookups = loaded.map(({ source, data }) => {
    if (data.format !== 'cidr-list') return { file: source.file, lookup: lookupFor(data) };
    const label = (1 << nextListBit++) >>> 0;
    for (const { address, prefixLength } of data.list.networks) {
      (address.version === 4 ? ipv4Lists : ipv6Lists).insert(address.words, prefixLength, label);
    }
    return { file: source.file, lookup: listLookup(label, source.category as IpCategory) };
  });
  ipv4Lists.compact();
  ipv6Lists.compact();
  const summaries = loaded.map(({ source, data }) => summarise(source, data));
  return new IpIntelSnapshot(manifest, summaries, ipv4Lists, ipv6Lists, sourceLookups);
}

function lookupFor(data: Exclude<LoadedSourceData, { format: 'cidr-list' }>): SourceLookup {
  if (data.format === 'asn-csv') {
    const { ipv4, ipv6 } = data.tables;
    return ({ address }) => {
      const match = (address.version === 4 ? ipv4 : ipv6).lookup(address.words);
      return match && { asn: match.asn, asOrganisation: match.organisation };
    };
  }
  const { reader, kind, ipVersion } = data;
  // The reader's cache hands out the same decoded record for hot networks: map it once.
  const findingByRecord = new WeakMap<object, IpIntelFinding>();
  return ({ address, text }) => {
    // An IPv4-only tree cannot be walked with 128 bits.
    if (ipVersion === 4 && address.version === 6) return undefined;
    const record = reader.get(text) as Record<string, unknown> | null;
    if (!record) return undefined;
    let finding = findingByRecord.get(record);
    if (!finding) {
      finding = mapMmdbRecord(kind, record);
      findingByRecord.set(record, finding);
    }
    return finding;
  };
}

function listLookup(label: number, category: IpCategory): SourceLookup {
  const finding: IpIntelFinding = { categories: [category] };
  return ({ listLabels }) => ((listLabels & label) !== 0 ? finding : undefined);
}

function summarise(source: IpIntelSource, data: LoadedSourceData): IpIntelSourceSummary {
  const base = { file: source.file, format: source.format, ...(source.category ? { category: source.category } : {}) };
  switch (data.format) {
    case 'mmdb':
      return { ...base, databaseType: data.databaseType, invalidLineCount: 0, invalidLineSamples: [] };
    case 'asn-csv':
      return {
        ...base,
        entries: data.tables.ipv4.rangeCount + data.tables.ipv6.rangeCount,
        invalidLineCount: data.tables.invalidLineCount,
        invalidLineSamples: data.tables.invalidLineSamples,
      };
    case 'cidr-list':
      return {
        ...base,
        entries: data.list.networks.length,
        invalidLineCount: data.list.invalidLineCount,
        invalidLineSamples: data.list.invalidLineSamples,
      };
  }
}
