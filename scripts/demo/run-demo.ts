// npm run demo [-- --seed S --accounts N --days D --strict]
// npm run demo -- --write-ip-manifest <folder>   (writes the IP-intel manifest to start the system with)
//
// Generates the demo marketplace, sends it through the public API of a running system, waits
// for detection to drain and prints detection quality against the truth.
//   DEMO_API_URL  marketplace API (default http://127.0.0.1:3000)
//   DEMO_API_KEY  key with signals:write,risk:read; absent: a fresh marketplace and key are
//                 created with the admin CLI (dist/apps/cli, needs `npm run build`) against
//                 DATABASE_URL, or the embedded default database when that is unset.
//   DEMO_IPINTEL_DIR  folder of the anonymiser lists (default ../shared/data/ipintel)
// Exit code: 0, unless --strict and a target is missed (1), or the run fails (2).

import path from 'node:path';
import { DemoApiClient, arrivalOrder, sendAll } from './demo-api-client';
import { provisionDemoMarketplace } from './demo-provisioning';
import { computeMetrics, formatReport, missedTargets } from './detection-metrics';
import { DEFAULT_SEED, generateMarketplace } from './marketplace-generator';
import { writeDemoIpIntelManifest } from './ip-pools';
import { Random } from './prng';

interface DemoArguments {
  seed: string;
  accounts: number;
  days: number;
  strict: boolean;
  chunkSize: number;
  drainTimeoutMs: number;
}

function optionValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(`--${name}`);
  return index >= 0 ? argv[index + 1] : undefined;
}

function parseArguments(argv: readonly string[]): DemoArguments {
  const value = (name: string): string | undefined => optionValue(argv, name);
  return {
    seed: value('seed') ?? process.env.DEMO_SEED ?? DEFAULT_SEED,
    accounts: Number(value('accounts') ?? 3000),
    days: Number(value('days') ?? 21),
    strict: argv.includes('--strict'),
    chunkSize: Number(value('chunk') ?? 5000),
    drainTimeoutMs: Number(value('drain-timeout') ?? 1800) * 1000,
  };
}

const log = (message: string): void => {
  process.stderr.write(`[demo] ${message}\n`);
};

async function resolveApiKey(): Promise<string> {
  if (process.env.DEMO_API_KEY) return process.env.DEMO_API_KEY;
  const slug = `demo-${Date.now().toString(36)}`;
  log(
    `DEMO_API_KEY not set: creating marketplace "${slug}" and a key with the CLI (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded database'})`,
  );
  return (await provisionDemoMarketplace(slug)).apiKey;
}

async function main(): Promise<number> {
  const manifestFolder = optionValue(process.argv, 'write-ip-manifest');
  if (manifestFolder) {
    // Step one for a newcomer: the system must see the same anonymiser lists the demo draws from.
    process.stdout.write(`${writeDemoIpIntelManifest(path.resolve(manifestFolder))}\n`);
    return 0;
  }
  const args = parseArguments(process.argv.slice(2));
  const baseUrl = (process.env.DEMO_API_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const client = new DemoApiClient(baseUrl, await resolveApiKey());
  await client.pipelineStatus(); // fails fast on a wrong URL or key

  const started = Date.now();
  const market = await generateMarketplace({ seed: args.seed, accounts: args.accounts, days: args.days });
  log(
    `generated ${market.truth.size} accounts, ${market.signals.length} signals (seed ${market.seed}, ${market.startAt.toISOString()} .. ${market.endAt.toISOString()}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );

  const ordered = arrivalOrder(market.signals, new Random(`${market.seed}:arrival`));
  const sendStarted = Date.now();
  let lastReport = 0;
  const counts = await sendAll(client, ordered, {
    chunkSize: args.chunkSize,
    concurrency: 2,
    onProgress: (sent) => {
      if (Date.now() - lastReport > 5000 || sent === ordered.length) {
        lastReport = Date.now();
        log(`sent ${sent}/${ordered.length}`);
      }
    },
  });
  log(
    `sent in ${((Date.now() - sendStarted) / 1000).toFixed(1)} s: accepted ${counts.accepted}, duplicates ${counts.duplicates}, rejected ${counts.rejected}`,
  );
  for (const error of counts.errors.slice(0, 5))
    log(`  rejected #${error.index} ${error.id}: ${error.path} ${error.message}`);

  const drainStarted = Date.now();
  let lastBacklog = -1;
  await client.waitForDrain({
    timeoutMs: args.drainTimeoutMs,
    onProgress: (backlog, oldest) => {
      if (backlog !== lastBacklog)
        log(`backlog ${backlog}${oldest ? `, oldest pending ${Math.round(oldest / 1000)} s` : ''}`);
      lastBacklog = backlog;
    },
  });
  log(`backlog drained in ${((Date.now() - drainStarted) / 1000).toFixed(1)} s`);

  const verdicts = await client.verdicts([...market.truth.keys()]);
  const metrics = computeMetrics(market.truth, verdicts);
  process.stdout.write(`${formatReport(metrics)}\n`);
  return args.strict && missedTargets(metrics).length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
