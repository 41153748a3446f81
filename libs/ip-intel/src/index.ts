export { IP_CATEGORIES, isIpCategory } from './ip-category';
export type { IpCategory } from './ip-category';
export { InvalidIpAddressError, formatIpAddress, parseIpAddress, parseLookupAddress } from './ip-address';
export type { IpAddress, IpVersion } from './ip-address';
export { parseCidr } from './cidr';
export type { Cidr, CidrParseResult } from './cidr';
export type { IpIntel, IpIntelFinding, SourcedFinding } from './ip-intel-answer';
export { mergeFindings } from './ip-intel-answer';
export {
  IP_INTEL_SOURCE_FORMATS,
  IpIntelManifestError,
  MAX_CIDR_LISTS,
  defaultIpIntelManifest,
  loadIpIntelManifest,
  parseIpIntelManifest,
  readIpIntelManifest,
} from './ip-intel-manifest';
export type { IpIntelManifest, IpIntelSource, IpIntelSourceFormat } from './ip-intel-manifest';
export { CidrListFormatError, parseCidrListText } from './cidr-list';
export type { CidrListParseResult } from './cidr-list';
export { parseAsnCsvLine } from './asn-csv';
export type { AsnCsvRow, AsnCsvLineResult } from './asn-csv';
export { PrefixTree } from './prefix-tree';
export { classifyMmdbDatabaseType, mapMmdbRecord } from './mmdb-record-mapping';
export type { MmdbKind } from './mmdb-record-mapping';
export { resolveTimeZone } from './time-zone-resolution';
export { IpIntelSourceError } from './ip-intel-source-files';
export { IpIntelSnapshot, loadIpIntelSnapshot } from './ip-intel-snapshot';
export type { IpIntelSourceSummary } from './ip-intel-snapshot';
export { IpIntelService } from './ip-intel.service';
export type { IpIntelReloadResult, IpIntelStatus } from './ip-intel.service';
export { IpIntelRefresher, REFRESH_STATE_FILE } from './ip-intel-refresher';
export type { IpIntelDownload, IpIntelDownloadOutcome, IpIntelRefreshReport, IpIntelRefresherOptions } from './ip-intel-refresher';
