import { randomBytes } from 'node:crypto';
import { AppProcess, cli, graphql } from '@tns/testing';
import { describeWithRealBackends } from '../requirements';
import { appEnvironment } from './platform-harness';

describeWithRealBackends('marketplace and moderator access (ingestion + review apps)', () => {
  let env: Record<string, string>;
  let ingestion: AppProcess;
  let review: AppProcess;
  const slugA = `a-${randomBytes(4).toString('hex')}`;
  const slugB = `b-${randomBytes(4).toString('hex')}`;
  let keyA: string;
  let keyB: string;

  beforeAll(async () => {
    env = await appEnvironment();
    await cli(env, 'marketplace', 'create', slugA, '--name', 'Marketplace A');
    await cli(env, 'marketplace', 'create', slugB);
    keyA = await cli(env, 'api-key', 'create', '--marketplace', slugA, '--scopes', 'signals:write,risk:read');
    keyB = await cli(env, 'api-key', 'create', '--marketplace', slugB, '--scopes', 'risk:read');
    ingestion = AppProcess.start('ingestion', env);
    review = AppProcess.start('review', env);
    await ingestion.waitForStatus(`http://127.0.0.1:${env.PORT}/health/ready`, 200);
    await review.waitForStatus(`http://127.0.0.1:${env.REVIEW_PORT}/health/ready`, 200);
  });

  afterAll(async () => {
    await Promise.all([ingestion?.stop(), review?.stop()]);
  });

  it('serves liveness, readiness and Prometheus metrics without credentials', async () => {
    const live = await fetch(`http://127.0.0.1:${env.PORT}/health/live`);
    expect(live.status).toBe(200);
    const ready = (await (await fetch(`http://127.0.0.1:${env.PORT}/health/ready`)).json()) as {
      checks: Record<string, { ok: boolean }>;
    };
    expect(ready.checks).toEqual({ database: { ok: true }, queue: { ok: true } });
    const metrics = await (await fetch(`http://127.0.0.1:${env.REVIEW_PORT}/metrics`)).text();
    expect(metrics).toContain('tns_process_cpu_user_seconds_total');
    // The requests above were timed in the server, per route and status class.
    const served = await (await fetch(`http://127.0.0.1:${env.PORT}/metrics`)).text();
    expect(served).toMatch(/^tns_http_request_duration_seconds_count\{method="GET",route="\/health\/ready",status="2xx"\} [1-9]/m);
  });

  it('resolves each key to its own marketplace only', async () => {
    const asA = await graphql(ingestion.url, keyA, '{ viewer { marketplace { slug name } scopes } }');
    expect(asA.body.data).toEqual({
      viewer: { marketplace: { slug: slugA, name: 'Marketplace A' }, scopes: ['signals:write', 'risk:read'] },
    });
    const asB = await graphql(ingestion.url, keyB, '{ viewer { marketplace { slug } } }');
    expect(asB.body.data).toEqual({ viewer: { marketplace: { slug: slugB } } });
  });

  it('answers 401 without a key or with a forged one', async () => {
    const none = await graphql(ingestion.url, null, '{ viewer { scopes } }');
    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = keyA.slice(0, -4) + 'AAAA';
    const withForged = await graphql(ingestion.url, forged, '{ viewer { scopes } }');
    expect(withForged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets a moderator in once per login token, with a session that the review API honours', async () => {
    const email = `mod-${randomBytes(3).toString('hex')}@example.test`;
    const loginToken = await cli(env, 'moderator', 'create', email, '--role', 'senior', '--marketplace', slugA);
    const login = `mutation($t: String!) { login(loginToken: $t) { token expiresAt } }`;
    const first = await graphql(review.url, null, login, { t: loginToken });
    const session = (first.body.data?.login as { token: string }).token;
    expect(session).toMatch(/^tns_session_/);

    const again = await graphql(review.url, null, login, { t: loginToken });
    expect(again.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const me = await graphql(review.url, session, '{ me { email role } }');
    expect(me.body.data).toEqual({ me: { email, role: 'senior' } });
    const anonymous = await graphql(review.url, null, '{ me { email } }');
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A marketplace API key is not a moderator session.
    const withApiKey = await graphql(review.url, keyA, '{ me { email } }');
    expect(withApiKey.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    await graphql(review.url, session, 'mutation { logout }');
    const afterLogout = await graphql(review.url, session, '{ me { email } }');
    expect(afterLogout.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
