// The `account` query load of bench:detect, in a worker thread of its own: the bench's main thread
// holds a whole generated marketplace, and its collection pauses would otherwise be measured as
// server latency. Open loop at `perSecond` until told to stop; answers the latencies (ms).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { percentile } from './bench-harness';

const ACCOUNT_QUERY = `query($id: ID!) { account(id: $id) {
  id riskScore riskLevel reasons { code family weight summary } cluster { id size } openCases { id queue status } } }`;

interface LoadSettings {
  url: string;
  apiKey: string;
  accountIds: string[];
  perSecond: number;
  /** Stop after this many queries (0: until told to stop). */
  count: number;
}

export interface QueryLatencies {
  latencies: number[];
  summary: string;
  p99: number;
}

/** Starts the load; `stop()` ends it and resolves with the latencies of every query answered. */
export function startAccountQueryLoad(settings: LoadSettings): {
  stop(): Promise<QueryLatencies>;
  done: Promise<QueryLatencies>;
} {
  const worker = new Worker(__filename, { workerData: settings });
  const done = new Promise<QueryLatencies>((resolve, reject) => {
    worker.once('message', (latencies: number[]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const p99 = percentile(sorted, 99);
      resolve({
        latencies: sorted,
        p99,
        summary: `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms (${sorted.length} queries)`,
      });
      void worker.terminate();
    });
    worker.once('error', reject);
  });
  return {
    done,
    stop: () => {
      worker.postMessage('stop');
      return done;
    },
  };
}

async function runLoad({ url, apiKey, accountIds, perSecond, count }: LoadSettings): Promise<void> {
  let stopping = false;
  parentPort!.on('message', () => (stopping = true));
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let seed = 1;
  for (let i = 0; !stopping && (count === 0 || i < count); i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    seed = (seed * 48271) % 2147483647;
    const id = accountIds[seed % accountIds.length];
    const sent = performance.now();
    inFlight.push(
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ query: ACCOUNT_QUERY, variables: { id } }),
      }).then(async (response) => {
        const answer = (await response.json()) as { data?: unknown };
        if (!answer.data) throw new Error(`account query failed: ${JSON.stringify(answer).slice(0, 300)}`);
        latencies.push(performance.now() - sent);
      }),
    );
  }
  await Promise.all(inFlight);
  parentPort!.postMessage(latencies);
}

if (!isMainThread) void runLoad(workerData as LoadSettings);
