import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createTestDatabase, type TestDatabase } from '@tns/testing';
import { runCli, SANCTIONS_DATA } from './cli-process';

const SERVER = process.env.TEST_POSTGRES_SERVER_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const OFAC_FILES = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'];
const MINI = OFAC_FILES.map((file) => path.join(SANCTIONS_DATA, 'ofac-mini-fixture', file));
const UN_FILE = path.join(SANCTIONS_DATA, 'un-2026-02/UN_consolidated.xml');

describe('cli sanctions load (real PostgreSQL)', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let scratch: string;

  beforeAll(async () => {
    database = await createTestDatabase(SERVER);
    env = { DATABASE_URL: database.url };
    scratch = mkdtempSync(path.join(tmpdir(), 'tns-sanctions-load-'));
  });

  afterAll(async () => {
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const snapshots = (source: string) =>
    database.dataSource.query<
      Array<{ id: string; version: string; entity_count: number; active: boolean; stored: number }>
    >(
      `SELECT s.id, s.version, s.entity_count, s.active, (SELECT count(*)::int FROM sanctioned_entity e WHERE e.snapshot_id = s.id) AS stored
       FROM sanctions_list_snapshot s WHERE source = $1 ORDER BY loaded_at`,
      [source],
    );

  it('loads the OFAC mini fixture as the active snapshot', () => {
    const run = runCli(['sanctions', 'load', 'ofac-sdn-csv', ...MINI], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/loaded version [0-9a-f]{12} .*\(17 entities\)/);
    expect(run.stdout).toMatch(/17 added, 0 removed, 0 changed/);
    expect(run.stdout).toMatch(/rescreen requested/);
    return expect(snapshots('ofac-sdn-csv')).resolves.toEqual([
      expect.objectContaining({ entity_count: 17, stored: 17, active: true }),
    ]);
  });

  it('reports a second load of the same files as a no-op', async () => {
    const run = runCli(['sanctions', 'load', 'ofac-sdn-csv', ...MINI], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/already the active list .*nothing loaded/);
    expect(await snapshots('ofac-sdn-csv')).toHaveLength(1);
    const [{ count }] = await database.dataSource.query(
      `SELECT count(*)::int AS count FROM sanctions_rescreen_request`,
    );
    expect(count).toBe(1);
  });

  it('diffs a changed file against the active version', async () => {
    const folder = mkdtempSync(path.join(scratch, 'changed-'));
    for (const file of MINI) copyFileSync(file, path.join(folder, path.basename(file)));
    const sdn = path.join(folder, 'sdn.csv');
    writeFileSync(
      sdn,
      readFileSync(sdn, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('15102,'))
        .map((line) => line.replace('"LOGAN MOREY, Elvis Angus"', '"LOGAN MOREY, Elvis Angel"'))
        .join('\n'),
    );
    const run = runCli(
      ['sanctions', 'load', 'ofac-sdn-csv', ...OFAC_FILES.map((file) => path.join(folder, file))],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(16 entities\)/);
    expect(run.stdout).toMatch(/0 added, 1 removed, 1 changed/);
    const stored = await snapshots('ofac-sdn-csv');
    expect(stored.map((snapshot) => [snapshot.stored, snapshot.active])).toEqual([
      [17, false],
      [16, true],
    ]);
  });

  it('loads the UN consolidated list beside OFAC', async () => {
    const run = runCli(['sanctions', 'load', 'un-xml', UN_FILE], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1003 added/);
    expect(await snapshots('un-xml')).toEqual([expect.objectContaining({ stored: 1003, active: true })]);
    expect((await snapshots('ofac-sdn-csv')).filter((snapshot) => snapshot.active)).toHaveLength(1);
  });

  it('refuses an unknown source with a one-line reason', () => {
    const run = runCli(['sanctions', 'load', 'ofac-xml', ...MINI], env);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      /unknown sanctions list source "ofac-xml"; expected one of ofac-sdn-csv, un-xml, eu-csv/,
    );
  });

  it('refuses an unreadable file and files of another list', async () => {
    const missing = runCli(['sanctions', 'load', 'un-xml', path.join(scratch, 'absent.xml')], env);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/cannot read .*absent\.xml: ENOENT/);
    const wrong = runCli(['sanctions', 'load', 'un-xml', ...MINI], env);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/ofac-sdn-csv format, not un-xml/);
    expect(await snapshots('un-xml')).toHaveLength(1);
  });
});
