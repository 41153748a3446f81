import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgliteWireServer } from './pglite-wire-server';

/**
 * Runs in a worker thread: PGlite executes queries synchronously (WebAssembly), so keeping
 * it off the main thread keeps HTTP and queue work responsive while the database works.
 */
interface EmbeddedWorkerData {
  dataDir: string;
  queueSchema: string;
}

async function main(): Promise<void> {
  const { dataDir, queueSchema } = workerData as EmbeddedWorkerData;
  const application = await PGlite.create({ dataDir: join(dataDir, 'postgres') });
  const queue = await PGlite.create({ dataDir: join(dataDir, 'queue-postgres') });
  // One session for every connection: pin BullMQ's schema for all of them.
  await queue.exec(`CREATE SCHEMA IF NOT EXISTS ${queueSchema}; SET search_path TO ${queueSchema}, public`);
  const servers = [new PgliteWireServer(application), new PgliteWireServer(queue)];
  const [applicationPort, queuePort] = await Promise.all(servers.map((server) => server.listen('127.0.0.1', 0)));
  parentPort!.postMessage({ kind: 'ready', applicationPort, queuePort });
  parentPort!.on('message', (message: { kind: string }) => {
    if (message.kind !== 'stop') return;
    void (async () => {
      await Promise.all(servers.map((server) => server.close()));
      await Promise.all([application.close(), queue.close()]);
      parentPort!.postMessage({ kind: 'stopped' });
    })();
  });
}

main().catch((error: unknown) => {
  parentPort!.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
});
