import { AsnCsvAccumulator, parseAsnCsvLine } from './asn-csv';
import { AsnRangeTableBuilder } from './asn-range-table';
import { parseIpAddress } from './ip-address';

const words = (ip: string) => parseIpAddress(ip)!.words;

describe('parseAsnCsvLine', () => {
  it('reads bare, quoted and doubled-quote organisation names', () => {
    expect(parseAsnCsvLine('1.0.4.0,1.0.7.255,38803,Gtelecom Pty Ltd')).toMatchObject({
      kind: 'row',
      row: { asn: 38803, organisation: 'Gtelecom Pty Ltd', start: { version: 4 } },
    });
    expect(parseAsnCsvLine('1.0.0.0,1.0.0.255,13335,"Cloudflare, Inc."')).toMatchObject({ row: { organisation: 'Cloudflare, Inc.' } });
    expect(parseAsnCsvLine('2.26.200.0,2.26.215.255,201907,"LLC ""SPUTNIK"""\r')).toMatchObject({ row: { organisation: 'LLC "SPUTNIK"' } });
    expect(parseAsnCsvLine('2001::,2001::ffff:ffff:ffff:ffff:ffff:ffff,6939,Hurricane Electric LLC')).toMatchObject({
      row: { asn: 6939, start: { version: 6 }, end: { words: [0x20010000, 0xffffffff, 0xffffffff, 0xffffffff] } },
    });
  });

  it('ignores headers, blank and comment lines', () => {
    for (const line of ['ip_range_start,ip_range_end,asn,organisation', '', '# generated 2026']) {
      expect(parseAsnCsvLine(line)).toEqual({ kind: 'ignored' });
    }
  });

  it.each([
    ['1.0.0.0,1.0.0.255', /4 comma-separated fields/],
    ['1.0.0.0,banana,13335,X', /bad range/],
    ['1.0.0.0,::1,13335,X', /mixes IPv4 and IPv6/],
    ['1.0.0.0,1.0.0.255,AS-x,X', /bad ASN/],
    ['1.0.0.0,1.0.0.255,1,"unterminated', /unterminated/],
  ])('reports %j as invalid', (line, reason) => {
    const result = parseAsnCsvLine(line);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(reason);
  });
});

describe('AsnRangeTable', () => {
  it('finds the range containing an address, and nothing in gaps', () => {
    const builder = new AsnRangeTableBuilder(1, 1);
    builder.add(words('1.0.0.0'), words('1.0.0.255'), 13335, 'Cloudflare, Inc.');
    builder.add(words('1.0.4.0'), words('1.0.7.255'), 38803, '');
    const table = builder.build();
    expect(table.lookup(words('1.0.0.0'))).toEqual({ asn: 13335, organisation: 'Cloudflare, Inc.' });
    expect(table.lookup(words('1.0.0.255'))).toEqual({ asn: 13335, organisation: 'Cloudflare, Inc.' });
    expect(table.lookup(words('1.0.5.9'))).toEqual({ asn: 38803 });
    expect(table.lookup(words('1.0.1.0'))).toBeUndefined();
    expect(table.lookup(words('0.255.255.255'))).toBeUndefined();
    expect(table.lookup(words('9.9.9.9'))).toBeUndefined();
  });

  it('sorts unsorted input and lets the later-starting (more specific) range win an overlap', () => {
    const builder = new AsnRangeTableBuilder(1, 1);
    // The real npm table has this overlap: 214.95.0.0-215.0.255.255 (749) then 215.0.0.0-215.1.3.255 (721).
    builder.add(words('215.0.0.0'), words('215.1.3.255'), 721, 'DoD NIC');
    builder.add(words('214.95.0.0'), words('215.0.255.255'), 749, 'DoD');
    const table = builder.build();
    expect(table.lookup(words('214.95.0.0'))?.asn).toBe(749);
    expect(table.lookup(words('214.255.255.255'))?.asn).toBe(749);
    expect(table.lookup(words('215.0.0.0'))?.asn).toBe(721);
    expect(table.lookup(words('215.1.3.255'))?.asn).toBe(721);
    expect(builder.overlapsTrimmed).toBe(1);
  });

  it('lets the shorter of two ranges with the same start win, whatever the input order', () => {
    for (const order of [[0, 1], [1, 0]]) {
      const rows: Array<[string, string, number]> = [['10.0.0.0', '10.255.255.255', 1], ['10.0.0.0', '10.0.0.255', 2]];
      const builder = new AsnRangeTableBuilder(1, 1);
      for (const index of order) builder.add(words(rows[index][0]), words(rows[index][1]), rows[index][2], '');
      expect(builder.build().lookup(words('10.0.0.7'))?.asn).toBe(2);
    }
  });

  it('works with 128-bit IPv6 ranges', () => {
    const builder = new AsnRangeTableBuilder(4, 1);
    builder.add(words('2001:200::'), words('2001:200:1b9:ffff:ffff:ffff:ffff:ffff'), 2500, 'WIDE Project');
    builder.add(words('2001:200:1ba::'), words('2001:200:1ba:ffff:ffff:ffff:ffff:ffff'), 24047, 'ISC');
    const table = builder.build();
    expect(table.lookup(words('2001:200:1b9:ffff::1'))?.asn).toBe(2500);
    expect(table.lookup(words('2001:200:1ba::5'))?.asn).toBe(24047);
    expect(table.lookup(words('2001:200:1bb::'))).toBeUndefined();
    expect(table.lookup(words('1.2.3.4'))).toBeUndefined(); // wrong version: no answer rather than garbage
  });
});

describe('AsnCsvAccumulator', () => {
  it('routes mixed IPv4/IPv6 rows, counts bad lines with file:line', () => {
    const accumulator = new AsnCsvAccumulator('asn.csv');
    ['ip_range_start,ip_range_end,asn,organisation', '8.8.8.0,8.8.8.255,15169,Google LLC', 'garbage', '2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC', '9.9.9.9,1.1.1.1,1,backwards'].forEach((line) =>
      accumulator.addLine(line),
    );
    const tables = accumulator.finish();
    expect(tables.ipv4.lookup(words('8.8.8.8'))).toEqual({ asn: 15169, organisation: 'Google LLC' });
    expect(tables.ipv6.lookup(words('2001:4860:4860::8888'))?.asn).toBe(15169);
    expect(tables.invalidLineCount).toBe(2);
    expect(tables.invalidLineSamples).toEqual(['asn.csv:3: expected 4 comma-separated fields', 'asn.csv:5: ASN range starts after it ends']);
  });

  it('rejects input with bad lines and no valid row', () => {
    const accumulator = new AsnCsvAccumulator('asn.csv');
    accumulator.addLine('<!doctype html>');
    expect(() => accumulator.finish()).toThrow('asn.csv: no valid ASN row in 1 line(s); first: asn.csv:1:');
  });
});
