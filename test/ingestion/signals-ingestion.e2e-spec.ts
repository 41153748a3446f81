import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { SIGNAL_TYPES } from '@tns/domain/signals';
import { VALID_DATA } from '@tns/domain/signals/signal.fixtures';
import {
  countRows,
  graphql,
  ingestGraphql,
  pipelineStatus,
  postNdjson,
  sleep,
  TestStack,
  toNdjson,
  type AppProcess,
} from '@tns/testing';
import { realBackends } from '../requirements';

jest.setTimeout(120_000);

const recent = (): string => new Date(Date.now() - 60_000).toISOString();

/** One invalid `data` per type, with the path the error must name. */
const INVALID_DATA: Record<string, [Record<string, unknown>, string]> = {
  'account.registered': [{ ...VALID_DATA['account.registered'], role: 'boss' }, 'data.role'],
  'profile.updated': [{ bio: 123 }, 'data.bio'],
  'identity.verified': [{ ...VALID_DATA['identity.verified'], status: 'maybe' }, 'data.status'],
  'session.started': [{ ...VALID_DATA['session.started'], ip: 'not-an-ip' }, 'data.ip'],
  'session.activity': [{ sessionId: 's', activeMinutes: 61 }, 'data.activeMinutes'],
  'session.ended': [{}, 'data.sessionId'],
  'desktop.telemetry': [{ listeningPorts: [70000] }, 'data.listeningPorts[0]'],
  'payout_method.added': [{ ...VALID_DATA['payout_method.added'], kind: 'cash' }, 'data.kind'],
  'payout.requested': [{ methodId: 'm', amount: 'ten', currency: 'USD' }, 'data.amount'],
  'address.changed': [{ kind: 'shipping', line1: '1 Main St' }, 'data.country'],
  'contract.started': [{ contractId: 'c_1' }, 'data.clientAccountId'],
  'review.posted': [{ contractId: 'c', subjectAccountId: 'u', rating: 6 }, 'data.rating'],
  'report.filed': [{ subjectAccountId: 'u' }, 'data.category'],
};

