import * as path from 'node:path';
import {
  DAY,
  DetectionTestKit,
  HOUR,
  cryptoPayoutMethod,
  identityDeclined,
  identityVerified,
  profileUpdated,
  registered,
  session,
  telemetry,
} from '../testing/detection-test-kit';

// Screening triggers through the real detection use case on a real PostgreSQL (throwaway DB),
// with the OFAC 2025 DPRK extract loaded as the active list.
const NOW = Math.floor(Date.now() / DAY) * DAY - HOUR;
const DATA = path.resolve(__dirname, '../../../../../shared/data/sanctions');
const DPRK_EXTRACT = path.join(DATA, 'ofac-2025-dprk-extract/sdn_dprk_it_extract.csv');
/** Listed for KIM Sang Man (ofac-sdn 43377, DPRK4) as 0x97b1…4f9c; sent here in checksum case. */
const LISTED_WALLET = '0x97B1043ABD9E6FC31681635166D430A458D14F9C';

interface CaseRow {
  id: string;
  queue: string;
  level: string;
  subject_kind: string;
  subject_id: string;
  reasons: { code: string; family: string; summary: string; evidence: Record<string, unknown> }[];
  evidence: {
    sanctionsHits?: {
      entity: string;
      list: string;
      programs: string[];
      channel: string;
      entityName: string;
      accountValue: string;
    }[];
  };
}

