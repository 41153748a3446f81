import { Client } from 'pg';
import { detectTestBackends } from '@tns/testing';
import { textArrayLiteral } from './text-array-literal';

describe('textArrayLiteral', () => {
  it('quotes every element, so NULL, commas, braces and blanks stay text', () => {
    expect(textArrayLiteral([])).toBe('{}');
    expect(textArrayLiteral(['a'])).toBe('{"a"}');
    expect(textArrayLiteral(['NULL', 'a,b', '{x}', ' ', ''])).toBe('{"NULL","a,b","{x}"," ",""}');
  });

  it('escapes quotes and backslashes only where they occur', () => {
    expect(textArrayLiteral(['plain', 'say "hi"', 'C:\\dir'])).toBe('{"plain","say \\"hi\\"","C:\\\\dir"}');
  });

  it('reads back in PostgreSQL as the same strings', async () => {
    const values = [
      'evt_1',
      'NULL',
      'a,b',
      '{x}',
      ' spaced ',
      '',
      'say "hi"',
      'back\\slash',
      'ünï\u{1F600}',
      'tab\there',
    ];
    const { postgresServerUrl } = await detectTestBackends();
    if (!postgresServerUrl)
      throw new Error('this test needs a PostgreSQL server (DATABASE_URL, or a local one)');
    const client = new Client({ connectionString: postgresServerUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ values: string[] }>('SELECT $1::text[] AS values', [
        textArrayLiteral(values),
      ]);
      expect(rows[0].values).toEqual(values);
    } finally {
      await client.end();
    }
  });
});
