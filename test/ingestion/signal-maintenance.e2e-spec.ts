import pino from 'pino';
import { loadPlatformConfig } from '@tns/config';
import { SignalRepository } from '@tns/database';
// The app's index pulls in Mercurius (ESM-only dependencies Jest cannot load) and the jest alias
// maps `@app/<name>` to the index only, so the one class under test is imported by path.
// eslint-disable-next-line tns/no-relative-escape
import { SignalMaintenanceScheduler } from '../../apps/ingestion/src/signals/signal-maintenance.scheduler';
import { countRows, createMarketplace, createTestDatabase, type TestDatabase } from '@tns/testing';
import { realBackends } from '../requirements';

jest.setTimeout(60_000);

describe('signal storage upkeep (partitions ahead, raw values purged after retention)', () => {
  let db: TestDatabase;
  let marketplaceId: string;

  beforeAll(async () => {
    db = await createTestDatabase(realBackends.postgresServerUrl!);
    marketplaceId = await createMarketplace(db.dataSource, 'upkeep');
  });

  afterAll(async () => {
    await db?.drop();
  });

  const scheduler = (env: Record<string, string> = {}) =>
    new SignalMaintenanceScheduler(
      new SignalRepository(db.dataSource),
      loadPlatformConfig({ SIGNAL_PARTITIONS_AHEAD_DAYS: '20', ...env }),
      pino({ level: 'silent' }),
    );

  it('creates the daily partitions ahead, once, and a later day lands in its own partition', async () => {
    const first = await scheduler().runOnce();
    expect(first.partitionsCreated.length).toBeGreaterThanOrEqual(6); // the migration made 15 days; 20 asked
    expect((await scheduler().runOnce()).partitionsCreated).toEqual([]);
    const inTwentyDays = new Date(Date.now() + 20 * 86_400_000);
    await db.dataSource.query(
      `INSERT INTO signal (marketplace_id, occurred_at, account_id, id, type, data, batch_id)
       VALUES ($1, $2, 'u', 'future-day', 'session.ended', '{}', gen_random_uuid())`,
      [marketplaceId, inTwentyDays],
    );
    const [row] = await db.dataSource.query(`SELECT tableoid::regclass::text AS part FROM signal WHERE id = 'future-day'`);
    expect(row.part).toBe(`signal_p${inTwentyDays.toISOString().slice(0, 10).replace(/-/g, '')}`);
    const [old] = await db.dataSource.query(
      `INSERT INTO signal (marketplace_id, occurred_at, account_id, id, type, data, batch_id)
       VALUES ($1, '2019-05-01T00:00:00Z', 'u', 'backfill', 'session.ended', '{}', gen_random_uuid())
       RETURNING tableoid::regclass::text AS part`,
      [marketplaceId],
    );
    expect(old.part).toBe('signal_history');
  });

  it('purges raw values past their retention, per class, and keeps the rest', async () => {
    const insert = (pseudonym: string, retention: string, daysAgo: number) =>
      db.dataSource.query(
        `INSERT INTO identifier_raw_value (marketplace_id, pseudonym, kind, retention, raw_value, stored_at)
         VALUES ($1, $2, 'x', $3, 'raw', now() - make_interval(days => $4))`,
        [marketplaceId, pseudonym, retention, daysAgo],
      );
    await insert('ip-old', 'ip', 31);
    await insert('ip-new', 'ip', 29);
    await insert('device-old', 'device', 31);
    await insert('pii-31', 'pii', 31);
    await insert('pii-old', 'pii', 181);
    const result = await scheduler().runOnce();
    expect(result.purged).toEqual({ ip: 1, device: 1, pii: 1 });
    const left: { pseudonym: string }[] = await db.dataSource.query(
      `SELECT pseudonym FROM identifier_raw_value ORDER BY pseudonym`,
    );
    expect(left.map((row) => row.pseudonym)).toEqual(['ip-new', 'pii-31']);
    // A shorter configured retention purges more.
    expect((await scheduler({ RAW_PII_RETENTION_DAYS: '7' }).runOnce()).purged.pii).toBe(1);
    expect(await countRows(db.dataSource, `SELECT count(*) AS n FROM identifier_raw_value`)).toBe(1);
  });
});
