// The demo's only way into the system: the public marketplace API (contract §3 and §4).
// NDJSON bulk upload with back-off on 429/503, pipelineStatus polling, accounts(ids) in chunks.

import { Signal } from '@tns/domain/signals';
import { AccountVerdict } from './detection-metrics';
import { Random } from './prng';

export interface IngestCounts {
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: { index: number; id: string | null; path: string; message: string }[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class DemoApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  /** POSTs one NDJSON body; waits and retries while the system asks to slow down. */
  async postSignals(signals: readonly Signal[]): Promise<IngestCounts> {
    const body = signals.map((signal) => JSON.stringify(signal)).join('\n') + '\n';
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${this.baseUrl}/v1/signals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/x-ndjson' },
        body,
      });
      if ((response.status === 429 || response.status === 503) && attempt < 120) {
        const retryAfter = Number(response.headers.get('retry-after'));
        await response.body?.cancel();
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 2000);
        continue;
      }
      const text = await response.text();
      if (!response.ok)
        throw new Error(`POST /v1/signals answered ${response.status}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as IngestCounts;
    }
  }

  async graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const payload = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (payload.errors?.length || !payload.data) {
      throw new Error(
        `GraphQL error: ${payload.errors?.map((error) => error.message).join('; ') ?? response.status}`,
      );
    }
    return payload.data;
  }

  async pipelineStatus(): Promise<{ backlog: number; oldestPendingAgeMs: number | null }> {
    const data = await this.graphql<{
      pipelineStatus: { backlog: number; oldestPendingAgeMs: number | null };
    }>('{ pipelineStatus { backlog oldestPendingAgeMs } }');
    return data.pipelineStatus;
  }

  /** Polls until the backlog is 0 (twice in a row: work may be re-queued between two reads). */
  async waitForDrain(options: {
    timeoutMs: number;
    onProgress?: (backlog: number, oldestMs: number | null) => void;
  }): Promise<void> {
    const deadline = Date.now() + options.timeoutMs;
    let zeros = 0;
    while (Date.now() < deadline) {
      const status = await this.pipelineStatus();
      options.onProgress?.(status.backlog, status.oldestPendingAgeMs);
      zeros = status.backlog === 0 ? zeros + 1 : 0;
      if (zeros >= 2) return;
      await sleep(1000);
    }
    throw new Error(`the detection backlog did not drain within ${Math.round(options.timeoutMs / 1000)} s`);
  }

  /** Verdicts for `ids`, 100 per query (the contract's bound). */
  async verdicts(ids: readonly string[]): Promise<Map<string, AccountVerdict>> {
    const verdicts = new Map<string, AccountVerdict>();
    const query = `query($ids: [ID!]!) { accounts(ids: $ids) { id riskLevel cluster { id size } openCases { id } } }`;
    for (let offset = 0; offset < ids.length; offset += 100) {
      const chunk = ids.slice(offset, offset + 100);
      const data = await this.graphql<{ accounts: (AccountRow | null)[] }>(query, { ids: chunk });
      data.accounts.forEach((row, index) => {
        if (row) verdicts.set(chunk[index], toVerdict(row));
      });
    }
    return verdicts;
  }
}

interface AccountRow {
  id: string;
  riskLevel: string;
  cluster: { id: string; size: number } | null;
  openCases: { id: string }[];
}

function toVerdict(row: AccountRow): AccountVerdict {
  return {
    flagged: row.riskLevel === 'HIGH' || row.riskLevel === 'CRITICAL' || row.openCases.length > 0,
    riskLevel: row.riskLevel,
    ...(row.cluster ? { clusterId: row.cluster.id } : {}),
  };
}

/**
 * Arrival order as a real integration produces it: roughly chronological, but shuffled within
 * windows, and a few signals held back and delivered much later (retries, mobile clients
 * catching up). The contract says the result must not depend on arrival order.
 */
export function arrivalOrder(
  signals: readonly Signal[],
  rng: Random,
  window = 2000,
  lateShare = 0.02,
): Signal[] {
  const onTime: Signal[] = [];
  const late: Signal[] = [];
  for (const signal of signals) (rng.chance(lateShare) ? late : onTime).push(signal);
  const ordered: Signal[] = [];
  for (let offset = 0; offset < onTime.length; offset += window)
    ordered.push(...rng.shuffle(onTime.slice(offset, offset + window)));
  for (const signal of late)
    ordered.splice(rng.int(Math.floor(ordered.length / 2), ordered.length), 0, signal);
  return ordered;
}

/** Sends in chunks with a few requests in flight; returns the summed counts. */
export async function sendAll(
  client: DemoApiClient,
  signals: readonly Signal[],
  options: { chunkSize: number; concurrency: number; onProgress?: (sent: number) => void },
): Promise<IngestCounts> {
  const total: IngestCounts = { accepted: 0, duplicates: 0, rejected: 0, errors: [] };
  const chunks: Signal[][] = [];
  for (let offset = 0; offset < signals.length; offset += options.chunkSize)
    chunks.push(signals.slice(offset, offset + options.chunkSize));
  let next = 0;
  let sent = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      const counts = await client.postSignals(chunk);
      total.accepted += counts.accepted;
      total.duplicates += counts.duplicates;
      total.rejected += counts.rejected;
      total.errors.push(...counts.errors.slice(0, Math.max(0, 20 - total.errors.length)));
      sent += chunk.length;
      options.onProgress?.(sent);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return total;
}