describe('sanctions screening in detection (real PostgreSQL)', () => {
  let kit: DetectionTestKit;

  beforeAll(async () => {
    kit = await DetectionTestKit.create(NOW);
    await kit.loadList.execute('ofac-sdn-csv', [DPRK_EXTRACT]);
  });

  afterAll(async () => {
    await kit?.drop();
  });

  const assessmentOf = async (marketplaceId: string, accountId: string) =>
    (await kit.assessments.findByAccounts(marketplaceId, [accountId])).get(accountId);
  const casesOf = (marketplaceId: string, accountId: string): Promise<CaseRow[]> =>
    kit.dataSource.query(
      `SELECT id, queue, level, subject_kind, subject_id, reasons, evidence FROM review_case
       WHERE marketplace_id = $1 AND $2 = ANY(member_account_ids) AND status IN ('open', 'in_review') ORDER BY opened_at`,
      [marketplaceId, accountId],
    );
  const hitsOf = (
    marketplaceId: string,
    accountId: string,
  ): Promise<
    {
      source_id: string;
      channel: string;
      list: string;
      programs: string[];
      score: number;
      account_value: string;
      evidence: { explanation: string[] };
    }[]
  > =>
    kit.dataSource.query(
      `SELECT source_id, channel, list, programs, score, account_value, evidence FROM sanctions_hit
       WHERE marketplace_id = $1 AND account_id = $2 AND cleared_at IS NULL ORDER BY source_id, channel`,
      [marketplaceId, accountId],
    );

  it('flags a registration under a romanisation variant of a listed DPRK name: CRITICAL, one case in the sanctions queue', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [
      registered('u_ro', NOW - 2 * DAY, { displayName: 'Ro Gwang-chol' }),
      registered('u_plain', NOW - 2 * DAY, { displayName: 'Maria Garcia' }),
    ]);

    const assessment = await assessmentOf(marketplace, 'u_ro');
    expect(assessment).toMatchObject({ level: 'CRITICAL', score: 100 });
    const reason = assessment?.reasons.find((found) => found.code === 'SANCTIONS_MATCH');
    expect(reason).toMatchObject({ family: 'sanctions', weight: 100 });
    expect(reason?.summary).toContain('RO, Kwang Chol');
    expect(reason?.summary).toContain('OFAC SDN 52116');
    expect(reason?.summary).toContain('DPRK2');

    const cases = await casesOf(marketplace, 'u_ro');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      queue: 'sanctions',
      level: 'CRITICAL',
      subject_kind: 'account',
      subject_id: 'u_ro',
    });
    expect(cases[0].reasons.map((found) => found.code)).toContain('SANCTIONS_MATCH');
    expect(cases[0].evidence.sanctionsHits).toEqual([
      expect.objectContaining({
        entity: 'ofac-sdn:52116',
        list: 'ofac-sdn',
        programs: ['DPRK2'],
        channel: 'name',
        entityName: 'RO, Kwang Chol',
        accountValue: 'Ro Gwang-chol',
      }),
    ]);
    expect(await kit.sanctions.payoutHoldsOf(marketplace, ['u_ro'])).toEqual([]);

    // The ordinary name is screened too, and stays clear.
    expect(await assessmentOf(marketplace, 'u_plain')).toMatchObject({ level: 'NONE' });
    expect(await hitsOf(marketplace, 'u_plain')).toEqual([]);

    // Hits persist: a later batch without any name keeps the reason, and the same case.
    await kit.ingest(marketplace, [session('u_ro', NOW - DAY, '198.51.100.4', { deviceId: 'D-ro' })]);
    expect((await assessmentOf(marketplace, 'u_ro'))?.level).toBe('CRITICAL');
    expect((await casesOf(marketplace, 'u_ro')).map((found) => found.id)).toEqual([cases[0].id]);
  });

  it('screens a legal-name change', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [registered('u_pak', NOW - 3 * DAY, { displayName: 'Jimmy P.' })]);
    expect((await assessmentOf(marketplace, 'u_pak'))?.level).toBe('NONE');
    await kit.ingest(marketplace, [profileUpdated('u_pak', NOW - DAY, { legalName: 'Pak Jong-chon' })]);
    expect((await assessmentOf(marketplace, 'u_pak'))?.level).toBe('CRITICAL');
    expect(await hitsOf(marketplace, 'u_pak')).toEqual([
      expect.objectContaining({
        source_id: '52117',
        channel: 'name',
        account_value: 'Pak Jong-chon',
        programs: ['DPRK2'],
      }),
    ]);
    expect((await casesOf(marketplace, 'u_pak')).map((found) => found.queue)).toEqual(['sanctions']);
  });

  it('uses the verified date of birth and nationality as context: the listed person matches, a namesake born decades later does not', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [
      registered('u_kim', NOW - 3 * DAY, { displayName: 'SM' }),
      identityVerified('u_kim', NOW - 2 * DAY, {
        legalName: 'Kim Sang-man',
        dateOfBirth: '1965-04-25',
        nationality: 'KP',
      }),
      registered('u_namesake', NOW - 3 * DAY, { displayName: 'Sam' }),
      identityVerified('u_namesake', NOW - 2 * DAY, {
        legalName: 'Kim Sang-man',
        dateOfBirth: '1994-11-02',
        nationality: 'US',
      }),
    ]);
    const [hit] = await hitsOf(marketplace, 'u_kim');
    expect(hit).toMatchObject({ source_id: '43377', channel: 'name', account_value: 'Kim Sang-man' });
    expect(hit.evidence.explanation.join(' ')).toMatch(/birth/i);
    expect((await assessmentOf(marketplace, 'u_kim'))?.level).toBe('CRITICAL');

    expect(await hitsOf(marketplace, 'u_namesake')).toEqual([]);
    expect((await assessmentOf(marketplace, 'u_namesake'))?.level).toBe('NONE');
  });

  it('records an exact wallet hit on a crypto payout method, whatever the holder name, with a payout-hold recommendation', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [registered('u_wallet', NOW - 5 * DAY, { displayName: 'Alex Turner' })]);
    await kit.ingest(marketplace, [
      cryptoPayoutMethod('u_wallet', NOW - DAY, LISTED_WALLET, { holderName: 'Alex Turner' }),
    ]);

    expect(await hitsOf(marketplace, 'u_wallet')).toEqual([
      expect.objectContaining({
        source_id: '43377',
        channel: 'wallet',
        score: 1,
        account_value: LISTED_WALLET.toLowerCase(),
        programs: ['DPRK4'],
      }),
    ]);
    const holds = await kit.sanctions.payoutHoldsOf(marketplace, ['u_wallet']);
    expect(holds).toEqual([
      expect.objectContaining({ accountId: 'u_wallet', list: 'ofac-sdn', sourceId: '43377' }),
    ]);
    expect(holds[0].reason).toContain('KIM, Sang Man');
    const assessment = await assessmentOf(marketplace, 'u_wallet');
    expect(assessment?.level).toBe('CRITICAL');
    expect(assessment?.reasons.find((found) => found.code === 'SANCTIONS_MATCH')?.summary).toContain(
      'wallet address',
    );
    const cases = await casesOf(marketplace, 'u_wallet');
    expect(cases).toEqual([expect.objectContaining({ queue: 'sanctions' })]);
    expect(cases[0].evidence.sanctionsHits?.[0]).toMatchObject({
      entity: 'ofac-sdn:43377',
      channel: 'wallet',
    });

    // A re-delivered or repeated screening adds no second hold.
    await kit.ingest(marketplace, [cryptoPayoutMethod('u_wallet', NOW - HOUR, LISTED_WALLET.toLowerCase())]);
    expect(await kit.sanctions.payoutHoldsOf(marketplace, ['u_wallet'])).toHaveLength(1);
  });

  it('moves an account case opened for other reasons into the sanctions queue rather than opening a second one', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [
      registered('u_esc', NOW - 20 * DAY),
      identityDeclined('u_esc', NOW - 5 * DAY),
      telemetry('u_esc', NOW - 2 * HOUR, { ipKvmSuspected: true }),
    ]);
    const [before] = await casesOf(marketplace, 'u_esc');
    expect(before.queue).not.toBe('sanctions');
    await kit.ingest(marketplace, [profileUpdated('u_esc', NOW - HOUR, { displayName: 'Myong Chol Min' })]);
    const after = await casesOf(marketplace, 'u_esc');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, queue: 'sanctions', level: 'CRITICAL' });
    expect(after[0].evidence.sanctionsHits?.[0]).toMatchObject({
      entity: 'ofac-sdn:54762',
      programs: ['DPRK4'],
    });
  });
});
