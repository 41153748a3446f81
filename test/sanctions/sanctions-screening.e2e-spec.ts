import { join } from 'node:path';
import { cli, graphql, ingestGraphql, pipelineStatus, TestStack, waitUntil, type AppProcess } from '@tns/testing';
import { realBackends } from '../requirements';

jest.setTimeout(240_000);

// Sanctions screening through the public API: real ingestion and detection processes, the list
// loaded with the CLI, signals in over GraphQL, risk and cases read back over GraphQL.
const DAY = 24 * 3_600_000;
const DPRK_EXTRACT = join(
  __dirname,
  '../../../shared/data/sanctions/ofac-2025-dprk-extract/sdn_dprk_it_extract.csv',
);
/** Listed for KIM Sang Man (OFAC SDN 43377, DPRK4). */
const LISTED_WALLET = '0xb6F5ec1A0a9cd1526536d3f0426c429529471f40';

const ACCOUNTS_QUERY = `query Accounts($ids: [ID!]!) {
  accounts(ids: $ids) { id riskScore riskLevel reasons { code family weight summary } openCases { id queue status } }
}`;

interface AccountAnswer {
  id: string;
  riskScore: number;
  riskLevel: string;
  reasons: { code: string; family: string; weight: number; summary: string }[];
  openCases: { id: string; queue: string; status: string }[];
}

let sequence = 0;
const signal = (type: string, accountId: string, at: number, data: Record<string, unknown>) => ({
  id: `sanctions_e2e_${(sequence += 1)}`,
  type,
  accountId,
  occurredAt: new Date(at).toISOString(),
  data,
});
const registration = (accountId: string, displayName: string, at: number) =>
  signal('account.registered', accountId, at, {
    role: 'freelancer',
    email: `${accountId}@example.com`,
    displayName,
    country: 'US',
  });

describe('sanctions screening end to end', () => {
  let stack: TestStack;
  let ingestion: AppProcess;
  let key: string;

  beforeAll(async () => {
    stack = await TestStack.create(realBackends);
    await stack.createMarketplace('gigs');
    key = await stack.createApiKey('gigs', 'signals:write,risk:read');
    ingestion = await stack.start('ingestion');
    await stack.start('detection', { SANCTIONS_RESCREEN_EVERY_MS: '2000' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const accounts = async (ids: string[]): Promise<Map<string, AccountAnswer>> => {
    const answer = await graphql(ingestion.url, key, ACCOUNTS_QUERY, { ids });
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data as { accounts: (AccountAnswer | null)[] };
    return new Map(
      data.accounts
        .filter((account): account is AccountAnswer => account !== null)
        .map((account) => [account.id, account]),
    );
  };
  const drained = () =>
    waitUntil(
      async () => (await pipelineStatus(ingestion.url, key)).backlog === 0,
      60_000,
      'detection backlog to drain',
    );

  it('flags a listed DPRK name variant and a listed wallet as CRITICAL with a sanctions case, rescreens an earlier account when the list is loaded, and leaves others alone', async () => {
    const now = Date.now();
    // Registered before any list is loaded: nothing to match yet.
    expect(
      await ingestGraphql(ingestion.url, key, [registration('early_pak', 'Pak Jong-chon', now - 10 * DAY)]),
    ).toMatchObject({ accepted: 1 });
    await drained();
    expect((await accounts(['early_pak'])).get('early_pak')?.riskLevel).toBe('NONE');

    expect(await cli(stack.env, 'sanctions', 'load', 'ofac-sdn-csv', DPRK_EXTRACT)).toMatch(
      /rescreen requested/,
    );

    const signals = [
      registration('dprk_ro', 'Ro Gwang-chol', now - 5 * DAY),
      registration('wallet_user', 'Sam Taylor', now - 5 * DAY),
      signal('payout_method.added', 'wallet_user', now - DAY, {
        methodId: 'pm_1',
        kind: 'crypto',
        instrument: LISTED_WALLET,
        chain: 'USDT',
        holderName: 'Sam Taylor',
      }),
      registration('jane', 'Jane Miller', now - 5 * DAY),
    ];
    expect(await ingestGraphql(ingestion.url, key, signals)).toMatchObject({
      accepted: signals.length,
      rejected: 0,
    });
    await drained();

    const found = await accounts(['dprk_ro', 'wallet_user', 'jane']);
    for (const [accountId, entity] of [
      ['dprk_ro', 'RO, Kwang Chol'],
      ['wallet_user', 'KIM, Sang Man'],
    ]) {
      const account = found.get(accountId);
      expect(account).toMatchObject({ riskLevel: 'CRITICAL', riskScore: 100 });
      const reason = account?.reasons.find((candidate) => candidate.code === 'SANCTIONS_MATCH');
      expect(reason).toMatchObject({ family: 'sanctions' });
      expect(reason?.summary).toContain(entity);
      expect(reason?.summary).toContain('OFAC SDN');
      expect(account?.openCases).toEqual([expect.objectContaining({ queue: 'sanctions', status: 'open' })]);
    }
    expect(found.get('jane')).toMatchObject({ riskLevel: 'NONE', openCases: [] });

    // The account registered before the load was rescreened by the worker after the CLI's load.
    await waitUntil(
      async () => (await accounts(['early_pak'])).get('early_pak')?.riskLevel === 'CRITICAL',
      60_000,
      'the rescreen after the list load',
    );
    expect((await accounts(['early_pak'])).get('early_pak')?.openCases).toEqual([
      expect.objectContaining({ queue: 'sanctions' }),
    ]);
  });
});
