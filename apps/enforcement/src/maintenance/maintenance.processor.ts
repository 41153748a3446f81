import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { ModeratorRepository, ProcessedMessageRepository } from '@tns/database';
import { ROOT_LOGGER } from '@tns/observability';
import {
  PURGE_EXPIRED_CREDENTIALS_JOB,
  PURGE_PROCESSED_MESSAGES_JOB,
  QueueName,
  QueueWorker,
  WORKER_DEFAULTS,
  type PurgeProcessedMessagesPayload,
} from '@tns/queue';

/** Scheduled housekeeping; each job is naturally idempotent (a purge twice purges once). */
@Processor(QueueName.Maintenance, { ...WORKER_DEFAULTS })
export class MaintenanceProcessor extends QueueWorker {
  protected readonly logger: Logger;

  constructor(
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly moderators: ModeratorRepository,
    private readonly processed: ProcessedMessageRepository,
  ) {
    super();
    this.logger = logger.child({ component: 'maintenance-processor' });
  }

  async process(job: Job): Promise<{ purged: number }> {
    switch (job.name) {
      case PURGE_EXPIRED_CREDENTIALS_JOB:
        return { purged: await this.moderators.purgeDeadCredentials(new Date()) };
      case PURGE_PROCESSED_MESSAGES_JOB: {
        const { keepDays } = job.data as PurgeProcessedMessagesPayload;
        return { purged: await this.processed.purgeOlderThan(new Date(Date.now() - keepDays * 86_400_000)) };
      }
      default:
        throw new Error(`maintenance cannot handle job "${job.name}"`);
    }
  }
}
