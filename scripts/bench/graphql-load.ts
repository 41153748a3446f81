// Open-loop GraphQL load for the benchmarks, in a worker thread of its own: the bench's main
// thread holds generated data (a whole marketplace, a million signals), and its collection
// pauses would otherwise be measured as server latency. Sends the given bodies in order at
// `perSecond` until they run out or it is told to stop; answers each call's latency (ms).
// Plain node:http with keep-alive: the load generator shares the machine's cores with the server
// and PostgreSQL, and fetch (undici) cost it several times the CPU per call.
import { Agent, request } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { percentile } from './bench-harness';

interface LoadSettings {
  url: string;
  apiKey: string;
  /** Request bodies (JSON), sent in order. */
  bodies: string[];
  perSecond: number;
}

export interface CallLatencies {
  summary: string;
  p99: number;
}

/** Starts the load; `done` resolves when every body was sent, `stop()` ends it early. */
export function startGraphqlLoad(settings: LoadSettings): {
  stop(): Promise<CallLatencies>;
  done: Promise<CallLatencies>;
} {
  const worker = new Worker(__filename, { workerData: settings });
  const done = new Promise<CallLatencies>((resolve, reject) => {
    worker.once('message', (latencies: number[]) => {
      const sorted = [...latencies].sort((a, b) => a - b);
      const p99 = percentile(sorted, 99);
      resolve({
        p99,
        summary: `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms (${sorted.length} calls)`,
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

async function runLoad({ url, apiKey, bodies, perSecond }: LoadSettings): Promise<void> {
  let stopping = false;
  parentPort!.on('message', () => (stopping = true));
  const latencies: number[] = [];
  const inFlight: Promise<void>[] = [];
  const agent = new Agent({ keepAlive: true });
  const started = performance.now();
  for (let i = 0; i < bodies.length && !stopping; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sent = performance.now();
    inFlight.push(
      post(agent, `${url}/graphql`, apiKey, bodies[i]).then((text) => {
        const answer = JSON.parse(text) as { data?: unknown };
        if (!answer.data) throw new Error(`GraphQL call failed: ${text.slice(0, 300)}`);
        latencies.push(performance.now() - sent);
      }),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  parentPort!.postMessage(latencies);
}

function post(agent: Agent, url: string, apiKey: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const call = request(url, {
      method: 'POST',
      agent,
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    call.on('error', reject);
    call.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(text));
      response.on('error', reject);
    });
    call.end(body);
  });
}

if (!isMainThread) void runLoad(workerData as LoadSettings);
