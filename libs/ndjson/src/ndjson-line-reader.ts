// Streaming NDJSON reader for bulk signal bodies of any length, in constant memory: at most one
// line (bounded by `maxLineBytes`) plus the current chunk is held at a time. Every problem is an
// error for its own line; the stream goes on. Only a broken body (truncated gzip, aborted
// request) ends iteration, with an NdjsonBodyError.
//
// Numbering: `index` counts non-blank lines from 0 — it is the signal's position, like an array
// index in the GraphQL mutation — so blank lines (a trailing newline, separators) do not consume
// one. `lineNumber` is the 1-based physical line, used in messages so a sender can find it.

import { isUtf8 } from 'node:buffer';

import { gunzipIfCompressed, NdjsonBodyError, toBuffer } from './gzip-body.decoder';
import { exceedsNestingDepth } from './json-nesting.scanner';

export interface NdjsonLineReaderOptions {
  /** Longest accepted line in bytes, excluding its line ending. Default 256 KiB. */
  maxLineBytes?: number;
  /** Deepest accepted nesting of arrays/objects in one line. Default 32. */
  maxDepth?: number;
  /** `auto` (default) gunzips a body starting with the gzip magic bytes; `never` reads it as is. */
  gzip?: 'auto' | 'never';
}

export interface NdjsonLineError {
  message: string;
}

export type NdjsonLine =
  | { index: number; lineNumber: number; line: string; error?: undefined }
  | { index: number; lineNumber: number; line?: undefined; error: NdjsonLineError };

export type NdjsonRecord =
  | { index: number; lineNumber: number; value: unknown; error?: undefined }
  | { index: number; lineNumber: number; value?: undefined; error: NdjsonLineError };

export const DEFAULT_MAX_LINE_BYTES = 256 * 1024;
export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_BATCH_SIZE = 500;
/** Text (UTF-16 code units, about bytes) after which a batch is cut short: 500 lines at the 256 KiB limit would be 128 MiB. */
export const DEFAULT_BATCH_BYTES = 2 * 1024 * 1024;

const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const NUL = 0x00;

type ByteSource = AsyncIterable<Uint8Array | string>;

export class NdjsonLineReader {
  private readonly maxLineBytes: number;
  private readonly maxDepth: number;
  private readonly gzip: 'auto' | 'never';

