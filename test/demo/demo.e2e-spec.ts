// The demo marketplace, smaller (400 accounts over 7 days), end to end through the public API of
// the one-process system: signals in via POST /v1/signals in shuffled arrival order, wait for the
// backlog to drain, then detection quality against the generator's truth must meet the targets.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppProcess, cli } from '@tns/testing';
import { describeWithRealBackends } from '../requirements';
import { appEnvironment } from '../platform/platform-harness';
import { arrivalOrder, DemoApiClient, sendAll } from '../../scripts/demo/demo-api-client';
import {
  computeMetrics,
  DetectionMetrics,
  formatReport,
  missedTargets,
} from '../../scripts/demo/detection-metrics';
import { writeDemoIpIntelManifest } from '../../scripts/demo/ip-pools';
import { generateMarketplace, GeneratedMarketplace } from '../../scripts/demo/marketplace-generator';
import { Random } from '../../scripts/demo/prng';

jest.setTimeout(600_000);

describeWithRealBackends('demo marketplace through the public API (all-in-one)', () => {
  let app: AppProcess;
  let market: GeneratedMarketplace;
  let metrics: DetectionMetrics;

  beforeAll(async () => {
    // The system gets the same anonymiser lists the generator drew its addresses from.
    const manifest = writeDemoIpIntelManifest(mkdtempSync(path.join(tmpdir(), 'tns-demo-e2e-')));
    const env = await appEnvironment({ IP_INTEL_MANIFEST: manifest });
    const slug = `demo-${randomBytes(4).toString('hex')}`;
    await cli(env, 'marketplace', 'create', slug);
    const apiKey = await cli(
      env,
      'api-key',
      'create',
      '--marketplace',
      slug,
      '--scopes',
      'signals:write,risk:read',
    );
    app = AppProcess.start('all-in-one', env);
    await app.waitForStatus(`http://127.0.0.1:${env.PORT}/health/ready`, 200, 120_000);

    market = await generateMarketplace({ seed: 'demo-e2e', accounts: 400, days: 7 });
    const client = new DemoApiClient(`http://127.0.0.1:${env.PORT}`, apiKey);
    const counts = await sendAll(client, arrivalOrder(market.signals, new Random('demo-e2e:arrival')), {
      chunkSize: 2000,
      concurrency: 2,
    });
    expect(counts).toMatchObject({ accepted: market.signals.length, rejected: 0 });
    await client.waitForDrain({ timeoutMs: 300_000 });
    metrics = computeMetrics(market.truth, await client.verdicts([...market.truth.keys()]));
    process.stdout.write(`\n${formatReport(metrics)}\n`);
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('assesses every account it was told about', () => {
    expect(metrics.accounts).toBe(market.truth.size);
    expect(metrics.fraudulent).toBeGreaterThanOrEqual(9);
  });

  it('flags fraud with precision ≥ 0.97 and recall ≥ 0.95', () => {
    expect({ precision: metrics.precision >= 0.97, recall: metrics.recall >= 0.95 }).toEqual({
      precision: true,
      recall: true,
    });
  });

  it('keeps every look-alike kind at or under 2 % false positives', () => {
    const over = metrics.lookalikes
      .filter((kind) => kind.rate > 0.02)
      .map((kind) => `${kind.kind} ${kind.flagged}/${kind.accounts}`);
    expect(over).toEqual([]);
  });

  it('puts at least 90 % of each ring in one cluster', () => {
    expect(missedTargets(metrics).filter((line) => line.startsWith('ring-'))).toEqual([]);
  });
});
