import { AsnRangeTable, AsnRangeTableBuilder } from './asn-range-table';
import { IpAddress, parseIpAddress } from './ip-address';

/**
 * asn-csv format: `ip_range_start,ip_range_end,asn,organisation`, inclusive ranges, IPv4 and
 * IPv6 rows may be mixed. The organisation may be RFC 4180 quoted ("Cloudflare, Inc.",
 * "LLC ""SPUTNIK""") or bare, in which case the rest of the line is taken as is.
 * A header line, blank lines and "#" comment lines are ignored; other bad lines are skipped
 * and counted, as for cidr lists.
 */
export interface AsnCsvRow {
  readonly start: IpAddress;
  readonly end: IpAddress;
  readonly asn: number;
  readonly organisation: string;
}

export type AsnCsvLineResult = { kind: 'row'; row: AsnCsvRow } | { kind: 'ignored' } | { kind: 'invalid'; reason: string };

const HEADER_START = /^\s*"?ip_range_start/i;

export function parseAsnCsvLine(rawLine: string): AsnCsvLineResult {
  const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  if (line.trim() === '' || line.startsWith('#') || HEADER_START.test(line)) return { kind: 'ignored' };
  const fields = splitLeadingFields(line, 3);
  if (!fields) return { kind: 'invalid', reason: 'expected 4 comma-separated fields' };
  const [startText, endText, asnText, organisationText] = fields;
  const start = parseIpAddress(startText.trim());
  const end = parseIpAddress(endText.trim());
  if (!start || !end) return { kind: 'invalid', reason: `bad range ${JSON.stringify(`${startText},${endText}`)}` };
  if (start.version !== end.version) return { kind: 'invalid', reason: 'range mixes IPv4 and IPv6' };
  const asn = parseAsn(asnText);
  if (asn === undefined) return { kind: 'invalid', reason: `bad ASN ${JSON.stringify(asnText)}` };
  const organisation = unquote(organisationText.trim());
  if (organisation === undefined) return { kind: 'invalid', reason: 'unterminated quoted organisation' };
  return { kind: 'row', row: { start, end, asn, organisation } };
}

/** The first `count` comma-separated fields and the rest of the line. */
function splitLeadingFields(line: string, count: number): string[] | undefined {
  const fields: string[] = [];
  let from = 0;
  for (let i = 0; i < count; i++) {
    const comma = line.indexOf(',', from);
    if (comma < 0) return undefined;
    fields.push(line.slice(from, comma));
    from = comma + 1;
  }
  fields.push(line.slice(from));
  return fields;
}

function parseAsn(text: string): number | undefined {
  const match = /^\s*(?:AS)?(\d{1,10})\s*$/i.exec(text);
  const asn = match ? Number(match[1]) : NaN;
  return asn <= 0xffffffff ? asn : undefined;
}

function unquote(text: string): string | undefined {
  if (!text.startsWith('"')) return text;
  if (text.length < 2 || !text.endsWith('"')) return undefined;
  return text.slice(1, -1).replace(/""/g, '"');
}

/** Feeds lines (from a stream) into one range table per IP version. */
export class AsnCsvAccumulator {
  private readonly ipv4 = new AsnRangeTableBuilder(1, 1 << 16);
  private readonly ipv6 = new AsnRangeTableBuilder(4, 1 << 14);
  private lineNumber = 0;
  private invalidLines = 0;
  private readonly invalidSamples: string[] = [];

  constructor(
    private readonly fileName: string,
    private readonly maxSamples = 5,
  ) {}

  addLine(line: string): void {
    this.lineNumber++;
    const result = parseAsnCsvLine(line);
    if (result.kind === 'row') {
      const { start, end, asn, organisation } = result.row;
      try {
        (start.version === 4 ? this.ipv4 : this.ipv6).add(start.words, end.words, asn, organisation);
      } catch (error) {
        this.recordInvalid((error as Error).message);
      }
    } else if (result.kind === 'invalid') {
      this.recordInvalid(result.reason);
    }
  }

  /** Throws when nothing valid was read but bad lines were: that is not an ASN CSV at all. */
  finish(): AsnCsvTables {
    const rows = this.ipv4.rowCount + this.ipv6.rowCount;
    if (rows === 0 && this.invalidLines > 0) {
      throw new Error(`${this.fileName}: no valid ASN row in ${this.invalidLines} line(s); first: ${this.invalidSamples[0]}`);
    }
    return {
      ipv4: this.ipv4.build(),
      ipv6: this.ipv6.build(),
      invalidLineCount: this.invalidLines,
      invalidLineSamples: [...this.invalidSamples],
    };
  }

  private recordInvalid(reason: string): void {
    this.invalidLines++;
    if (this.invalidSamples.length < this.maxSamples) this.invalidSamples.push(`${this.fileName}:${this.lineNumber}: ${reason}`);
  }
}

export interface AsnCsvTables {
  readonly ipv4: AsnRangeTable;
  readonly ipv6: AsnRangeTable;
  readonly invalidLineCount: number;
  readonly invalidLineSamples: string[];
}
