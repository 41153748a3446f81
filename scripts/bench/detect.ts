// `npm run bench:detect [-- --accounts 3000 --days 21 --steady-rate 1000 --steady-seconds 60 --account-queries 6000]`
//   `--cpu-prof-dir DIR` also writes a CPU profile of the detection process there.
//
// Detection end to end against the real PostgreSQL (DATABASE_ADMIN_URL) and Redis (REDIS_URL), on
// the demo marketplace (seed tns-demo-1: ordinary accounts, look-alikes, rings) in a throwaway
// database. The ingestion and detection apps run from dist/ as in production. One run measures:
//   1. throughput: the first part of the marketplace (all but the last steady-rate × steady-seconds
//      signals, in arrival order) is ingested with detection stopped, then the detection worker
//      is started and the backlog timed until it is drained: signals/s through detection;
//   2. latency: the rest is sent at a steady rate (100-signal calls, open loop) with the worker
//      running; acceptance → updated risk per signal is read off the batches (accepted_at →
//      detected_at; detection stores risk, clusters and cases in the transaction that sets
//      detected_at), p50/p99;
//   3. the `account` query (contract §4, every field), p50/p99, during the steady phase (50/s)
//      and alone afterwards (200/s), sent from a worker thread of its own (graphql-load.ts);
// and the detection quality on the whole marketplace (the demo's figures), as a check that the
// measured work is the real work.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DemoApiClient, arrivalOrder, sendAll } from '../demo/demo-api-client';
import { computeMetrics, formatReport } from '../demo/detection-metrics';
import { writeDemoIpIntelManifest } from '../demo/ip-pools';
import { DEFAULT_SEED, generateMarketplace } from '../demo/marketplace-generator';
import { Random } from '../demo/prng';
import { startGraphqlLoad } from './graphql-load';
import {
  createBenchEnvironment,
  cpuSeconds,
  describeMachine,
  formatRate,
  log,
  option,
  peakRssMb,
  INGESTION_NODE_ARGUMENTS,
  startApp,
  textOption,
  type RunningApp,
} from './bench-harness';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (since: number): number => (performance.now() - since) / 1000;

/** Signals accepted whose detection is not finished (what pipelineStatus counts), read directly. */
async function backlog(database: Client): Promise<number> {
  const rows = await database.query<{ pending: string | null }>(
    `SELECT sum(signal_count) AS pending FROM signal_batch WHERE detected_at IS NULL`,
  );
  return Number(rows.rows[0].pending ?? 0);
}