  constructor(options: NdjsonLineReaderOptions = {}) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.gzip = options.gzip ?? 'auto';
    if (!(this.maxLineBytes > 0) || !(this.maxDepth > 0))
      throw new Error('NdjsonLineReader limits must be positive');
  }

  /** The text of each non-blank line, or why it could not be read (too long, not UTF-8, NUL byte). */
  async *lines(source: ByteSource): AsyncGenerator<NdjsonLine> {
    for await (const group of this.lineGroups(source)) yield* group;
  }

  /** Each non-blank line parsed as JSON, or a per-line error. */
  async *records(source: ByteSource): AsyncGenerator<NdjsonRecord> {
    for await (const group of this.lineGroups(source)) {
      for (const line of group) yield this.toRecord(line);
    }
  }

  /**
   * Records grouped for the storage layer: `size` lines a batch, or fewer when their text reaches
   * `maxBytes` (so that the memory a batch holds is bounded however long its lines are). The
   * last batch may be short.
   */
  async *readBatches(source: ByteSource, size = DEFAULT_BATCH_SIZE, maxBytes = DEFAULT_BATCH_BYTES): AsyncGenerator<NdjsonRecord[]> {
    if (!(size >= 1) || !(maxBytes >= 1)) throw new Error('batch size and bytes must be at least 1');
    let batch: NdjsonRecord[] = [];
    let bytes = 0;
    // Works on whole chunks' worth of lines: an async generator step per line costs more than the
    // splitting itself, so batching avoids one per record.
    for await (const group of this.lineGroups(source)) {
      for (const line of group) {
        batch.push(this.toRecord(line));
        bytes += line.line?.length ?? 0;
        if (batch.length >= size || bytes >= maxBytes) {
          yield batch;
          batch = [];
          bytes = 0;
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  /** The lines completed by each chunk (possibly none), and the unterminated last line at the end. */
  private async *lineGroups(source: ByteSource): AsyncGenerator<NdjsonLine[]> {
    const body = this.gzip === 'auto' ? gunzipIfCompressed(source) : source;
    const state = new LineState(this.maxLineBytes);
    try {
      for await (const raw of body) {
        const group = splitChunk(state, toBuffer(raw));
        if (group.length > 0) yield group;
      }
    } catch (error) {
      throw error instanceof NdjsonBodyError
        ? error
        : new NdjsonBodyError(
            'READ_FAILED',
            `request body could not be read (${(error as Error)?.message ?? String(error)})`,
            {
              cause: error,
            },
          );
    }
    if (state.hasContent()) {
      const line = state.finish();
      if (line !== null) yield [line];
    }
  }

  private toRecord(line: NdjsonLine): NdjsonRecord {
    return line.error === undefined ? this.parse(line.index, line.lineNumber, line.line) : line;
  }

  private parse(index: number, lineNumber: number, line: string): NdjsonRecord {
    if (exceedsNestingDepth(line, this.maxDepth)) {
      return lineError(index, lineNumber, `invalid JSON: nested deeper than ${this.maxDepth} levels`);
    }
    try {
      return { index, lineNumber, value: JSON.parse(line) as unknown };
    } catch (error) {
      return lineError(index, lineNumber, `invalid JSON: ${(error as Error).message}`);
    }
  }
}

function splitChunk(state: LineState, chunk: Buffer): NdjsonLine[] {
  const group: NdjsonLine[] = [];
  let start = 0;
  if (state.hasContent()) {
    // The line carried over from earlier chunks ends at this chunk's first newline.
    const newline = chunk.indexOf(LINE_FEED);
    state.append(chunk, 0, newline === -1 ? chunk.length : newline);
    if (newline === -1) return group;
    const line = state.finish();
    if (line !== null) group.push(line);
    start = newline + 1;
  }
  // The lines wholly inside the chunk are checked together: a stretch of valid UTF-8 without NUL
  // bytes cut at newlines gives valid lines, read straight from the chunk (a view, a NUL search
  // and a UTF-8 check per line were a visible part of the bulk path). Otherwise line by line.
  const lastNewline = chunk.lastIndexOf(LINE_FEED);
  if (lastNewline >= start) {
    const nul = chunk.indexOf(NUL, start);
    const clean = (nul === -1 || nul > lastNewline) && isUtf8(chunk.subarray(start, lastNewline));
    while (start <= lastNewline) {
      const newline = chunk.indexOf(LINE_FEED, start);
      let line: NdjsonLine | null;
      if (clean) {
        line = state.finishClean(chunk, start, newline);
      } else {
        state.append(chunk, start, newline);
        line = state.finish();
      }
      if (line !== null) group.push(line);
      start = newline + 1;
    }
  }
  if (start < chunk.length) state.append(chunk, start, chunk.length);
  return group;
}

function lineError(
  index: number,
  lineNumber: number,
  detail: string,
): { index: number; lineNumber: number; error: NdjsonLineError } {
  return { index, lineNumber, error: { message: `line ${lineNumber}: ${detail}` } };
}

/**
 * The line being assembled across chunks. Once it exceeds the limit its bytes are dropped and only
 * the fact is kept, so a 10 GB line costs no memory: the rest of it is skipped up to its newline.
 */
class LineState {
  private parts: Buffer[] = [];
  private bytes = 0;
  private overflowed = false;
  private nextIndex = 0;
  private lineNumber = 0;

  constructor(private readonly maxLineBytes: number) {}

  append(chunk: Buffer, start: number, end: number): void {
    if (this.overflowed || end === start) return;
    // One byte of slack for the `\r` of a `\r\n` ending, which is not part of the line.
    if (this.bytes + (end - start) > this.maxLineBytes + 1) {
      this.overflowed = true;
      this.parts = [];
      this.bytes = 0;
      return;
    }
    this.parts.push(chunk.subarray(start, end));
    this.bytes += end - start;
  }

  hasContent(): boolean {
    return this.bytes > 0 || this.overflowed;
  }

  /** Ends the current line; null for a blank line. */
  finish(): NdjsonLine | null {
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.bytes);
    const overflowed = this.overflowed;
    this.parts = [];
    this.bytes = 0;
    this.overflowed = false;
    return this.lineOf(bytes, 0, bytes.length, overflowed, false);
  }

  /**
   * Ends a line that lies wholly in `chunk`, nothing of it carried over, known to be valid UTF-8
   * without NUL bytes: `append` then `finish`, without copying or checking it again.
   */
  finishClean(chunk: Buffer, start: number, end: number): NdjsonLine | null {
    return this.lineOf(chunk, start, end, end - start > this.maxLineBytes + 1, true);
  }

  /** The line `bytes[start, end)` (null when blank), `overflowed` as `append` found it. */
  private lineOf(bytes: Buffer, start: number, end: number, overflowed: boolean, checked: boolean): NdjsonLine | null {
    this.lineNumber++;
    if (!overflowed) {
      if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
      // A UTF-8 byte order mark, as Windows tools write, is not part of the first signal.
      if (this.lineNumber === 1 && end - start >= 3 && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) {
        start += 3;
      }
      if (isBlank(bytes, start, end)) return null;
    }
    const index = this.nextIndex++;
    if (overflowed || end - start > this.maxLineBytes) {
      return lineError(index, this.lineNumber, `longer than the limit of ${this.maxLineBytes} bytes`);
    }
    if (!checked) {
      const line = bytes.subarray(start, end);
      if (line.indexOf(NUL) !== -1) return lineError(index, this.lineNumber, 'contains a NUL byte');
      if (!isUtf8(line)) return lineError(index, this.lineNumber, 'is not valid UTF-8');
    }
    return { index, lineNumber: this.lineNumber, line: bytes.toString('utf8', start, end) };
  }
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = bytes[i];
    if (byte !== SPACE && byte !== TAB && byte !== CARRIAGE_RETURN) return false;
  }
  return true;
}
