import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');

export type AppEntry = 'ingestion' | 'detection' | 'review' | 'enforcement' | 'all-in-one' | 'cli';

/** The variable naming the port an app serves its main HTTP endpoint on (none for the CLI). */
export const MAIN_PORT_VARIABLE: Record<AppEntry, string | undefined> = {
  ingestion: 'PORT',
  'all-in-one': 'PORT',
  review: 'REVIEW_PORT',
  detection: 'HEALTH_PORT',
  enforcement: 'HEALTH_PORT',
  cli: undefined,
};

/** One of the apps, built by the test run's global setup, running as its own OS process. */
export class AppProcess {
  readonly output: string[] = [];
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly app: AppEntry,
    /** The OS process, for tests that look at it directly. */
    readonly child: ChildProcess,
    private readonly env: Record<string, string | undefined>,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.exited = new Promise((done) =>
      child.on('exit', (code) => {
        this.exitCode = code;
        done(code);
      }),
    );
  }

  static start(app: AppEntry, env: Record<string, string | undefined>, args: string[] = []): AppProcess {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, `dist/apps/${app}/src/main.js`), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(app, child, env);
  }

  /**
   * http://127.0.0.1:<port> of the app's main endpoint: the marketplace API (ingestion, all-in-one),
   * the moderation API (review) or a worker's health endpoint, from the port it was started with.
   */
  get url(): string {
    const variable = MAIN_PORT_VARIABLE[this.app];
    const port = variable ? this.env[variable] : undefined;
    if (!port) throw new Error(`${this.app} was started without ${variable ?? 'an HTTP port'}`);
    return `http://127.0.0.1:${port}`;
  }

  /** Everything the process wrote so far, stdout and stderr (its log lines). */
  outputText(): string {
    return this.output.join('');
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Resolves with the exit code; rejects after `timeoutMs`. */
  async waitForExit(timeoutMs = 30_000): Promise<number | null> {
    return withDeadline(this.exited, timeoutMs, `${this.app} did not exit within ${timeoutMs} ms`);
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000): Promise<number | null> {
    if (!this.running) return this.exitCode ?? null;
    this.child.kill(signal);
    return this.waitForExit(timeoutMs);
  }

  /** Waits until GET url answers `status` (e.g. readiness 200 or 503). */
  async waitForStatus(url: string, status: number, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.app} exited (${this.exitCode}): ${this.output.join('').slice(-2000)}`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        last = `${response.status} ${await response.text()}`;
        if (response.status === status) return;
      } catch (error) {
        last = String(error);
      }
      await sleep(250);
    }
    throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms (last: ${last}); output: ${this.output.join('').slice(-2000)}`);
  }
}

export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`);
    await sleep(200);
    value = await probe();
  }
  return value;
}

/** Waits until `check` answers true; rejects after `timeoutMs`. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 30_000, what = 'condition'): Promise<void> {
  await eventually(check, (done) => done, timeoutMs, what);
}

export const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Runs the admin CLI against `env.DATABASE_URL` and returns the last line it printed. */
export async function cli(env: Record<string, string>, ...args: string[]): Promise<string> {
  const run = AppProcess.start('cli', { DATABASE_URL: env.DATABASE_URL }, args);
  const code = await run.waitForExit(30_000);
  const output = run.outputText().trim();
  if (code !== 0) throw new Error(`cli ${args.join(' ')} failed (${code}): ${output}`);
  return output.split('\n').pop()!;
}
