import { Client } from 'pg';
import { detectTestBackends } from '@tns/testing';
import { binaryJoinedText, binaryTextArray } from './binary-text-parameters';

const AWKWARD = ['evt_1', 'NULL', 'a,b', '{x}', ' spaced ', '', 'say "hi"', 'back\\slash', 'ünï\u{1F600}', 'tab\there', '한국어'];

describe('binary text parameters', () => {
  let client: Client;

  beforeAll(async () => {
    const { postgresServerUrl } = await detectTestBackends();
    if (!postgresServerUrl) throw new Error('this test needs a PostgreSQL server (DATABASE_URL, or a local one)');
    client = new Client({ connectionString: postgresServerUrl });
    await client.connect();
  });

  afterAll(() => client.end());

  it('reads back in PostgreSQL as the same text array, empty included', async () => {
    const { rows } = await client.query<{ values: string[]; empty: string[]; count: number }>(
      'SELECT $1::text[] AS values, $2::text[] AS empty, cardinality($2::text[]) AS count',
      [binaryTextArray(AWKWARD), binaryTextArray([])],
    );
    expect(rows[0]).toEqual({ values: AWKWARD, empty: [], count: 0 });
  });

  it('reads back the same whether all elements are short ASCII or not', async () => {
    const ascii = ['evt_1', '', 'ip', 'k1.AbCdEf-_0123456789abcd', 'x'.repeat(127)];
    const longer = [...ascii, 'y'.repeat(128), 'z'.repeat(70_000)];
    const { rows } = await client.query<{ ascii: string[]; longer: string[] }>('SELECT $1::text[] AS ascii, $2::text[] AS longer', [
      binaryTextArray(ascii),
      binaryTextArray(longer),
    ]);
    expect(rows[0]).toEqual({ ascii, longer });
  });

  it('reads back as the same text, split where it was joined', async () => {
    const lines = AWKWARD.map((value) => JSON.stringify({ value }));
    const { rows } = await client.query<{ lines: string[] }>(`SELECT string_to_array($1, E'\\n') AS lines`, [
      binaryJoinedText(lines, '\n'),
    ]);
    expect(rows[0].lines).toEqual(lines);
  });

  it('is refused when it is not a text array', async () => {
    await expect(client.query('SELECT $1::int[] AS v', [binaryTextArray(['1'])])).rejects.toThrow(/element type 25 \(text\) instead of expected 23/);
  });
});
