import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createDataSource, OutboxRepository, ProcessedMessageRepository } from '@tns/database';
import { eventually } from '@tns/testing';
import { OutboxRelay } from './outbox-relay';
import { redisConnectionFromUrl, type QueueBackend } from './queue-backend';
import { QueueHealth } from './queue-health';

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
// Needs the run database and Redis that test/global-setup.ts provides; without them (embedded-only
// machines) the suite is reported as skipped rather than passed, since a relay needs a real queue.
const describeReal = databaseUrl && redisUrl ? describe : describe.skip;

describeReal('OutboxRelay on PostgreSQL and Redis', () => {
  const queueName = `outbox-test-${randomBytes(4).toString('hex')}`;
  const connection = redisConnectionFromUrl(redisUrl ?? 'redis://127.0.0.1:6379');
  const backend: QueueBackend = { kind: 'redis', connection, prefix: 'tnstest', description: 'test' };
  let dataSource: DataSource;
  let outbox: OutboxRepository;
  let processed: ProcessedMessageRepository;
  let queue: Queue;
  let health: QueueHealth;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    dataSource = await createDataSource({ url: databaseUrl!, poolSize: 4, applicationName: 'outbox-test' }).initialize();
    outbox = new OutboxRepository(dataSource);
    processed = new ProcessedMessageRepository(dataSource);
    queue = new Queue(queueName, { connection, prefix: 'tnstest' });
    health = new QueueHealth(backend, '');
    await eventually(() => health.isHealthy(), (ok) => ok, 5_000, 'redis health');
  });

  afterAll(async () => {
    await dataSource.query(`DELETE FROM outbox_message WHERE queue = $1`, [queueName]);
    await queue.obliterate({ force: true });
    await queue.close();
    await health.close();
    await dataSource.destroy();
  });

  const relay = (repository: OutboxRepository = outbox): OutboxRelay =>
    new OutboxRelay(repository, new Map([[queueName, queue]]), health, logger, {
      pollMs: 50,
      batchSize: 100,
      leaseMs: 30_000,
      sendTimeoutMs: 5_000,
    });

  const enqueue = (count: number, tag: string): Promise<void> =>
    dataSource.transaction((manager) =>
      outbox.add(
        manager,
        Array.from({ length: count }, (_, index) => ({ queue: queueName, jobName: 'test', payload: { tag, index } })),
      ),
    );

  it('never sends what a rolled-back transaction wrote', async () => {
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.add(manager, [{ queue: queueName, jobName: 'test', payload: { tag: 'rolled-back' } }]);
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    expect(await relay().relayOnce()).toBe(0);
  });

  it('makes a relay crash between sending and deleting a repeat for consumers, never a double effect', async () => {
    await enqueue(30, 'crash');
    let effects = 0;
    let repeats = 0;
    const worker = new Worker(
      queueName,
      async (job) => {
        const done = await processed.runOnce('outbox-test', String(job.data.index), async () => {
          effects++;
        });
        if (!done) repeats++;
      },
      { connection, prefix: 'tnstest', concurrency: 4, removeOnComplete: { count: 0 } },
    );

    // The relay "dies" after the queue accepted the batch, before deleting the rows.
    class DyingOutbox extends OutboxRepository {
      override complete(): Promise<void> {
        return Promise.reject(new Error('killed before complete'));
      }
    }
    expect(await relay(new DyingOutbox(dataSource)).relayOnce()).toBe(0);
    await eventually(async () => effects, (n) => n === 30, 20_000, 'first delivery');

    // Its lease runs out; a healthy relay sends the same rows again (the jobs are long gone).
    await dataSource.query(`UPDATE outbox_message SET claimed_until = now() - interval '1 second' WHERE queue = $1`, [
      queueName,
    ]);
    expect(await relay().relayOnce()).toBe(30);
    await eventually(async () => repeats, (n) => n === 30, 20_000, 'second delivery');
    await worker.close();

    expect(effects).toBe(30);
    const left = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE queue = $1`, [queueName]);
    expect(left[0].n).toBe(0);
  });

  it('leaves messages waiting while the queue is unreachable', async () => {
    await enqueue(5, 'down');
    const unreachable = new QueueHealth(
      { ...backend, connection: redisConnectionFromUrl('redis://127.0.0.1:1') },
      '',
    );
    const relayToNowhere = new OutboxRelay(outbox, new Map([[queueName, queue]]), unreachable, logger, {
      pollMs: 50,
      batchSize: 100,
      leaseMs: 30_000,
      sendTimeoutMs: 1_000,
    });
    expect(await relayToNowhere.relayOnce()).toBe(0);
    await unreachable.close();
    const waiting = await dataSource.query(`SELECT count(*)::int AS n FROM outbox_message WHERE queue = $1`, [queueName]);
    expect(waiting[0].n).toBe(5);
    expect(await relay().relayOnce()).toBe(5);
  });
});
