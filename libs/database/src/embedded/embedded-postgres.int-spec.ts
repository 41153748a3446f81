import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { AppProcess, waitUntil } from '@tns/testing';
import { binaryJoinedText, binaryTextArray } from '../binary-text-parameters';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

describe('embedded PostgreSQL over the wire', () => {
  let dataDir: string;
  let embedded: EmbeddedPostgres;
  let pool: Pool;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tns-embedded-'));
    embedded = await startEmbeddedPostgres(dataDir);
    pool = new Pool({ connectionString: embedded.applicationUrl, max: 8 });
  });

  afterAll(async () => {
    await pool.end();
    await embedded.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps concurrent parameterised queries of many connections apart', async () => {
    // Different parameter counts: interleaving Parse/Bind across connections would mix them up.
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        index % 2 === 0
          ? pool.query<{ v: number }>('SELECT $1::int + $2::int AS v', [index, 1])
          : pool.query<{ v: number }>('SELECT $1::int * 3 AS v', [index]),
      ),
    );
    expect(results.map((result) => result.rows[0].v)).toEqual(
      Array.from({ length: 60 }, (_, index) => (index % 2 === 0 ? index + 1 : index * 3)),
    );
  });

  it('passes parameters in binary format through (the signal store sends its text so)', async () => {
    const { rows } = await pool.query<{ ids: string[]; lines: string[] }>(
      `SELECT $1::text[] AS ids, string_to_array($2, E'\\n') AS lines`,
      [binaryTextArray(['a', 'ü', '']), binaryJoinedText(['{"x":1}', '{"y":"ß"}'], '\n')],
    );
    expect(rows[0]).toEqual({ ids: ['a', 'ü', ''], lines: ['{"x":1}', '{"y":"ß"}'] });
  });

  it('keeps named prepared statements per connection and forgets those of a closed one', async () => {
    const first = await pool.connect();
    const second = await pool.connect();
    await first.query({ name: 'twice', text: 'SELECT $1::int * 2 AS v', values: [21] });
    await second.query({ name: 'thrice', text: 'SELECT $1::int * 3 AS v', values: [7] });
    expect((await first.query({ name: 'twice', text: 'SELECT $1::int * 2 AS v', values: [5] })).rows[0].v).toBe(10);
    second.release();
    first.release(true); // closes the connection: its statement goes with it
    // The server hears of the closed connection a moment after the client closed it.
    await waitUntil(async () => {
      const client = await pool.connect();
      try {
        // A new connection may take the name again, with another text.
        const { rows } = await client.query({ name: 'twice', text: 'SELECT $1::int + 2 AS v', values: [5] });
        return rows[0].v === 7;
      } catch {
        return false;
      } finally {
        client.release(true);
      }
    }, 5_000, 'the closed connection\'s statement deallocated');
  });

  it('isolates an open transaction from other connections until it commits', async () => {
    await pool.query('CREATE TABLE counter (n int)');
    const writer = await pool.connect();
    await writer.query('BEGIN');
    await writer.query('INSERT INTO counter VALUES (1)');
    const reader = pool.query<{ n: string }>('SELECT count(*) AS n FROM counter');
    await writer.query('INSERT INTO counter VALUES (2)');
    await writer.query('COMMIT');
    writer.release();
    expect((await reader).rows[0].n).toBe('2');
  });

  it('passes notices through without corrupting the next answer', async () => {
    const client = await pool.connect();
    try {
      await client.query('CREATE SCHEMA IF NOT EXISTS noticed');
      await client.query('BEGIN');
      await client.query('CREATE SCHEMA IF NOT EXISTS noticed'); // answers with a NOTICE
      await client.query('SET LOCAL search_path TO noticed');
      const { rows } = await client.query<{ path: string }>('SELECT current_setting($1) AS path', ['search_path']);
      await client.query('COMMIT');
      expect(rows[0].path).toBe('noticed');
    } finally {
      client.release();
    }
  });

  it('rolls back the transaction of a client that disconnects in the middle of it', async () => {
    await pool.query('CREATE TABLE abandoned (n int)');
    const lonely = new Pool({ connectionString: embedded.applicationUrl, max: 1 });
    const client = await lonely.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO abandoned VALUES (1)');
    client.release(true);
    await lonely.end();
    const { rows } = await pool.query<{ n: string }>('SELECT count(*) AS n FROM abandoned');
    expect(rows[0].n).toBe('0');
  });

  it('lets another process on the same data folder attach instead of opening it twice', async () => {
    expect((await startEmbeddedPostgres(dataDir)).applicationUrl).toBe(embedded.applicationUrl);
    const cli = AppProcess.start('cli', { DATA_DIR: dataDir }, ['migrate']);
    expect(await cli.waitForExit(60_000)).toBe(0);
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM schema_migration`);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });
});
