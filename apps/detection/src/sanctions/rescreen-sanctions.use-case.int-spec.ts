import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DAY, DetectionTestKit, HOUR, registered } from '../testing/detection-test-kit';

// A list update rescreens only the accounts it can affect (real PostgreSQL, throwaway DB).
const NOW = Math.floor(Date.now() / DAY) * DAY - HOUR;
const DATA = path.resolve(__dirname, '../../../../../shared/data/sanctions');
const DPRK_EXTRACT = path.join(DATA, 'ofac-2025-dprk-extract/sdn_dprk_it_extract.csv');

describe('rescreening after a sanctions list update (real PostgreSQL)', () => {
  let kit: DetectionTestKit;
  let scratch: string;
  let withoutRo: string;

  beforeAll(async () => {
    kit = await DetectionTestKit.create(NOW);
    scratch = mkdtempSync(path.join(tmpdir(), 'tns-rescreen-'));
    // The extract without RO Kwang Chol (52116): the version before his designation.
    withoutRo = path.join(scratch, 'sdn_dprk_it_extract.csv');
    writeFileSync(
      withoutRo,
      readFileSync(DPRK_EXTRACT, 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('52116,'))
        .join('\n'),
    );
  });

  afterAll(async () => {
    await kit?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const levelOf = async (marketplaceId: string, accountId: string) =>
    (await kit.assessments.findByAccounts(marketplaceId, [accountId])).get(accountId)?.level;

  it('gives an existing account a hit when a new designation matches it, without rescreening unrelated accounts; delisting clears it', async () => {
    await kit.loadList.execute('ofac-sdn-csv', [withoutRo]);
    expect(await kit.rescreen.execute()).toMatchObject({ requests: 1, accountsRescreened: 0 });

    const marketplace = await kit.marketplace();
    const other = await kit.marketplace();
    await kit.ingest(marketplace, [
      registered('u_ro', NOW - 3 * DAY, { displayName: 'Ro Gwang-chol' }),
      registered('u_smith', NOW - 3 * DAY, { displayName: 'John Smith' }),
      registered('u_kim', NOW - 3 * DAY, { displayName: 'Kim Sang-man' }),
    ]);
    await kit.ingest(other, [registered('u_ana', NOW - 3 * DAY, { displayName: 'Ana Lima' })]);
    expect(await levelOf(marketplace, 'u_ro')).toBe('NONE');
    expect(await levelOf(marketplace, 'u_kim')).toBe('CRITICAL');

    // The designation: the full extract adds 52116.
    const load = await kit.loadList.execute('ofac-sdn-csv', [DPRK_EXTRACT]);
    expect(load).toMatchObject({ outcome: 'loaded', added: 1, removed: 0 });
    const outcome = await kit.rescreen.execute();
    // Only the account filed under one of RO Kwang Chol's keys was screened: not John Smith, not Ana Lima, not Kim.
    expect(outcome).toEqual({ requests: 1, accountsRescreened: 1, accountsReassessed: 1 });
    expect(await levelOf(marketplace, 'u_ro')).toBe('CRITICAL');
    const [hit]: { source_id: string; snapshot_id: string }[] = await kit.dataSource.query(
      `SELECT source_id, snapshot_id FROM sanctions_hit WHERE marketplace_id = $1 AND account_id = 'u_ro' AND cleared_at IS NULL`,
      [marketplace],
    );
    expect(hit).toEqual({ source_id: '52116', snapshot_id: load.snapshot.id });
    const cases: { queue: string }[] = await kit.dataSource.query(
      `SELECT queue FROM review_case WHERE marketplace_id = $1 AND subject_id = 'u_ro' AND status = 'open'`,
      [marketplace],
    );
    expect(cases).toEqual([{ queue: 'sanctions' }]);
    const pending: unknown[] = await kit.dataSource.query(
      `SELECT id FROM sanctions_rescreen_request WHERE completed_at IS NULL`,
    );
    expect(pending).toEqual([]);

    // Idempotent: nothing pending, nothing redone.
    expect(await kit.rescreen.execute()).toEqual({
      requests: 0,
      accountsRescreened: 0,
      accountsReassessed: 0,
    });

    // The designation withdrawn (the earlier version reactivated): the hit clears, the risk drops.
    expect(await kit.loadList.execute('ofac-sdn-csv', [withoutRo])).toMatchObject({
      outcome: 'reactivated',
      removed: 1,
    });
    expect(await kit.rescreen.execute()).toMatchObject({
      requests: 1,
      accountsRescreened: 1,
      accountsReassessed: 1,
    });
    expect(await levelOf(marketplace, 'u_ro')).toBe('NONE');
    expect(await levelOf(marketplace, 'u_kim')).toBe('CRITICAL');
  });
});
