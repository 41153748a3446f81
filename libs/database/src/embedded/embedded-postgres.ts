import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The zero-setup back end: PostgreSQL compiled to WebAssembly (PGlite), run in a worker
 * thread and served over the Postgres wire protocol (PgliteWireServer), so the application
 * talks to it exactly as to a real server.
 *
 * Two instances: one for application data, one for BullMQ's PostgreSQL back end
 * (measured: BullMQ needs its own instance with `search_path` pinned, because PGlite shares
 * session state across connections). The first process to start owns them and records their
 * ports in a lock file; other processes on the same data folder attach to them, so
 * `npm run start:<app>` works on a laptop too.
 */
export interface EmbeddedPostgres {
  readonly applicationUrl: string;
  readonly queueUrl: string;
  /** True when this process serves the databases (and must stop them). */
  readonly owned: boolean;
  stop(): Promise<void>;
}

interface LockRecord {
  pid: number;
  applicationPort: number;
  queuePort: number;
}

const QUEUE_SCHEMA = 'bullmq';
/** A first start (two initdb) takes ~10 s here; an owner silent for longer is not starting. */
const STARTUP_LIMIT_MS = 120_000;
let running: Promise<EmbeddedPostgres> | undefined;

/** One embedded server per process, whatever the number of Nest apps in it. */
export function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  running ??= openOrAttach(resolve(dataDir)).catch((error: unknown) => {
    running = undefined;
    throw error;
  });
  return running;
}

async function openOrAttach(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = join(dataDir, 'embedded-postgres.lock');
  for (let attempt = 0; attempt < STARTUP_LIMIT_MS / 200 + 10; attempt++) {
    const existing = await readLiveLock(lockPath);
    if (existing) return attached(existing);
    if (existing === null && tryCreateLock(lockPath)) return serve(dataDir, lockPath);
    // Another process is starting the servers right now: wait for its ports.
    await sleep(200);
  }
  throw new Error(`Embedded PostgreSQL: could not start or attach (lock ${lockPath})`);
}

/** A live lock, `undefined` while its owner is still starting, `null` when there is none (stale ones removed). */
async function readLiveLock(lockPath: string): Promise<LockRecord | null | undefined> {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch {
    return null;
  }
  const [pidText, rest] = text.split('\n', 2);
  const pid = Number(pidText);
  if (!isProcessAlive(pid)) {
    rmSync(lockPath, { force: true });
    return null;
  }
  const record = rest ? (JSON.parse(rest) as LockRecord) : undefined;
  if (record && (await isPortOpen(record.applicationPort))) return record;
  // Alive but not serving for this long: the pid was reused by an unrelated process.
  if (Date.now() - statSync(lockPath).mtimeMs > STARTUP_LIMIT_MS) {
    rmSync(lockPath, { force: true });
    return null;
  }
  return undefined;
}

function tryCreateLock(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx');
    writeFileSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return true;
  } catch {
    return false;
  }
}

async function serve(dataDir: string, lockPath: string): Promise<EmbeddedPostgres> {
  try {
    const worker = startServerThread(dataDir);
    const { applicationPort, queuePort } = await nextMessage<{ applicationPort: number; queuePort: number }>(
      worker,
      'ready',
    );
    writeFileSync(lockPath, `${process.pid}\n${JSON.stringify({ pid: process.pid, applicationPort, queuePort })}`);
    let stopped = false;
    return {
      applicationUrl: urlFor(applicationPort),
      queueUrl: urlFor(queuePort),
      owned: true,
      async stop() {
        if (stopped) return;
        stopped = true;
        worker.postMessage({ kind: 'stop' });
        await nextMessage(worker, 'stopped').catch(() => undefined);
        await worker.terminate();
        rmSync(lockPath, { force: true });
        running = undefined;
      },
    };
  } catch (error) {
    rmSync(lockPath, { force: true });
    throw error;
  }
}

/** The server thread runs compiled JS in production and TypeScript (through swc) in tests. */
function startServerThread(dataDir: string): Worker {
  const compiled = __filename.endsWith('.js');
  const script = join(__dirname, `embedded-postgres.worker.${compiled ? 'js' : 'ts'}`);
  return new Worker(script, {
    workerData: { dataDir, queueSchema: QUEUE_SCHEMA },
    execArgv: compiled ? [] : ['-r', '@swc-node/register'],
  });
}

function nextMessage<T>(worker: Worker, kind: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: { kind: string; message?: string } & T): void => {
      if (message.kind === kind) {
        cleanup();
        resolve(message);
      } else if (message.kind === 'failed') {
        cleanup();
        reject(new Error(`embedded PostgreSQL failed to start: ${message.message}`));
      }
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`embedded PostgreSQL thread exited (code ${code})`));
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('exit', onExit);
  });
}

function attached(record: LockRecord): EmbeddedPostgres {
  return {
    applicationUrl: urlFor(record.applicationPort),
    queueUrl: urlFor(record.queuePort),
    owned: false,
    stop: async () => {
      running = undefined;
    },
  };
}

const urlFor = (port: number): string => `postgres://postgres@127.0.0.1:${port}/postgres`;

function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));
