import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { open as openMmdb, Reader, Response } from 'maxmind';
import { AsnCsvAccumulator, AsnCsvTables } from './asn-csv';
import { CidrListParseResult, parseCidrListText } from './cidr-list';
import { IpIntelSource } from './ip-intel-manifest';
import { classifyMmdbDatabaseType, MmdbKind } from './mmdb-record-mapping';

/** Reading one manifest source from disk. Also the refresher's check that a download parses. */
export type LoadedSourceData =
  | { format: 'mmdb'; reader: Reader<Response>; kind: MmdbKind; databaseType: string; ipVersion: number }
  | { format: 'asn-csv'; tables: AsnCsvTables }
  | { format: 'cidr-list'; list: CidrListParseResult };

export class IpIntelSourceError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    // Parsers that know the file already name it (with a line number): no second prefix.
    super(message.startsWith(`${file}:`) ? message : `${file}: ${message}`);
    this.name = 'IpIntelSourceError';
  }
}

// Repeat lookups of the same hot addresses (a user's sessions) hit the decoded-record cache.
const MMDB_RECORD_CACHE_ENTRIES = 10_000;

export async function loadSourceData(source: IpIntelSource): Promise<LoadedSourceData> {
  try {
    switch (source.format) {
      case 'mmdb':
        return await loadMmdb(source);
      case 'asn-csv':
        return { format: 'asn-csv', tables: await readAsnCsvFile(source.path, source.file) };
      case 'cidr-list':
        return { format: 'cidr-list', list: parseCidrListText(await readFile(source.path, 'utf8'), source.file) };
    }
  } catch (error) {
    if (error instanceof IpIntelSourceError) throw error;
    throw new IpIntelSourceError(source.file, (error as Error).message);
  }
}

async function loadMmdb(source: IpIntelSource): Promise<LoadedSourceData> {
  const reader = await openMmdb<Response>(source.path, { cache: { max: MMDB_RECORD_CACHE_ENTRIES } });
  const { databaseType, ipVersion } = reader.metadata;
  const kind = classifyMmdbDatabaseType(databaseType);
  if (!kind) {
    throw new IpIntelSourceError(
      source.file,
      `MMDB database type ${JSON.stringify(databaseType)} holds nothing this library answers ` +
        '(supported: City, Country, Enterprise, ASN, ISP, Anonymous-IP, Anonymous-Plus, IP-Risk, ' +
        'Residential-Proxy, Connection-Type, DB-IP, IPinfo)',
    );
  }
  return { format: 'mmdb', reader, kind, databaseType, ipVersion };
}

/** Streams the file in large chunks and splits lines by hand: the npm ASN table is ~24 MB. */
export async function readAsnCsvFile(filePath: string, fileName: string): Promise<AsnCsvTables> {
  const accumulator = new AsnCsvAccumulator(fileName);
  let carry = '';
  const stream = createReadStream(filePath, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = carry + chunk;
    let lineStart = 0;
    let newline = text.indexOf('\n');
    while (newline >= 0) {
      accumulator.addLine(text.slice(lineStart, newline));
      lineStart = newline + 1;
      newline = text.indexOf('\n', lineStart);
    }
    carry = text.slice(lineStart);
  }
  if (carry !== '') accumulator.addLine(carry);
  return accumulator.finish();
}
