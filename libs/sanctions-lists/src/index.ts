// Sanctions list loading: parsers for the OFAC legacy CSV set, the UN consolidated XML and the
// EU consolidated CSV, all producing SanctionedEntity; versioned snapshots and their diffs.
export { readCsvRecords, readCsvRows, writeCsv, type CsvOptions } from './csv-reader';
export { countryCode } from './country-codes';
export { parseOfacLegacyCsv, type OfacLegacyCsvFiles } from './ofac-legacy-csv.parser';
export { parseOfacRemarks, parseOfacDate, type OfacRemarkFacts } from './ofac-remarks.parser';
export { parseUnConsolidatedXml } from './un-consolidated-xml.parser';
export { parseEuConsolidatedCsv } from './eu-consolidated-csv.parser';
export {
  affectedNameKeys,
  contentHash,
  detectListFileFormat,
  detectListFormat,
  diffSnapshots,
  parseSanctionsList,
  parseSanctionsListFiles,
  type SanctionsListFile,
  type SanctionsListFormat,
  type SanctionsListSnapshot,
  type SnapshotDiff,
} from './list-snapshot';
export { scorePairsCsv } from './score-pairs-csv';
export {
  canonicalEntity,
  isEmptyDiff,
  isSanctionsListFormat,
  planSnapshotLoad,
  SANCTIONS_LIST_FORMATS,
  type SnapshotLoadPlan,
} from './snapshot-load-plan';
export {
  LoadSanctionsListUseCase,
  type LoadSanctionsListOptions,
  type RescreenRequestDraft,
  type SanctionsLoadResult,
  type SanctionsSnapshotStore,
  type StoredSnapshot,
} from './load-sanctions-list.use-case';
