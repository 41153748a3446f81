// Gzip handling for NDJSON request bodies. The ingestion app may decide by `Content-Encoding`,
// but clients also send gzip files with the wrong header (or none): NDJSON text can never start
// with the gzip magic bytes 1f 8b, so sniffing them is safe and catches both cases.

import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';

export type NdjsonBodyErrorCode = 'TRUNCATED_GZIP' | 'CORRUPT_GZIP' | 'READ_FAILED';

/** The body as a whole could not be read (as opposed to one bad line). Lines already yielded stand. */
export class NdjsonBodyError extends Error {
  constructor(
    readonly code: NdjsonBodyErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'NdjsonBodyError';
  }
}

export function isGzipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** Gunzips `source` (any number of concatenated gzip members), mapping zlib failures to NdjsonBodyError. */
export async function* gunzipBody(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  // pipeline, not pipe: an error on either side (client disconnect, corrupt data) must end both.
  const gunzip = pipeline(Readable.from(source, { objectMode: false }), createGunzip(), () => {
    // Errors surface through the iteration below.
  });
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    throw toBodyError(error);
  } finally {
    gunzip.destroy();
  }
}

/** Passes `source` through, gunzipping it when it starts with the gzip magic bytes. */
export async function* gunzipIfCompressed(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  // The magic is two bytes; a first chunk of one byte is legal, so read until there are two.
  while (head.length < 2) {
    const next = await iterator.next();
    if (next.done) {
      if (head.length > 0) yield head;
      return;
    }
    head = head.length === 0 ? toBuffer(next.value) : Buffer.concat([head, toBuffer(next.value)]);
  }
  async function* whole(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }
  try {
    if (isGzipMagic(head)) yield* gunzipBody(whole());
    else yield* whole();
  } finally {
    releaseSource(source, iterator);
  }
}

/**
 * A reader that stops early must still release the request stream. Returning the iterator is not
 * enough when gunzip sits in between: the iterator is then parked in a pending `next()` and a
 * `return()` would wait behind it, so a stream is destroyed directly.
 */
function releaseSource(source: object, iterator: AsyncIterator<unknown>): void {
  const destroyable = source as { destroy?: unknown };
  if (typeof destroyable.destroy === 'function') {
    (destroyable.destroy as () => void).call(source);
    return;
  }
  iterator.return?.().catch(() => {
    // The source is being abandoned; its own failure to close changes nothing for the reader.
  });
}

function toBodyError(error: unknown): NdjsonBodyError {
  if (error instanceof NdjsonBodyError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'Z_BUF_ERROR') {
    return new NdjsonBodyError(
      'TRUNCATED_GZIP',
      `gzip body is truncated (${detail}); lines before the cut were read`,
      { cause: error },
    );
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_STREAM_ERROR' || code === 'Z_NEED_DICT') {
    return new NdjsonBodyError('CORRUPT_GZIP', `gzip body is corrupt (${detail})`, { cause: error });
  }
  return new NdjsonBodyError('READ_FAILED', `request body could not be read (${detail})`, { cause: error });
}
