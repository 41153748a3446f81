// A small RFC 4180 reader/writer: quoted fields, doubled quotes, embedded separators and
// newlines, CRLF or LF, and a configurable separator (the EU file uses ';').

export interface CsvOptions {
  separator?: string;
}

export function readCsvRows(text: string, options: CsvOptions = {}): string[][] {
  const separator = options.separator ?? ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  // A byte-order mark and a DOS end-of-file marker (0x1A, present in OFAC files) are not data.
  // eslint-disable-next-line no-control-regex -- 0x1A is the character being stripped
  const body = text.replace(/^\uFEFF/, '').replace(/\x1a+\s*$/, '');
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    if (inQuotes) {
      if (char === '"') {
        if (body[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          inQuotes = false;
        }
      } else {
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (char === separator) {
      row.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index++;
      row.push(field);
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
  }
  return rows;
}

/** Rows as records keyed by the header row. */
export function readCsvRecords(
  text: string,
  options: CsvOptions = {},
): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = readCsvRows(text, options);
  const names = header.map((name) => name.trim());
  const records = rows.map((row) => Object.fromEntries(names.map((name, index) => [name, row[index] ?? ''])));
  return { header: names, records };
}

function quoteField(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(
  header: string[],
  records: Array<Record<string, string>>,
  options: CsvOptions = {},
): string {
  const separator = options.separator ?? ',';
  const lines = [header.map((name) => quoteField(name, separator)).join(separator)];
  for (const record of records)
    lines.push(header.map((name) => quoteField(record[name] ?? '', separator)).join(separator));
  return `${lines.join('\r\n')}\r\n`;
}
