import type { Signal } from '@tns/domain/signals';
import {
  activity,
  address,
  contract,
  DAY,
  DetectionTestKit,
  HOUR,
  identityDeclined,
  payoutMethod,
  registered,
  review,
  seededRandom,
  session,
  shuffled,
  telemetry,
  workHours,
} from '../testing/detection-test-kit';

// Assessments are pinned an hour before today's UTC midnight, so signals land in existing partitions.
const NOW = Math.floor(Date.now() / DAY) * DAY - HOUR;
/** UTC 03–10: the claimed New York night, a UTC+9 office day. */
const PYONGYANG_DAY = [3, 4, 5, 6, 7, 8, 9, 10];
/** UTC 15–22: a Los Angeles / New York working day. */
const US_DAY = [15, 16, 17, 18, 19, 20, 21, 22];

describe('detection of a signal batch (real PostgreSQL)', () => {
  let kit: DetectionTestKit;

  beforeAll(async () => {
    kit = await DetectionTestKit.create(NOW);
  });

  afterAll(async () => {
    await kit?.drop();
  });

  const assessmentOf = async (marketplaceId: string, accountId: string) => (await kit.assessments.findByAccounts(marketplaceId, [accountId])).get(accountId);
  const clusterOf = async (marketplaceId: string, accountId: string) => (await kit.graph.clustersOfAccounts(marketplaceId, [accountId])).get(accountId);

  it('stores features and an assessment, marks the batch detected, and does nothing on a repeated delivery', async () => {
    const marketplace = await kit.marketplace();
    const batchId = await kit.store(marketplace, [registered('u_1', NOW - 10 * DAY), session('u_1', NOW - 2 * DAY, '198.51.100.4', { deviceId: 'D1' })]);
    expect(await kit.detect(marketplace, batchId)).toBe(true);
    expect(await kit.detect(marketplace, batchId)).toBe(false);
    const features = await kit.features.findOne(marketplace, 'u_1');
    expect(features?.summary.sessionCount).toBe(1);
    expect(features?.sessions.recentPoints[0]).toMatchObject({ country: 'US' });
    expect(await assessmentOf(marketplace, 'u_1')).toMatchObject({ level: 'NONE', score: 0, policyVersion: 'detection-2026-11.1' });
    const [batch] = await kit.dataSource.query(`SELECT detected_at FROM signal_batch WHERE id = $1`, [batchId]);
    expect(batch.detected_at).not.toBeNull();
  });

  it('links two accounts sharing a device into one cluster, and leaves a third alone', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [session('a', NOW - DAY, '198.51.100.1', { deviceId: 'LAPTOP-7' })]);
    await kit.ingest(marketplace, [session('b', NOW - 3 * DAY, '192.0.2.9', { deviceId: 'LAPTOP-7' }), session('c', NOW - DAY, '192.0.2.10', { deviceId: 'OTHER' })]);
    const clusterA = await clusterOf(marketplace, 'a');
    expect(clusterA).toEqual({ id: expect.stringMatching(/^cl_/), size: 2 });
    expect(await clusterOf(marketplace, 'b')).toEqual(clusterA);
    expect(await clusterOf(marketplace, 'c')).toBeUndefined();
  });

  it('does not link 200 accounts through a hub network and address, while three accounts sharing both are linked', async () => {
    const marketplace = await kit.marketplace();
    const crowd = Array.from({ length: 200 }, (_, index) => `crowd_${String(index).padStart(3, '0')}`);
    const signals = crowd.flatMap((accountId, index) => [
      session(accountId, NOW - DAY + index * 1000, '198.51.100.77', { deviceId: `own-${accountId}` }),
      address(accountId, NOW - 2 * DAY, '1 Coworking Plaza'),
    ]);
    for (let start = 0; start < signals.length; start += 50) await kit.ingest(marketplace, signals.slice(start, start + 50));
    const clusters = await kit.graph.clustersOfAccounts(marketplace, crowd);
    expect(clusters.size).toBe(0);
    const features = await kit.features.findOne(marketplace, 'crowd_000');
    expect(features).not.toBeNull();

    // Control: the same two weak links among three accounts are specific enough to join them.
    const trio = ['t1', 't2', 't3'];
    await kit.ingest(
      marketplace,
      trio.flatMap((accountId) => [session(accountId, NOW - DAY, '192.0.2.50', { deviceId: `own-${accountId}` }), address(accountId, NOW - 2 * DAY, '9 Small St')]),
    );
    expect(await clusterOf(marketplace, 't1')).toEqual({ id: expect.any(String), size: 3 });
  });

  it('opens one case when an account crosses the case threshold, and refreshes it with new evidence', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [registered('x', NOW - 20 * DAY), identityDeclined('x', NOW - 5 * DAY), telemetry('x', NOW - 2 * HOUR, { ipKvmSuspected: true })]);
    const first = await assessmentOf(marketplace, 'x');
    expect(first?.level).toMatch(/HIGH|CRITICAL/);
    const opened = await kit.activeCases(marketplace);
    expect(opened).toEqual([expect.objectContaining({ subject_kind: 'account', subject_id: 'x', member_account_ids: ['x'] })]);

    await kit.ingest(marketplace, [telemetry('x', NOW - HOUR, { remoteAccessTools: ['anydesk'], listeningPorts: [3389] })]);
    const refreshed = await kit.activeCases(marketplace);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0].id).toBe(opened[0].id);
    const [row] = await kit.dataSource.query(`SELECT reasons FROM review_case WHERE id = $1`, [opened[0].id]);
    expect(row.reasons.map((reason: { code: string }) => reason.code)).toEqual(expect.arrayContaining(['IP_KVM_SUSPECTED', 'REMOTE_ACCESS_TOOLS']));
    expect(await kit.cases.activeCasesOf(marketplace, ['x'])).toEqual([{ accountId: 'x', id: opened[0].id, queue: expect.any(String), status: 'open' }]);
  });

  it('opens one case for a ring, listing its members, and raises the members together', async () => {
    const marketplace = await kit.marketplace();
    await kit.ingest(marketplace, [session('r1', NOW - 3 * DAY, '198.51.100.8', { deviceId: 'FARM-1' }), identityDeclined('r1', NOW - 3 * DAY)]);
    expect((await assessmentOf(marketplace, 'r1'))?.level).toBe('MEDIUM');
    await kit.ingest(marketplace, [session('r2', NOW - 2 * DAY, '192.0.2.8', { deviceId: 'FARM-1' }), identityDeclined('r2', NOW - 2 * DAY)]);

    for (const accountId of ['r1', 'r2']) {
      const assessment = await assessmentOf(marketplace, accountId);
      expect(assessment?.level).toMatch(/HIGH|CRITICAL/);
      expect(assessment?.reasons.map((reason) => reason.code)).toContain('RING_MEMBER');
    }
    const cases = await kit.activeCases(marketplace);
    expect(cases).toEqual([expect.objectContaining({ subject_kind: 'cluster', member_account_ids: ['r1', 'r2'], queue: 'collusion' })]);

    // A third persona joins: the same case grows, no second one opens.
    await kit.ingest(marketplace, [session('r0', NOW - DAY, '192.0.2.9', { deviceId: 'FARM-1' }), identityDeclined('r0', NOW - DAY)]);
    const grown = await kit.activeCases(marketplace);
    expect(grown).toHaveLength(1);
    expect(grown[0]).toMatchObject({ id: cases[0].id, member_account_ids: ['r0', 'r1', 'r2'] });
    expect(grown[0].subject_id).toBe((await clusterOf(marketplace, 'r0'))?.id);

    // A persona flagged on its own first: when it turns out to be in the ring, the ring's case takes it over.
    await kit.ingest(marketplace, [identityDeclined('r9', NOW - DAY), telemetry('r9', NOW - 2 * HOUR, { ipKvmSuspected: true })]);
    expect((await kit.activeCases(marketplace)).map((found) => found.subject_kind).sort()).toEqual(['account', 'cluster']);
    await kit.ingest(marketplace, [session('r9', NOW - DAY, '192.0.2.99', { deviceId: 'FARM-1' })]);
    const merged = await kit.activeCases(marketplace);
    expect(merged).toEqual([expect.objectContaining({ id: cases[0].id, subject_kind: 'cluster', member_account_ids: ['r0', 'r1', 'r2', 'r9'] })]);
    expect(await kit.cases.activeCasesOf(marketplace, ['r9'])).toEqual([expect.objectContaining({ accountId: 'r9', id: cases[0].id })]);
  });

  it("pulls a fake client that shares nothing with the ring into the ring's cluster, whichever side arrives first", async () => {
    const personas = ['fp1', 'fp2'];
    const ring = personas.map((accountId, index) => session(accountId, NOW - (3 - index) * DAY, `192.0.2.${40 + index}`, { deviceId: 'FARM-9' }));
    const hiring = [
      registered('fake_client', NOW - 20 * DAY, { role: 'client' }),
      contract('fp1', 'fake_client', NOW - 10 * DAY, 'fc1'),
      contract('fp2', 'fake_client', NOW - 9 * DAY, 'fc2'),
      review('fake_client', 'fp1', NOW - 5 * DAY, 'fc1'),
    ];
    // An honest client of one persona alone stays out.
    const honest = [registered('honest_client', NOW - 20 * DAY, { role: 'client' }), contract('fp1', 'honest_client', NOW - 8 * DAY, 'hc1'), review('honest_client', 'fp1', NOW - 4 * DAY, 'hc1', 4.5)];
    for (const order of [
      [ring, hiring, honest],
      [hiring, honest, ring],
    ]) {
      const marketplace = await kit.marketplace();
      for (const signals of order) await kit.ingest(marketplace, signals);
      const cluster = await clusterOf(marketplace, 'fake_client');
      expect(cluster).toEqual({ id: expect.stringMatching(/^cl_/), size: 3 });
      expect(await clusterOf(marketplace, 'fp1')).toEqual(cluster);
      expect(await clusterOf(marketplace, 'honest_client')).toBeUndefined();
    }
  });

  it('withdraws an unclaimed ring case when later signals show the link was an agency sharing its payout account', async () => {
    const marketplace = await kit.marketplace();
    // Arrival order: the members' payouts (and a red flag each) before their registrations.
    await kit.ingest(marketplace, [
      payoutMethod('m1', NOW - 3 * DAY, 'AGENCY-IBAN'),
      identityDeclined('m1', NOW - 3 * DAY),
      payoutMethod('m2', NOW - 3 * DAY, 'AGENCY-IBAN'),
      identityDeclined('m2', NOW - 3 * DAY),
    ]);
    expect(await kit.activeCases(marketplace)).toEqual([expect.objectContaining({ subject_kind: 'cluster', member_account_ids: ['m1', 'm2'] })]);

    await kit.ingest(marketplace, [
      registered('ag', NOW - 20 * DAY, { role: 'agency' }),
      registered('m1', NOW - 19 * DAY, { agencyAccountId: 'ag' }),
      registered('m2', NOW - 19 * DAY, { agencyAccountId: 'ag' }),
    ]);
    expect(await kit.activeCases(marketplace)).toEqual([]);
    const [row] = await kit.dataSource.query(`SELECT status, evidence FROM review_case WHERE marketplace_id = $1`, [marketplace]);
    expect(row.status).toBe('dismissed');
    expect(row.evidence.withdrawnByDetection).toEqual(expect.any(String));
    for (const accountId of ['m1', 'm2']) expect((await assessmentOf(marketplace, accountId))?.reasons.map((r) => r.code)).not.toContain('RING_MEMBER');
  });

  it('loses no update when two workers detect batches of the same account at once', async () => {
    const marketplace = await kit.marketplace();
    const batches = await Promise.all(
      Array.from({ length: 4 }, (_, index) => kit.store(marketplace, [session('busy', NOW - DAY + index * HOUR, '198.51.100.3'), session(`other_${index}`, NOW - DAY, '192.0.2.3')])),
    );
    await Promise.all(batches.map((batchId) => kit.detect(marketplace, batchId)));
    expect((await kit.features.findOne(marketplace, 'busy'))?.summary.sessionCount).toBe(4);
  });

  it('detects the pending batches of the marketplace in one pass, after which their own jobs do nothing', async () => {
    const marketplace = await kit.marketplace();
    const older = await kit.store(marketplace, [session('x', NOW - 2 * DAY, '198.51.100.5', { deviceId: 'X1' })]);
    const newer = await kit.store(marketplace, [session('x', NOW - DAY, '198.51.100.6', { deviceId: 'X1' })]);
    expect(await kit.detect(marketplace, newer)).toBe(true);
    const detected: { id: string }[] = await kit.dataSource.query(
      `SELECT id FROM signal_batch WHERE marketplace_id = $1 AND detected_at IS NOT NULL ORDER BY accepted_at`,
      [marketplace],
    );
    expect(detected.map((row) => row.id)).toEqual([older, newer]);
    expect((await kit.features.findOne(marketplace, 'x'))?.summary.sessionCount).toBe(2);
    expect(await kit.detect(marketplace, older)).toBe(true);
    expect((await kit.features.findOne(marketplace, 'x'))?.summary.sessionCount).toBe(2);
  });

  it('claims its own batch first, then pending batches oldest first within the signal budget, skipping those another pass holds', async () => {
    const marketplace = await kit.marketplace();
    const ids: string[] = [];
    for (let index = 0; index < 4; index++) {
      ids.push(await kit.store(marketplace, [session(`y${index}`, NOW - DAY, '198.51.100.7'), session(`z${index}`, NOW - DAY, '198.51.100.8')]));
    }
    const [first, second, third, fourth] = ids;
    await kit.dataSource.transaction(async (holder) => {
      // Another pass holds the oldest batch.
      expect((await kit.batches.claimForDetection(holder, marketplace, first, 2)).map((batch) => batch.id)).toEqual([first]);
      await kit.dataSource.transaction(async (manager) => {
        const claimed = await kit.batches.claimForDetection(manager, marketplace, fourth, 8);
        expect(claimed.map((batch) => batch.id)).toEqual([fourth, second, third]);
        expect(claimed[0]).toEqual({ id: fourth, signalCount: 2 });
      });
    });
  });

  describe('order independence', () => {
    /** A small marketplace: a VPN night-shift pair on one laptop, a ring paid into one account and hired by one client, an office couple, a crowd on one network, ordinary people. */
    function scenario(): Signal[] {
      const signals: Signal[] = [];
      for (const accountId of ['p1', 'p2']) {
        signals.push(registered(accountId, NOW - 30 * DAY));
        for (let day = 1; day <= 4; day++) signals.push(session(accountId, NOW - day * DAY + 3 * HOUR, `203.0.113.${day}`, { deviceId: 'SHARED-LAPTOP' }));
        signals.push(...workHours(accountId, NOW, 5, PYONGYANG_DAY));
      }
      for (const accountId of ['r1', 'r2', 'r3']) {
        signals.push(registered(accountId, NOW - 25 * DAY), identityDeclined(accountId, NOW - 20 * DAY), payoutMethod(accountId, NOW - 15 * DAY, 'funnel@example.com'));
      }
      signals.push(registered('client', NOW - 30 * DAY, { role: 'client' }));
      signals.push(contract('r1', 'client', NOW - 10 * DAY, 'c1'), contract('r2', 'client', NOW - 9 * DAY, 'c2'));
      signals.push(review('client', 'r1', NOW - 5 * DAY, 'c1'), review('client', 'r2', NOW - 4 * DAY, 'c2'));
      for (const accountId of ['o1', 'o2']) {
        signals.push(registered(accountId, NOW - 40 * DAY, { timezone: 'America/Los_Angeles' }));
        signals.push(session(accountId, NOW - DAY + 16 * HOUR, '192.0.2.20', { deviceId: `own-${accountId}` }), address(accountId, NOW - 30 * DAY, '5 Home Ave'));
        signals.push(...workHours(accountId, NOW, 3, US_DAY).map((signal) => ({ ...signal, accountId })));
      }
      for (let index = 0; index < 10; index++) signals.push(session(`h${index}`, NOW - 2 * DAY + index * 60_000, '198.51.100.200', { deviceId: `own-h${index}` }));
      signals.push(registered('plain', NOW - 50 * DAY), session('plain', NOW - DAY, '198.51.100.9', { deviceId: 'plain-phone' }), activity('plain', NOW - DAY + 16 * HOUR));
      return signals;
    }

    async function outcome(marketplaceId: string) {
      const rows: { account_id: string; score: number; level: string; reasons: { code: string }[] }[] = await kit.dataSource.query(
        `SELECT account_id, score, level, reasons FROM risk_assessment WHERE marketplace_id = $1 ORDER BY account_id`,
        [marketplaceId],
      );
      const clusters: { members: string[] }[] = await kit.dataSource.query(
        `SELECT array_agg(account_id ORDER BY account_id) AS members FROM graph_cluster_member WHERE marketplace_id = $1
         GROUP BY cluster_id ORDER BY min(account_id)`,
        [marketplaceId],
      );
      return {
        accounts: rows.map((row) => ({ account: row.account_id, score: row.score, level: row.level, codes: row.reasons.map((reason) => reason.code).sort() })),
        clusters: clusters.map((cluster) => cluster.members),
      };
    }

    it('gives the same levels, scores, reasons and clusters whatever the order and batching of the signals', async () => {
      const signals = scenario();
      const reference = await kit.marketplace();
      await kit.ingest(reference, signals);
      const expected = await outcome(reference);

      // The scenario exercises what it claims to: flagged pair and ring, clusters, a quiet crowd.
      const byAccount = new Map(expected.accounts.map((account) => [account.account, account]));
      expect(byAccount.get('p1')?.level).toMatch(/HIGH|CRITICAL/);
      expect(byAccount.get('r1')?.codes).toEqual(expect.arrayContaining(['PAYOUT_INSTRUMENT_SHARED', 'RING_MEMBER']));
      expect(byAccount.get('client')?.codes).toContain('CLIENT_FUNDS_LINKED_ACCOUNTS');
      expect(byAccount.get('plain')?.level).toBe('NONE');
      expect(expected.clusters).toEqual([['client', 'r1', 'r2', 'r3'], ['o1', 'o2'], ['p1', 'p2']]);

      for (const seed of [1, 2, 3]) {
        const random = seededRandom(seed);
        const marketplace = await kit.marketplace();
        const order = shuffled(signals, random);
        for (let start = 0; start < order.length; ) {
          const size = 1 + Math.floor(random() * 40);
          await kit.ingest(marketplace, order.slice(start, start + size));
          start += size;
        }
        expect(await outcome(marketplace)).toEqual(expected);
      }
    });
  });
});