async function waitForDrain(database: Client, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await backlog(database)) > 0) {
    if (Date.now() > deadline) throw new Error(`detection backlog not drained within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** Percentiles of a per-signal distribution given as (value, count) batches. */
function weightedPercentiles(batches: { value: number; count: number }[], ps: number[]): number[] {
  const sorted = [...batches].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, batch) => sum + batch.count, 0);
  return ps.map((p) => {
    let seen = 0;
    for (const batch of sorted) {
      seen += batch.count;
      if (seen >= (p / 100) * total) return batch.value;
    }
    return sorted[sorted.length - 1]?.value ?? 0;
  });
}

const ACCOUNT_QUERY = `query($id: ID!) { account(id: $id) {
  id riskScore riskLevel reasons { code family weight summary } cluster { id size } openCases { id queue status } } }`;

/** `count` account queries (every contract §4 field) for accounts drawn from `accountIds`. */
function accountQueries(accountIds: readonly string[], count: number, seed: number): string[] {
  const random = new Random(`bench:queries:${seed}`);
  return Array.from({ length: count }, () =>
    JSON.stringify({
      query: ACCOUNT_QUERY,
      variables: { id: accountIds[random.int(0, accountIds.length - 1)] },
    }),
  );
}

async function main(): Promise<void> {
  const accounts = option('accounts', 3000);
  const days = option('days', 21);
  const steadyRate = option('steady-rate', 1000);
  const steadySeconds = option('steady-seconds', 60);
  const idleQueries = option('account-queries', 6000);
  const environment = await createBenchEnvironment();
  const manifestDir = mkdtempSync(join(tmpdir(), 'tns-bench-ipintel-'));
  const database = new Client({ connectionString: environment.databaseUrl });
  await database.connect();
  const apps: RunningApp[] = [];
  try {
    log(`machine: ${describeMachine()}`);
    log(`PostgreSQL ${environment.serverVersion}`);
    let started = performance.now();
    const market = await generateMarketplace({ seed: DEFAULT_SEED, accounts, days });
    const ordered = arrivalOrder(market.signals, new Random(`${market.seed}:arrival`));
    const steadyCount = Math.min(steadyRate * steadySeconds, Math.floor(ordered.length / 3));
    const history = ordered.slice(0, ordered.length - steadyCount);
    const live = ordered.slice(history.length);
    log(
      `demo marketplace (seed ${market.seed}): ${market.truth.size} accounts, ${ordered.length} signals over ${days} days, generated in ${seconds(started).toFixed(1)} s`,
    );

    const ingestion = await startApp(
      'ingestion',
      environment,
      {
        SIGNAL_MAX_BACKLOG: '100000000',
        API_KEY_RATE_PER_SEC: '100000',
        API_KEY_RATE_BURST: '100000',
        PSEUDONYM_KEYS: `bench:${randomBytes(32).toString('hex')}`,
      },
      INGESTION_NODE_ARGUMENTS,
    );
    apps.push(ingestion);
    const client = new DemoApiClient(ingestion.url, environment.apiKey);

    // 1. Throughput: a backlog of `history`, drained by one detection worker.
    started = performance.now();
    const loaded = await sendAll(client, history, { chunkSize: 5000, concurrency: 2 });
    if (loaded.rejected > 0)
      throw new Error(
        `the marketplace's signals were rejected: ${JSON.stringify(loaded.errors.slice(0, 3))}`,
      );
    log(
      `ingested ${formatRate(history.length)} signals with detection stopped: ${formatRate(history.length / seconds(started))} signals/s`,
    );
    const profileDir = textOption('cpu-prof-dir');
    const detection = await startApp(
      'detection',
      environment,
      { IP_INTEL_MANIFEST: writeDemoIpIntelManifest(manifestDir) },
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    apps.push(detection);
    const pending = await backlog(database);
    const cpuAtStart = cpuSeconds(detection.pid);
    started = performance.now();
    await waitForDrain(database, 3_600_000);
    const drainSeconds = seconds(started);
    const throughput = pending / drainSeconds;
    log(
      `detection drained ${formatRate(pending)} signals in ${drainSeconds.toFixed(1)} s: ${formatRate(throughput)} signals/s ` +
        `(detection process ${(cpuSeconds(detection.pid) - cpuAtStart).toFixed(1)} CPU-s, peak RSS ${peakRssMb(detection.pid).toFixed(0)} MB)`,
    );

    // 2 + 3. Steady stream with the worker running, and `account` queries beside it.
    const accountIds = [...market.truth.keys()];
    const underLoad = startGraphqlLoad({
      url: ingestion.url,
      apiKey: environment.apiKey,
      bodies: accountQueries(accountIds, 50 * (steadySeconds + 600), 1),
      perSecond: 50,
    });
    const steadyStart = new Date();
    const perCall = Math.max(1, Math.round(steadyRate / 10));
    const calls: Promise<unknown>[] = [];
    started = performance.now();
    for (let from = 0, call = 0; from < live.length; from += perCall, call++) {
      await sleep(Math.max(0, started + call * 100 - performance.now()));
      calls.push(client.postSignals(live.slice(from, from + perCall)));
    }
    const sendSeconds = seconds(started);
    await waitForDrain(database, 600_000);
    const duringSteady = await underLoad.stop();
    await Promise.all(calls);
    const batches = await database.query<{ count: number; ms: number }>(
      `SELECT signal_count AS count, extract(epoch FROM detected_at - accepted_at) * 1000 AS ms
       FROM signal_batch WHERE accepted_at >= $1 AND signal_count > 0`,
      [steadyStart],
    );
    const [p50, p99, max] = weightedPercentiles(
      batches.rows.map((row) => ({ value: Number(row.ms), count: row.count })),
      [50, 99, 100],
    );
    log(
      `steady ${formatRate(live.length / sendSeconds)} signals/s for ${sendSeconds.toFixed(0)} s (${perCall}-signal calls): ` +
        `acceptance → risk p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${max.toFixed(0)} ms`,
    );
    log(`account query during the steady stream (50/s): ${duringSteady.summary}`);
    const alone = await startGraphqlLoad({
      url: ingestion.url,
      apiKey: environment.apiKey,
      bodies: accountQueries(accountIds, idleQueries, 2),
      perSecond: 200,
    }).done;
    log(`account query alone (200/s): ${alone.summary}`);

    const metrics = computeMetrics(market.truth, await client.verdicts(accountIds));
    log(`detection quality on this marketplace:\n${formatReport(metrics)}`);
    const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');
    log(`target throughput ≥ 5,000 signals/s: ${verdict(throughput >= 5000)}`);
    log(`target acceptance → risk p99 < 2 s at ${steadyRate} signals/s: ${verdict(p99 < 2000)}`);
    log(
      `target account query p99 < 20 ms: ${verdict(alone.p99 < 20)} alone; ${verdict(duringSteady.p99 < 20)} during the steady stream (all apps, PostgreSQL and the load on the same cores)`,
    );
  } finally {
    for (const app of apps.reverse()) await app.stop();
    await database.end();
    await environment.dispose();
    rmSync(manifestDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`bench-detect failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