describe('signal ingestion (GraphQL and POST /v1/signals)', () => {
  let stack: TestStack;
  let app: AppProcess;
  let alphaId: string;
  let alphaKey: string;
  let betaKey: string;
  let readOnlyKey: string;

  beforeAll(async () => {
    stack = await TestStack.create(realBackends);
    alphaId = await stack.createMarketplace('alpha');
    await stack.createMarketplace('beta');
    alphaKey = await stack.createApiKey('alpha', 'signals:write,risk:read');
    betaKey = await stack.createApiKey('beta', 'signals:write,risk:read');
    readOnlyKey = await stack.createApiKey('alpha', 'risk:read');
    app = await stack.start('ingestion', { SIGNAL_MAX_BODY_BYTES: String(2 * 1024 * 1024) });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const storedIds = async (ids: string[]): Promise<string[]> =>
    (
      await stack.dataSource.query<{ id: string }[]>(
        `SELECT id FROM signal WHERE marketplace_id = $1 AND id = ANY($2) ORDER BY id`,
        [alphaId, ids],
      )
    ).map((row) => row.id);

  it('accepts a valid signal of every type on both ways in, and stores each once', async () => {
    const viaGraphql = SIGNAL_TYPES.map((type, i) => ({
      id: `gql_valid_${i}`,
      type,
      accountId: 'u_valid',
      occurredAt: recent(),
      data: VALID_DATA[type],
    }));
    const viaNdjson = viaGraphql.map((signal, i) => ({ ...signal, id: `nd_valid_${i}` }));
    expect(await ingestGraphql(app.url, alphaKey, viaGraphql)).toEqual({
      accepted: 13,
      duplicates: 0,
      rejected: 0,
      errors: [],
    });
    const bulk = await postNdjson(app.url, alphaKey, toNdjson(viaNdjson));
    expect(bulk.status).toBe(200);
    expect(bulk.body).toEqual({ accepted: 13, duplicates: 0, rejected: 0, errors: [] });
    expect(await storedIds([...viaGraphql, ...viaNdjson].map((s) => s.id))).toHaveLength(26);
  });

  it('rejects an invalid signal of every type alone, with index, id and path, and stores the rest', async () => {
    const batch = SIGNAL_TYPES.flatMap((type, i) => [
      { id: `bad_${i}`, type, accountId: 'u_bad', occurredAt: recent(), data: INVALID_DATA[type][0] },
      { id: `good_${i}`, type, accountId: 'u_bad', occurredAt: recent(), data: VALID_DATA[type] },
    ]);
    for (const [way, run] of [
      ['graphql', () => ingestGraphql(app.url, alphaKey, batch.map((s) => ({ ...s, id: `g${s.id}` })))],
      [
        'ndjson',
        async () => (await postNdjson(app.url, alphaKey, toNdjson(batch.map((s) => ({ ...s, id: `n${s.id}` }))))).body,
      ],
    ] as const) {
      const answer = (await run()) as { accepted: number; rejected: number; errors: { index: number; id: string; path: string }[] };
      expect({ way, accepted: answer.accepted, rejected: answer.rejected }).toEqual({ way, accepted: 13, rejected: 13 });
      SIGNAL_TYPES.forEach((type, i) => {
        const error = answer.errors.find((e) => e.index === 2 * i);
        expect({ type, path: error?.path, id: error?.id?.slice(1) }).toEqual({
          type,
          path: INVALID_DATA[type][1],
          id: `bad_${i}`,
        });
      });
    }
    expect(await storedIds(SIGNAL_TYPES.map((_, i) => `ggood_${i}`))).toHaveLength(13);
    expect(await storedIds(SIGNAL_TYPES.map((_, i) => `gbad_${i}`))).toHaveLength(0);
  });

  it('gives each bad NDJSON line its own error and never stores half a batch', async () => {
    const deep = '['.repeat(200) + ']'.repeat(200);
    const lines: (string | Buffer)[] = [
      JSON.stringify(sessionEnded('line_ok_0')),
      '{"id": "broken", "type": ',
      JSON.stringify({ ...sessionEnded('line_long'), data: { sessionId: 's', pad: 'x'.repeat(300 * 1024) } }),
      Buffer.concat([Buffer.from('{"id":"latin1","type":"session.ended","accountId":"u","occurredAt":"2026-01-01T00:00:00Z","data":{"sessionId":"'), Buffer.from([0xe9, 0xff]), Buffer.from('"}}')]),
      '{"id":"nul","type":"session.ended","accountId":"u\u0000","occurredAt":"2026-01-01T00:00:00Z","data":{"sessionId":"s"}}'.replace('\\u0000', '\u0000'),
      `{"id":"deep","type":"session.ended","accountId":"u","occurredAt":"2026-01-01T00:00:00Z","data":{"sessionId":"s","x":${deep}}}`,
      JSON.stringify({ ...sessionEnded('unknown_type'), type: 'account.deleted' }),
      JSON.stringify({ ...sessionEnded('wrong_type'), accountId: 42 }),
      JSON.stringify({ ...sessionEnded('future'), occurredAt: new Date(Date.now() + 10 * 60_000).toISOString() }),
      JSON.stringify(sessionEnded('line_ok_1')),
    ];
    const body = Buffer.concat(lines.map((line) => Buffer.concat([Buffer.from(line), Buffer.from('\n')])));
    const answer = await postNdjson(app.url, alphaKey, body);
    expect(answer.status).toBe(200);
    const errors = answer.body.errors as { index: number; path: string; message: string }[];
    expect(answer.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 8 });
    const messageAt = (index: number): string => errors.find((e) => e.index === index)?.message ?? '';
    expect(messageAt(1)).toMatch(/invalid JSON/);
    expect(messageAt(2)).toMatch(/longer than the limit of 262144 bytes/);
    expect(messageAt(3)).toMatch(/not valid UTF-8/);
    expect(messageAt(4)).toMatch(/NUL/);
    expect(messageAt(5)).toMatch(/nested deeper/);
    expect(errors.find((e) => e.index === 6)?.path).toBe('type');
    expect(errors.find((e) => e.index === 7)?.path).toBe('accountId');
    expect(messageAt(8)).toMatch(/future/);
    expect(await storedIds(['evt_line_ok_0', 'evt_line_ok_1', 'evt_line_long', 'evt_future'])).toEqual([
      'evt_line_ok_0',
      'evt_line_ok_1',
    ]);
  });

  it('refuses a bad request as a whole: wrong content type, bad gzip, body over the limit', async () => {
    const json = await postNdjson(app.url, alphaKey, '{}', { 'content-type': 'application/json' });
    expect(json.status).toBe(415);
    const badGzip = await postNdjson(app.url, alphaKey, 'not gzip at all\n', { 'content-encoding': 'gzip' });
    expect(badGzip.status).toBe(400);
    expect(String(badGzip.body.message)).toMatch(/gzip/);
    const big = toNdjson(Array.from({ length: 30_000 }, (_, i) => sessionEnded(`big_${i}`)));
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    // Declared too large: refused before reading. Streamed (chunked) past the limit: cut there.
    expect((await rawPost(app.url, alphaKey, big, { 'content-length': String(big.length) })).status).toBe(413);
    expect((await rawPost(app.url, alphaKey, big, { 'transfer-encoding': 'chunked' })).status).toBe(413);
    // Gzip within the limit is fine, declared or sniffed.
    const small = toNdjson([sessionEnded('gz_1'), sessionEnded('gz_2')]);
    expect((await postNdjson(app.url, alphaKey, gzipSync(small), { 'content-encoding': 'gzip' })).body).toMatchObject({ accepted: 2 });
    expect((await postNdjson(app.url, alphaKey, gzipSync(small))).body).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it('stores payload text exactly as sent: line breaks, escapes and any Unicode, on every statement', async () => {
    // Batches reach PostgreSQL as one payload per line: a line break inside a value must stay
    // escaped in the JSON and come back as sent, whichever store statement writes it.
    const texts = [
      'first line\nsecond line\r\nthird\ttabbed',
      'quotes " and \\ backslashes \\n (not a line break)',
      'separators \u2028 and \u2029, Hangul 김철, emoji 🛰️',
      '',
    ];
    const report = (n: number, text: string): Record<string, unknown> => ({
      id: `text_${n}`,
      type: 'report.filed',
      accountId: 'u_text',
      occurredAt: recent(),
      data: { subjectAccountId: 'u_other', category: 'spam', text },
    });
    const sent = texts.map((text, n) => report(n, text));
    // Interleaved with other signals, and written by both statements: all new (GraphQL), then
    // a body that repeats one stored signal (the duplicate-skipping statement).
    expect(await ingestGraphql(app.url, alphaKey, [sessionEnded('text_a'), sent[0], sent[1], sessionEnded('text_b')])).toMatchObject({
      accepted: 4,
    });
    const body = toNdjson([sent[1], sessionEnded('text_c'), sent[2], sent[3]]);
    expect((await postNdjson(app.url, alphaKey, body)).body).toMatchObject({ accepted: 3, duplicates: 1 });
    const rows: { id: string; data: { text: string } }[] = await stack.dataSource.query(
      `SELECT id, data FROM signal WHERE marketplace_id = $1 AND id LIKE 'text_%' ORDER BY id`,
      [alphaId],
    );
    expect(rows.map((row) => [row.id, row.data.text])).toEqual(texts.map((text, n) => [`text_${n}`, text]));
  });

  it('counts a resent signal as a duplicate and changes nothing', async () => {
    const first = { ...sessionEnded('dup_1'), data: { sessionId: 'original' } };
    expect(await ingestGraphql(app.url, alphaKey, [first])).toMatchObject({ accepted: 1, duplicates: 0 });
    const batchesOf = (): Promise<number> =>
      countRows(stack.dataSource, `SELECT count(*) AS n FROM signal_batch WHERE marketplace_id = $1`, [alphaId]);
    const batchesBefore = await batchesOf();
    const changed = { ...first, data: { sessionId: 'changed' } };
    expect(await ingestGraphql(app.url, alphaKey, [changed, changed])).toMatchObject({ accepted: 0, duplicates: 2 });
    expect((await postNdjson(app.url, alphaKey, toNdjson([changed]))).body).toMatchObject({ accepted: 0, duplicates: 1 });
    // Nothing new, so no batch record and no detection job either.
    expect(await batchesOf()).toBe(batchesBefore);
    const rows: { data: { sessionId: string } }[] = await stack.dataSource.query(
      `SELECT data FROM signal WHERE marketplace_id = $1 AND id = 'evt_dup_1'`,
      [alphaId],
    );
    expect(rows).toEqual([{ data: { sessionId: 'original' } }]);
    // A batch written as all new meets the stored one, and is written again without it.
    expect(await ingestGraphql(app.url, alphaKey, [changed, sessionEnded('dup_2')])).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(await batchesOf()).toBe(batchesBefore + 1);
    const both = `SELECT count(*) AS n FROM signal WHERE marketplace_id = $1 AND id IN ('evt_dup_1', 'evt_dup_2')`;
    expect(await countRows(stack.dataSource, both, [alphaId])).toBe(2);
  });

  it('stores racing requests with the same ids exactly once, whatever their order', async () => {
    const signals = Array.from({ length: 1_500 }, (_, i) => sessionEnded(`race_${i}`, `u_race_${i % 40}`));
    const reversed = [...signals].reverse();
    const shuffled = [...signals].sort(() => Math.random() - 0.5);
    const answers = await Promise.all([
      postNdjson(app.url, alphaKey, toNdjson(signals)).then((a) => a.body as unknown as { accepted: number; duplicates: number }),
      postNdjson(app.url, alphaKey, toNdjson(reversed)).then((a) => a.body as unknown as { accepted: number; duplicates: number }),
      postNdjson(app.url, alphaKey, toNdjson(shuffled)).then((a) => a.body as unknown as { accepted: number; duplicates: number }),
      ingestGraphql(app.url, alphaKey, shuffled.slice(0, 500)),
      ingestGraphql(app.url, alphaKey, reversed.slice(0, 500)),
    ]);
    expect(answers.reduce((sum, a) => sum + a.accepted, 0)).toBe(1_500);
    expect(answers.reduce((sum, a) => sum + a.accepted + a.duplicates, 0)).toBe(5_500);
    expect(
      await countRows(stack.dataSource, `SELECT count(*) AS n FROM signal WHERE marketplace_id = $1 AND id LIKE 'evt_race_%'`, [alphaId]),
    ).toBe(1_500);
  });

  it('keeps pipelineStatus exact: the signals of batches detection has not finished', async () => {
    const before = await pipelineStatus(app.url, alphaKey);
    const answer = await ingestGraphql(app.url, alphaKey, [sessionEnded('ps_1'), sessionEnded('ps_2'), sessionEnded('ps_1')]);
    expect(answer).toMatchObject({ accepted: 2, duplicates: 1 });
    const after = await pipelineStatus(app.url, alphaKey);
    expect(after.backlog).toBe(before.backlog + 2);
    expect(after.oldestPendingAgeMs).toBeGreaterThanOrEqual(0);
    const stored = await countRows(stack.dataSource, `SELECT count(*) AS n FROM signal WHERE marketplace_id = $1`, [alphaId]);
    expect(after.backlog).toBe(stored);
    // One detection job per stored batch, never per signal.
    const jobs = await countRows(stack.dataSource, `SELECT count(*) AS n FROM signal_batch WHERE marketplace_id = $1`, [alphaId]);
    expect(jobs).toBeLessThan(stored / 5);
  });

  it('pseudonymises identifiers, links their variants, keeps raw values apart and out of the logs', async () => {
    const registered = (id: string, accountId: string, email: string, phone: string) => ({
      id,
      type: 'account.registered',
      accountId,
      occurredAt: recent(),
      data: { role: 'freelancer', email, phone, displayName: 'Kim', country: 'US' },
    });
    const wallet = '0x52908400098527886E0F7030069857D2E4169EE7';
    const answer = await ingestGraphql(app.url, alphaKey, [
      registered('pii_1', 'u_pii_1', 'Secret.Person+upwork@gmail.com', '(415) 555-2671'),
      registered('pii_2', 'u_pii_2', 'secretperson@GMAIL.com', '+1 415-555-2671'),
      {
        id: 'pii_3',
        type: 'payout_method.added',
        accountId: 'u_pii_1',
        occurredAt: recent(),
        data: { methodId: 'm', kind: 'crypto', instrument: wallet, chain: 'ethereum' },
      },
      {
        id: 'pii_4',
        type: 'session.started',
        accountId: 'u_pii_1',
        occurredAt: recent(),
        data: { sessionId: 's', ip: '198.51.100.77', deviceId: 'device-secret-77' },
      },
    ]);
    expect(answer.accepted).toBe(4);
    const rows: { id: string; data: Record<string, string> }[] = await stack.dataSource.query(
      `SELECT id, data FROM signal WHERE marketplace_id = $1 AND id LIKE 'pii_%' ORDER BY id`,
      [alphaId],
    );
    const stored = JSON.stringify(rows);
    for (const raw of ['Secret.Person', 'secretperson', '555', '198.51.100.77', 'device-secret-77']) {
      expect(stored).not.toContain(raw);
    }
    expect(rows[0].data.email).toBe(rows[1].data.email);
    expect(rows[0].data.phone).toBe(rows[1].data.phone);
    expect(rows[2].data.instrument).toBe(wallet);
    const linked = await countRows(
      stack.dataSource,
      `SELECT count(DISTINCT account_id) AS n FROM account_identifier WHERE marketplace_id = $1 AND pseudonym = $2`,
      [alphaId, rows[0].data.email],
    );
    expect(linked).toBe(2);
    const raw: { raw_value: string; retention: string }[] = await stack.dataSource.query(
      `SELECT raw_value, retention FROM identifier_raw_value WHERE marketplace_id = $1 AND pseudonym = $2`,
      [alphaId, rows[3].data.ip],
    );
    expect(raw).toEqual([{ raw_value: '198.51.100.77', retention: 'ip' }]);
    for (const secret of ['Secret.Person', '198.51.100.77', 'device-secret-77', alphaKey]) {
      expect(app.outputText()).not.toContain(secret);
    }

    // The same values from another marketplace are stored for that one too: what the process
    // remembers having stored is per marketplace.
    const gammaId = await stack.createMarketplace('gamma');
    const gammaKey = await stack.createApiKey('gamma', 'signals:write');
    expect(
      await ingestGraphql(app.url, gammaKey, [
        registered('pii_1', 'u_gamma_1', 'secretperson@gmail.com', '+1 415-555-2671'),
        { id: 'pii_4', type: 'session.started', accountId: 'u_gamma_1', occurredAt: recent(), data: { sessionId: 's', ip: '198.51.100.77' } },
      ]),
    ).toMatchObject({ accepted: 2 });
    expect(
      await countRows(
        stack.dataSource,
        `SELECT count(*) AS n FROM account_identifier WHERE marketplace_id = $1 AND pseudonym = $2 AND account_id = 'u_gamma_1'`,
        [gammaId, rows[0].data.email],
      ),
    ).toBe(1);
    expect(
      await stack.dataSource.query(`SELECT raw_value FROM identifier_raw_value WHERE marketplace_id = $1 AND pseudonym = $2`, [
        gammaId,
        rows[3].data.ip,
      ]),
    ).toEqual([{ raw_value: '198.51.100.77' }]);
  });

  it('ties every call to its key: 401 without a key, 403 without the scope, no access across marketplaces', async () => {
    expect((await postNdjson(app.url, null, toNdjson([sessionEnded('auth_1')]))).status).toBe(401);
    expect((await postNdjson(app.url, 'tns_key_000000000000_' + 'x'.repeat(43), toNdjson([sessionEnded('auth_1')]))).status).toBe(401);
    expect((await postNdjson(app.url, readOnlyKey, toNdjson([sessionEnded('auth_1')]))).status).toBe(403);
    const noScope = await graphql(app.url, readOnlyKey, 'mutation($s:[SignalInput!]!){ ingestSignals(signals:$s){ accepted } }', {
      s: [sessionEnded('auth_1')],
    });
    expect(noScope.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noKey = await graphql(app.url, null, '{ pipelineStatus { backlog } }');
    expect(noKey.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await storedIds(['evt_auth_1'])).toEqual([]);

    // Beta writes the same ids as alpha: they are beta's own, new, and alpha's backlog does not move.
    const alphaBefore = await pipelineStatus(app.url, alphaKey);
    const betaBefore = await pipelineStatus(app.url, betaKey);
    expect(betaBefore.backlog).toBe(0);
    expect(await ingestGraphql(app.url, betaKey, [sessionEnded('dup_1'), sessionEnded('ps_1')])).toMatchObject({
      accepted: 2,
      duplicates: 0,
    });
    expect((await pipelineStatus(app.url, betaKey)).backlog).toBe(2);
    expect((await pipelineStatus(app.url, alphaKey)).backlog).toBe(alphaBefore.backlog);
    const alphaRow: { data: { sessionId: string } }[] = await stack.dataSource.query(
      `SELECT data FROM signal WHERE marketplace_id = $1 AND id = 'evt_dup_1'`,
      [alphaId],
    );
    expect(alphaRow[0].data.sessionId).toBe('original');
  });

  it('refuses more than 500 signals a GraphQL call, and over-deep or over-costly queries', async () => {
    const tooMany = await graphql(app.url, alphaKey, 'mutation($s:[SignalInput!]!){ ingestSignals(signals:$s){ accepted } }', {
      s: Array.from({ length: 501 }, (_, i) => sessionEnded(`many_${i}`)),
    });
    expect(tooMany.body.errors?.[0]?.message).toMatch(/at most 500/);
    const deep = await graphql(
      app.url,
      alphaKey,
      `{ viewer { marketplace { id } } a: viewer { ...V } } fragment V on Viewer { ${'marketplace { id } '.repeat(1)} scopes }`,
    );
    expect(deep.body.errors).toBeUndefined();
    const aliases = Array.from({ length: 6_000 }, (_, i) => `a${i}: pipelineStatus { backlog }`).join(' ');
    const costly = await graphql(app.url, alphaKey, `{ ${aliases} }`);
    expect(costly.body.errors?.[0]?.message).toMatch(/too costly/);
  });
});

describe('ingestion limits', () => {
  let stack: TestStack;
  let app: AppProcess;

  beforeAll(async () => {
    stack = await TestStack.create(realBackends);
    await stack.createMarketplace('gamma');
    app = await stack.start('ingestion', {
      SIGNAL_MAX_BACKLOG: '5',
      API_KEY_RATE_PER_SEC: '0.2',
      API_KEY_RATE_BURST: '4',
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('answers 429 with Retry-After once the detection backlog passes the bound', async () => {
    const key = await stack.createApiKey('gamma', 'signals:write,risk:read');
    const body = toNdjson(Array.from({ length: 5 }, (_, i) => sessionEnded(`bp_${i}`)));
    expect((await postNdjson(app.url, key, body)).body).toMatchObject({ accepted: 5 });
    await sleep(1_100);
    const refused = await postNdjson(app.url, key, toNdjson([sessionEnded('bp_more')]));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const viaGraphql = await graphql(app.url, key, 'mutation($s:[SignalInput!]!){ ingestSignals(signals:$s){ accepted } }', {
      s: [sessionEnded('bp_more')],
    });
    expect(viaGraphql.body.errors?.[0]?.extensions?.code).toBe('OVERLOADED');
  });

  it('rate-limits each API key on its own', async () => {
    const key = await stack.createApiKey('gamma', 'signals:write,risk:read');
    const other = await stack.createApiKey('gamma', 'risk:read');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await graphql(app.url, key, '{ pipelineStatus { backlog } }');
      statuses.push(answer.body.errors?.[0]?.extensions?.code === 'OVERLOADED' ? 429 : 200);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await graphql(app.url, other, '{ pipelineStatus { backlog } }')).body.data?.pipelineStatus).toBeDefined();
    const http = await postNdjson(app.url, key, toNdjson([sessionEnded('rl')]));
    expect(http.status).toBe(429);
    expect(String(http.body.message)).toMatch(/rate limit/);
    expect(http.headers.get('retry-after')).toBeTruthy();
  });
});

describe('ingestion in production mode', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await TestStack.create(realBackends);
    await stack.createMarketplace('delta');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('refuses to start without a pseudonym key, naming the variable', async () => {
    const app = await stack.start('ingestion', { NODE_ENV: 'production' }, { waitFor: 'none' });
    await new Promise((resolve) => app.child.once('exit', resolve));
    expect(app.child.exitCode).toBe(1);
    expect(app.outputText()).toMatch(/PSEUDONYM_KEYS/);
  });

  it('turns introspection and field suggestions off', async () => {
    const app = await stack.start('ingestion', {
      NODE_ENV: 'production',
      PSEUDONYM_KEYS: `k1:${'a'.repeat(40)},k2:${'b'.repeat(40)}`,
      PSEUDONYM_CURRENT_KEY: 'k2',
    });
    try {
      const key = await stack.createApiKey('delta', 'signals:write,risk:read');
      const introspection = await graphql(app.url, key, '{ __schema { types { name } } }');
      expect(introspection.body.data ?? null).toBeNull();
      expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await graphql(app.url, key, '{ pipelineStatu { backlog } }');
      expect(typo.body.errors?.[0]?.message).toMatch(/Cannot query field/);
      expect(JSON.stringify(typo.body)).not.toMatch(/Did you mean/);
      const answer = await graphql(app.url, key, 'mutation($s:[SignalInput!]!){ ingestSignals(signals:$s){ accepted } }', {
        s: [{ ...sessionEnded('prod_1'), type: 'account.registered', data: { role: 'client', email: 'a@b.co', displayName: 'A', country: 'US' } }],
      });
      expect(answer.body.data?.ingestSignals?.accepted).toBe(1);
      const rows: { data: { email: string } }[] = await stack.dataSource.query(`SELECT data FROM signal WHERE id = 'evt_prod_1'`);
      expect(rows[0].data.email).toMatch(/^k2\./);
    } finally {
      await app.stop();
    }
  });
});

/** A valid signal of a cheap type; `n` makes its id. */
function sessionEnded(n: number | string, accountId = 'u_1'): Record<string, unknown> {
  return {
    id: `evt_${n}`,
    type: 'session.ended',
    accountId,
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    data: { sessionId: `s_${n}` },
  };
}

/**
 * POST with node:http, keeping the answer even when the server stops reading the body early
 * (a 413 is sent and the connection closed; fetch would report only the write error).
 */
function rawPost(
  url: string,
  key: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}/v1/signals`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}`, ...headers },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', (error) => setTimeout(() => reject(error), 500));
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    // In 64 KiB pieces, as a streaming client sends.
    for (let offset = 0; offset < bytes.length; offset += 65_536) request.write(bytes.subarray(offset, offset + 65_536));
    request.end();
  });
}
