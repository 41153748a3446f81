import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

import { isGzipMagic, NdjsonBodyError } from './gzip-body.decoder';
import { exceedsNestingDepth } from './json-nesting.scanner';
import { NdjsonLine, NdjsonLineReader, NdjsonRecord } from './ndjson-line-reader';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A real Readable delivering exactly these chunks. */
function streamOf(...chunks: (Buffer | string)[]): Readable {
  return Readable.from(
    chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)),
  );
}

/** Splits `bytes` into chunks of `size` bytes, so boundaries fall everywhere. */
function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

const texts = (lines: NdjsonLine[]) => lines.map((l) => l.line ?? `ERR ${l.error?.message}`);

describe('NdjsonLineReader.lines', () => {
  const reader = new NdjsonLineReader();

  it('splits on \\n, accepts \\r\\n, reads a last line without newline', async () => {
    const lines = await collect(reader.lines(streamOf('{"a":1}\n{"b":2}\r\n{"c":3}')));
    expect(lines).toEqual([
      { index: 0, lineNumber: 1, line: '{"a":1}' },
      { index: 1, lineNumber: 2, line: '{"b":2}' },
      { index: 2, lineNumber: 3, line: '{"c":3}' },
    ]);
  });

  it('skips blank lines without consuming an index, but counts them as physical lines', async () => {
    const lines = await collect(reader.lines(streamOf('\n{"a":1}\n\n  \t\r\n{"b":2}\n\n')));
    expect(lines.map((l) => [l.index, l.lineNumber, l.line])).toEqual([
      [0, 2, '{"a":1}'],
      [1, 5, '{"b":2}'],
    ]);
  });

  it('reassembles multi-byte UTF-8 characters split at every possible chunk boundary', async () => {
    const body = Buffer.from('{"n":"Zoë €5 😀 김정은"}\r\n{"n":"ü"}\n', 'utf8');
    for (let size = 1; size <= 7; size++) {
      const lines = await collect(reader.lines(chunked(body, size)));
      expect(texts(lines)).toEqual(['{"n":"Zoë €5 😀 김정은"}', '{"n":"ü"}']);
    }
  });

  it('handles a chunk boundary between \\r and \\n', async () => {
    const lines = await collect(reader.lines(streamOf('{"a":1}\r', '\n{"b":2}\r', '\n')));
    expect(texts(lines)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('reports invalid UTF-8 for that line only', async () => {
    const bad = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const lines = await collect(reader.lines(streamOf(bad, '{"ok":true}\n')));
    expect(texts(lines)).toEqual(['ERR line 1: is not valid UTF-8', '{"ok":true}']);
  });

  it('reports a truncated multi-byte character at the end of the body', async () => {
    const lines = await collect(reader.lines(streamOf(Buffer.from([0x7b, 0xe2, 0x82]))));
    expect(texts(lines)).toEqual(['ERR line 1: is not valid UTF-8']);
  });

  it('reports NUL bytes for that line only', async () => {
    const lines = await collect(reader.lines(streamOf('{"a":"x\u0000y"}\n{"b":1}\n')));
    expect(texts(lines)).toEqual(['ERR line 1: contains a NUL byte', '{"b":1}']);
  });

  it('drops a UTF-8 byte order mark at the start of the body only', async () => {
    const lines = await collect(
      reader.lines(streamOf(Buffer.from([0xef, 0xbb]), Buffer.from([0xbf]), '{"a":1}\n')),
    );
    expect(texts(lines)).toEqual(['{"a":1}']);
  });

  it('accepts a line of exactly the limit, also with \\r\\n, and rejects one byte more', async () => {
    const small = new NdjsonLineReader({ maxLineBytes: 10 });
    const lines = await collect(small.lines(streamOf('0123456789\n0123456789\r\n0123456789A\nok\n')));
    expect(texts(lines)).toEqual([
      '0123456789',
      '0123456789',
      'ERR line 3: longer than the limit of 10 bytes',
      'ok',
    ]);
    expect(lines.map((l) => l.index)).toEqual([0, 1, 2, 3]);
  });

  it('reads lines within a chunk exactly as lines assembled across chunks', async () => {
    // Whole lines of a clean chunk are read straight from it; with one-byte chunks every line is assembled.
    const small = new NdjsonLineReader({ maxLineBytes: 12 });
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"é":1}\r\n\n   \t\r\n' + ' '.repeat(20) + '\n0123456789AB\n0123456789ABC\n{"b":"x\u0000"}\n'),
      Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]),
      Buffer.from('{"c":"😀"}\n{"d":4}'),
    ]);
    const expected = [
      '{"é":1}',
      'ERR line 4: longer than the limit of 12 bytes',
      '0123456789AB',
      'ERR line 6: longer than the limit of 12 bytes',
      'ERR line 7: contains a NUL byte',
      'ERR line 8: is not valid UTF-8',
      '{"c":"😀"}',
      '{"d":4}',
    ];
    const whole = await collect(small.lines(streamOf(body)));
    expect(texts(whole)).toEqual(expected);
    for (const size of [1, 2, 3, 5, 8, 13, 21]) {
      const lines = await collect(small.lines(chunked(body, size)));
      expect(lines).toEqual(whole);
    }
  });

  it('skips a 10 MB line with an error for it alone, across chunks', async () => {
    const huge = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const lines = await collect(
      reader.lines(
        chunked(Buffer.concat([Buffer.from('{"a":1}\n'), huge, Buffer.from('\n{"b":2}\n')]), 65536),
      ),
    );
    expect(texts(lines)).toEqual(['{"a":1}', 'ERR line 2: longer than the limit of 262144 bytes', '{"b":2}']);
  });

  it('reads a 256 MB line in constant memory', async () => {
    const block = Buffer.alloc(1024 * 1024, 0x61);
    async function* body(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 256; i++) yield block; // the same block: the source itself holds 1 MB
      yield Buffer.from('\n{"after":true}\n');
    }
    global.gc?.();
    const before = process.memoryUsage();
    const lines: NdjsonLine[] = [];
    for await (const line of reader.lines(body())) lines.push(line);
    const after = process.memoryUsage();
    const peak = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    expect(texts(lines)).toEqual(['ERR line 1: longer than the limit of 262144 bytes', '{"after":true}']);
    // Buffering the line would have taken 256 MB.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });

  it('reads a real file stream with small chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ndjson-'));
    try {
      const file = join(dir, 'body.ndjson');
      writeFileSync(
        file,
        Array.from({ length: 1000 }, (_, i) => JSON.stringify({ i, s: 'é'.repeat(i % 7) })).join('\r\n'),
      );
      const lines = await collect(reader.lines(createReadStream(file, { highWaterMark: 13 })));
      expect(lines).toHaveLength(1000);
      expect(lines[999]).toEqual({
        index: 999,
        lineNumber: 1000,
        line: JSON.stringify({ i: 999, s: 'é'.repeat(999 % 7) }),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('releases the source stream when the reader stops early', async () => {
    for (const body of [Buffer.from('{"a":1}\n{"b":2}\n'), gzipSync('{"a":1}\n{"b":2}\n')]) {
      const source = new PassThrough();
      source.write(body);
      for await (const line of reader.lines(source)) {
        expect(line.line).toBe('{"a":1}');
        break;
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(source.destroyed).toBe(true);
    }
  });

  it('follows a live stream written asynchronously', async () => {
    const live = new PassThrough();
    const reading = collect(reader.lines(live));
    live.write('{"a":');
    await new Promise((resolve) => setImmediate(resolve));
    live.write('1}\n{"b"');
    live.end(':2}');
    expect(texts(await reading)).toEqual(['{"a":1}', '{"b":2}']);
  });
});

describe('NdjsonLineReader.records', () => {
  const reader = new NdjsonLineReader();

  it('parses each line, with a per-line error naming the physical line', async () => {
    const records = await collect(reader.records(streamOf('{"a":1}\n\n{"a":\n[1,2]\n')));
    expect(records[0]).toEqual({ index: 0, lineNumber: 1, value: { a: 1 } });
    expect(records[1].index).toBe(1);
    expect(records[1].error?.message).toMatch(/^line 3: invalid JSON: /);
    expect(records[2]).toEqual({ index: 2, lineNumber: 4, value: [1, 2] });
  });

  it('rejects absurd nesting as a line error instead of overflowing the stack', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const records = await collect(reader.records(streamOf(`${deep}\n{"ok":1}\n`)));
    expect(records.map((r) => r.error?.message ?? r.value)).toEqual([
      'line 1: invalid JSON: nested deeper than 32 levels',
      { ok: 1 },
    ]);
  });

  it('accepts nesting up to the limit and counts brackets inside strings as text', async () => {
    const atLimit = '['.repeat(32) + ']'.repeat(32);
    const overLimit = '{"a":'.repeat(33) + '1' + '}'.repeat(33);
    const bracketsInString = JSON.stringify({ s: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"[[[[' });
    const records = await collect(
      reader.records(streamOf([atLimit, overLimit, bracketsInString].join('\n'))),
    );
    expect(records[0].error).toBeUndefined();
    expect(records[1].error?.message).toBe('line 2: invalid JSON: nested deeper than 32 levels');
    expect(records[2].value).toEqual(JSON.parse(bracketsInString));
  });
});

describe('exceedsNestingDepth', () => {
  it('sees escaped quotes as part of the string', () => {
    expect(exceedsNestingDepth('["\\"[[[[["]', 2)).toBe(false);
    expect(exceedsNestingDepth('[[["\\\\"]]]', 2)).toBe(true);
  });
});

describe('gzip bodies', () => {
  const body = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ i, name: 'Zoë' })).join('\n') + '\n';

  it('detects the gzip magic bytes', () => {
    expect(isGzipMagic(gzipSync('x'))).toBe(true);
    expect(isGzipMagic(Buffer.from('{"a":1}'))).toBe(false);
    expect(isGzipMagic(Buffer.from([0x1f]))).toBe(false);
  });

  it('gunzips a gzip body automatically, whatever the chunking', async () => {
    const reader = new NdjsonLineReader();
    for (const size of [1, 3, 4096]) {
      const records = await collect(reader.records(chunked(gzipSync(body), size)));
      expect(records).toHaveLength(2000);
      expect(records[1999]).toEqual({ index: 1999, lineNumber: 2000, value: { i: 1999, name: 'Zoë' } });
    }
  });

  it('reads concatenated gzip members as one body', async () => {
    const reader = new NdjsonLineReader();
    const lines = await collect(reader.lines(streamOf(gzipSync('{"a":1}\n'), gzipSync('{"b":2}\n'))));
    expect(texts(lines)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('fails a truncated gzip body with a clear body error, after the lines before the cut', async () => {
    const gz = gzipSync(body);
    const reader = new NdjsonLineReader();
    const seen: NdjsonRecord[] = [];
    let failure: unknown;
    try {
      for await (const record of reader.records(chunked(gz.subarray(0, gz.length - 20), 512)))
        seen.push(record);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(NdjsonBodyError);
    expect((failure as NdjsonBodyError).code).toBe('TRUNCATED_GZIP');
    expect((failure as NdjsonBodyError).message).toMatch(/gzip body is truncated/);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.error === undefined)).toBe(true);
  });

  it('fails a corrupt gzip body with a body error', async () => {
    const gz = Buffer.from(gzipSync(body));
    gz.fill(0x55, 20, 60);
    const reader = new NdjsonLineReader();
    await expect(collect(reader.records(streamOf(gz)))).rejects.toMatchObject({
      name: 'NdjsonBodyError',
      code: 'CORRUPT_GZIP',
    });
  });

  it('with gzip "never", reads gzip bytes as text (and finds them invalid)', async () => {
    const reader = new NdjsonLineReader({ gzip: 'never' });
    const lines = await collect(reader.lines(streamOf(gzipSync('{"a":1}'))));
    expect(lines[0].error).toBeDefined();
  });

  it('reads an empty body and a one-byte body', async () => {
    const reader = new NdjsonLineReader();
    expect(await collect(reader.lines(streamOf()))).toEqual([]);
    expect(texts(await collect(reader.lines(streamOf('1'))))).toEqual(['1']);
  });
});

describe('NdjsonLineReader.readBatches', () => {
  it('groups records, the last batch short, errors included in place', async () => {
    const reader = new NdjsonLineReader();
    const body = Array.from({ length: 1203 }, (_, i) => (i === 700 ? '{oops' : `{"i":${i}}`)).join('\n');
    const batches = await collect(reader.readBatches(streamOf(body), 500));
    expect(batches.map((b) => b.length)).toEqual([500, 500, 203]);
    expect(batches[1][200].error?.message).toMatch(/^line 701: invalid JSON/);
    expect(batches[2][202]).toEqual({ index: 1202, lineNumber: 1203, value: { i: 1202 } });
  });

  it('cuts a batch short when its lines reach the byte bound, so long lines cannot pile up', async () => {
    const reader = new NdjsonLineReader();
    const long = `{"bio":"${'x'.repeat(100_000)}"}`;
    const body = [long, long, long, '{"i":3}', long, '{"i":5}'].join('\n');
    const batches = await collect(reader.readBatches(streamOf(body), 500, 250_000));
    expect(batches.map((b) => b.map((record) => record.index))).toEqual([[0, 1, 2], [3, 4, 5]]);
  });
});

describe('throughput', () => {
  it('reads 1M short lines quickly', async () => {
    const line = Buffer.from(
      '{"id":"evt_1","type":"session.ended","accountId":"u_1","occurredAt":"2026-11-20T13:45:00.000Z","data":{"sessionId":"s_1"}}\n',
    );
    const block = Buffer.concat(Array.from({ length: 1000 }, () => line));
    async function* body(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 1000; i++) yield block;
    }
    const reader = new NdjsonLineReader();
    const start = process.hrtime.bigint();
    let count = 0;
    for await (const batch of reader.readBatches(body(), 500))
      for (const record of batch) if (record.error === undefined) count++;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    expect(count).toBe(1_000_000);
    // Informational; the floor is far below what one core does so a busy CI host does not flake.
    console.log(
      `ndjson: 1M lines read + JSON.parse (readBatches) in ${seconds.toFixed(2)} s = ${Math.round(1e6 / seconds)} lines/s`,
    );
    expect(seconds).toBeLessThan(20);
  }, 60_000);
});
