import { readCsvRecords, readCsvRows, writeCsv } from './csv-reader';

describe('RFC 4180 CSV reader', () => {
  it('reads quoted fields with separators, doubled quotes and newlines', () => {
    expect(readCsvRows('a,"b, c","d ""e""\nf"\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'd "e"\nf'],
      ['1', '2', '3'],
    ]);
  });

  it('handles another separator, a BOM, empty fields and the DOS end-of-file byte', () => {
    expect(readCsvRows('\uFEFFx;;y\r\n\x1a', { separator: ';' })).toEqual([['x', '', 'y']]);
  });

  it('round-trips records through the writer', () => {
    const text = writeCsv(['query', 'note'], [{ query: 'KIM, Jong Un', note: 'says "hi"' }]);
    expect(readCsvRecords(text).records).toEqual([{ query: 'KIM, Jong Un', note: 'says "hi"' }]);
  });
});
