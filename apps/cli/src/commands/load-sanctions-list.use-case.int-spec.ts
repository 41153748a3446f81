import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SanctionsListRepository } from '@tns/database';
import { canonicalEntity, LoadSanctionsListUseCase, parseSanctionsList } from '@tns/sanctions-lists';
import { createTestDatabase, type TestDatabase } from '@tns/testing';
import type { EntityManager } from 'typeorm';

// Real PostgreSQL, a throwaway database for this file (never mocked).
const SERVER = process.env.TEST_POSTGRES_SERVER_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DATA = path.resolve(__dirname, '../../../../../shared/data/sanctions');
const ofacFiles = (folder: string) =>
  ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((file) => path.join(DATA, folder, file));
const UN_FILE = path.join(DATA, 'un-2026-02/UN_consolidated.xml');

describe('LoadSanctionsListUseCase on PostgreSQL', () => {
  let database: TestDatabase;
  let lists: SanctionsListRepository;
  let useCase: LoadSanctionsListUseCase<EntityManager>;
  let scratch: string;

  beforeAll(async () => {
    database = await createTestDatabase(SERVER);
    lists = new SanctionsListRepository(database.dataSource);
    useCase = new LoadSanctionsListUseCase(lists);
    scratch = mkdtempSync(path.join(tmpdir(), 'tns-sanctions-'));
  });

  afterAll(async () => {
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** The mini fixture with one entity renamed and one removed: a new version of the list. */
  function editedMiniFixture(newName = 'LOGAN MOREY, Elvis Angel'): string[] {
    const folder = mkdtempSync(path.join(scratch, 'edited-'));
    for (const file of ofacFiles('ofac-mini-fixture'))
      copyFileSync(file, path.join(folder, path.basename(file)));
    const sdn = path.join(folder, 'sdn.csv');
    const lines = readFileSync(sdn, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('15102,'))
      .map((line) => line.replace('"LOGAN MOREY, Elvis Angus"', `"${newName}"`));
    writeFileSync(sdn, lines.join('\n'));
    return ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((file) => path.join(folder, file));
  }

  it('stores a first load as the active snapshot with every entity, read back unchanged', async () => {
    const result = await useCase.execute('ofac-sdn-csv', ofacFiles('ofac-mini-fixture'));
    expect(result).toMatchObject({ outcome: 'loaded', added: 17, removed: 0, changed: 0, previous: null });
    expect(result.rescreenRequestId).not.toBeNull();

    const active = await lists.loadActiveEntities();
    expect(
      active.snapshots.map((snapshot) => [snapshot.source, snapshot.entityCount, snapshot.active]),
    ).toEqual([['ofac-sdn-csv', 17, true]]);
    const parsed = parseSanctionsList('ofac-sdn-csv', ofacFiles('ofac-mini-fixture')).entities;
    const bySourceId = (a: { sourceId: string }, b: { sourceId: string }) =>
      a.sourceId.localeCompare(b.sourceId);
    expect(active.entities.map(canonicalEntity).sort(bySourceId)).toEqual(
      parsed.map(canonicalEntity).sort(bySourceId),
    );
  });

  it('treats loading the same files again as a no-op', async () => {
    const result = await useCase.execute('ofac-sdn-csv', [...ofacFiles('ofac-mini-fixture')].reverse());
    expect(result.outcome).toBe('unchanged');
    expect(result.rescreenRequestId).toBeNull();
    expect(await lists.listSnapshots('ofac-sdn-csv')).toHaveLength(1);
    const [{ count }] = await database.dataSource.query(
      `SELECT count(*)::int AS count FROM sanctions_rescreen_request`,
    );
    expect(count).toBe(1);
  });

  it('stores a changed list as a new active version and records what to rescreen', async () => {
    const result = await useCase.execute('ofac-sdn-csv', editedMiniFixture());
    expect(result).toMatchObject({ outcome: 'loaded', added: 0, removed: 1, changed: 1 });
    const snapshots = await lists.listSnapshots('ofac-sdn-csv');
    expect(snapshots.map((snapshot) => [snapshot.entityCount, snapshot.active])).toEqual([
      [17, false],
      [16, true],
    ]);
    const [request] = await database.dataSource.query(
      `SELECT snapshot_id, previous_snapshot_id, affected_name_keys, affected_identifiers, completed_at
       FROM sanctions_rescreen_request WHERE id = $1`,
      [result.rescreenRequestId],
    );
    expect(request.snapshot_id).toBe(snapshots[1].id);
    expect(request.previous_snapshot_id).toBe(snapshots[0].id);
    expect(request.affected_name_keys).toEqual(expect.arrayContaining(['t:angel', 't:angus', 't:moreno']));
    expect(request.affected_name_keys).not.toContain('t:iran'); // an entity that did not change
    expect(request.affected_identifiers).toContain('document:P0017003');
    expect(request.completed_at).toBeNull();
  });

  it('brings back a stored version when its files are loaded again, without storing them twice', async () => {
    const result = await useCase.execute('ofac-sdn-csv', ofacFiles('ofac-mini-fixture'));
    expect(result).toMatchObject({ outcome: 'reactivated', added: 1, removed: 0, changed: 1 });
    const snapshots = await lists.listSnapshots('ofac-sdn-csv');
    expect(snapshots.map((snapshot) => [snapshot.entityCount, snapshot.active])).toEqual([
      [17, true],
      [16, false],
    ]);
  });

  it('keeps one active snapshot per source, lists side by side', async () => {
    const result = await useCase.execute('un-xml', [UN_FILE]);
    expect(result).toMatchObject({ outcome: 'loaded', added: 1003 });
    const active = await lists.loadActiveEntities();
    expect(active.snapshots.map((snapshot) => snapshot.source)).toEqual(['ofac-sdn-csv', 'un-xml']);
    expect(active.entities).toHaveLength(17 + 1003);
    expect(new Set(active.entities.map((entity) => entity.list))).toEqual(new Set(['ofac-sdn', 'un']));
  });

  it('serialises concurrent loads of one source: both stored, exactly one active', async () => {
    const dprk = [path.join(DATA, 'ofac-2025-dprk-extract/sdn_dprk_it_extract.csv')];
    const results = await Promise.all([
      useCase.execute('ofac-sdn-csv', dprk),
      useCase.execute('ofac-sdn-csv', editedMiniFixture('LOGAN MOREY, Elvis Angelo')),
    ]);
    expect(results.map((result) => result.outcome)).toEqual(['loaded', 'loaded']);
    // The later of the two (in lock order, which is insert order) diffed against the earlier one.
    const stored = await lists.listSnapshots('ofac-sdn-csv');
    const order = results
      .map((result) => ({
        result,
        position: stored.findIndex((snapshot) => snapshot.id === result.snapshot.id),
      }))
      .sort((a, b) => a.position - b.position);
    expect(order[1].result.previous?.id).toBe(order[0].result.snapshot.id);
    const active = (await lists.listSnapshots('ofac-sdn-csv')).filter((snapshot) => snapshot.active);
    expect(active).toHaveLength(1);
  });

  it('refuses files that parse to no entities and leaves the active list alone', async () => {
    const empty = path.join(scratch, 'sdn.csv');
    writeFileSync(empty, '\r\n'); // present, readable, nothing in it
    const before = (await lists.listSnapshots('ofac-sdn-csv')).find((snapshot) => snapshot.active);
    await expect(useCase.execute('ofac-sdn-csv', [empty])).rejects.toThrow(/no entities found/);
    const after = (await lists.listSnapshots('ofac-sdn-csv')).find((snapshot) => snapshot.active);
    expect(after?.id).toBe(before?.id);
  });
});
