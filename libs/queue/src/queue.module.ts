import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { DATABASE_URLS, OutboxRepository, type DatabaseUrls } from '@tns/database';
import { ReadinessRegistry, ROOT_LOGGER } from '@tns/observability';
import { OutboxRelay } from './outbox-relay';
import { prepareQueueBackend, type QueueBackend } from './queue-backend';
import { QueueHealth } from './queue-health';
import { ALL_QUEUES, JOB_DEFAULTS } from './queue-names';

export const QUEUE_BACKEND = Symbol('QUEUE_BACKEND');
const RELAY_ENABLED = Symbol('RELAY_ENABLED');

@Global()
@Module({
  providers: [
    {
      provide: QUEUE_BACKEND,
      inject: [PLATFORM_CONFIG, DATABASE_URLS],
      useFactory: (config: PlatformConfig, urls: DatabaseUrls): Promise<QueueBackend> =>
        prepareQueueBackend(config, urls.queueUrl),
    },
  ],
  exports: [QUEUE_BACKEND],
})
class QueueBackendModule {}

@Injectable()
class QueueLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly health: QueueHealth,
    private readonly readiness: ReadinessRegistry,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
    @Inject(QUEUE_BACKEND) private readonly backend: QueueBackend,
    @Inject(RELAY_ENABLED) private readonly relayEnabled: boolean,
  ) {}

  onApplicationBootstrap(): void {
    this.readiness.register('queue', () => this.health.check());
    this.logger.info({ queue: this.backend.description }, 'queue back end selected');
    if (this.relayEnabled) this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.health.close();
  }
}

/**
 * BullMQ on Redis (REDIS_URL) or on PostgreSQL, the queues of the system, and the outbox relay.
 * `relay` is off where another app in the same process already runs one.
 */
@Global()
@Module({})
export class QueueModule {
  static forRoot(options: { relay: boolean }): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        QueueBackendModule,
        BullModule.forRootAsync({
          inject: [QUEUE_BACKEND],
          useFactory: (backend: QueueBackend) => ({
            connection: backend.connection,
            prefix: backend.prefix,
            defaultJobOptions: JOB_DEFAULTS,
          }),
        }),
        BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
      ],
      providers: [
        { provide: RELAY_ENABLED, useValue: options.relay },
        {
          provide: QueueHealth,
          inject: [QUEUE_BACKEND, DATABASE_URLS],
          useFactory: (backend: QueueBackend, urls: DatabaseUrls) => new QueueHealth(backend, urls.queueUrl),
        },
        {
          provide: OutboxRelay,
          inject: [OutboxRepository, QueueHealth, ROOT_LOGGER, PLATFORM_CONFIG, ...ALL_QUEUES.map(getQueueToken)],
          useFactory: (
            outbox: OutboxRepository,
            health: QueueHealth,
            logger: Logger,
            config: PlatformConfig,
            ...queues: Queue[]
          ) => {
            for (const queue of queues) {
              // An unhandled 'error' event would end the process during a Redis outage.
              queue.on('error', (error) => logger.warn({ err: error, queue: queue.name }, 'queue connection error'));
            }
            return new OutboxRelay(
              outbox,
              new Map(queues.map((queue) => [queue.name, queue])),
              health,
              logger.child({ component: 'outbox-relay' }),
              { pollMs: config.OUTBOX_POLL_MS, batchSize: 500, leaseMs: 30_000, sendTimeoutMs: 5_000 },
            );
          },
        },
        QueueLifecycle,
      ],
      exports: [BullModule, OutboxRelay, QueueHealth],
    };
  }
}
