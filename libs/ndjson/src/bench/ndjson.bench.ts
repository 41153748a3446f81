// Lines/s of the NDJSON reader on one core: 1M short signal lines, plain and gzip.
// Run: node -r @swc-node/register libs/ndjson/src/bench/ndjson.bench.ts [lines]

import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

import { NdjsonLineReader } from '../ndjson-line-reader';

const LINE =
  '{"id":"evt_1","type":"session.activity","accountId":"u_1","occurredAt":"2026-11-20T13:45:00.000Z","data":{"sessionId":"s_1","ip":"203.0.113.7","activeMinutes":5}}\n';

function body(lines: number): Buffer {
  return Buffer.from(LINE.repeat(lines));
}

/** 64 KiB chunks, as an HTTP body arrives. */
function stream(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 65536) chunks.push(bytes.subarray(i, i + 65536));
  return Readable.from(chunks);
}

async function measure(label: string, lines: number, run: () => Promise<number>): Promise<void> {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const count = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  if (count !== lines) throw new Error(`${label}: read ${count} of ${lines}`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${label.padEnd(34)} ${Math.round(lines / cpuSeconds)
      .toLocaleString('en-US')
      .padStart(10)} lines/CPU-s ${Math.round(lines / seconds)
      .toLocaleString('en-US')
      .padStart(10)} lines/wall-s`,
  );
}

async function main(): Promise<void> {
  const lines = Number(process.argv[2] ?? 1_000_000);
  const plain = body(lines);
  const gz = gzipSync(plain);
  const reader = new NdjsonLineReader();
  const countOf = async <T>(items: AsyncIterable<T>) => {
    let n = 0;
    for await (const _ of items) n++;
    return n;
  };
  const countBatches = async (items: AsyncIterable<unknown[]>) => {
    let n = 0;
    for await (const batch of items) n += batch.length;
    return n;
  };
  await measure('lines()', lines, () => countOf(reader.lines(stream(plain))));
  await measure('records() (JSON.parse)', lines, () => countOf(reader.records(stream(plain))));
  await measure('readBatches(500)', lines, () => countBatches(reader.readBatches(stream(plain), 500)));
  await measure('readBatches(500), gzip body', lines, () =>
    countBatches(reader.readBatches(stream(gz), 500)),
  );
}

void main();
