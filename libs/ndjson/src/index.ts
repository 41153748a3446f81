// Public API of the NDJSON reader (alias `@tns/ndjson` to be added by the lead).
export {
  NdjsonLineReader,
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_DEPTH,
  DEFAULT_MAX_LINE_BYTES,
} from './ndjson-line-reader';
export type {
  NdjsonLine,
  NdjsonLineError,
  NdjsonLineReaderOptions,
  NdjsonRecord,
} from './ndjson-line-reader';
export { gunzipBody, gunzipIfCompressed, isGzipMagic, NdjsonBodyError } from './gzip-body.decoder';
export type { NdjsonBodyErrorCode } from './gzip-body.decoder';
export { exceedsNestingDepth } from './json-nesting.scanner';
