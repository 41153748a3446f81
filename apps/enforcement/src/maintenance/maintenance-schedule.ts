import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { PURGE_EXPIRED_CREDENTIALS_JOB, PURGE_PROCESSED_MESSAGES_JOB, QueueName } from '@tns/queue';

/**
 * Registers the housekeeping schedule. Job schedulers are upserted by id, so every
 * enforcement replica may do this at boot without creating duplicates.
 */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(PURGE_EXPIRED_CREDENTIALS_JOB, { every: 3_600_000 }, {
      name: PURGE_EXPIRED_CREDENTIALS_JOB,
      data: {},
    });
    await this.queue.upsertJobScheduler(PURGE_PROCESSED_MESSAGES_JOB, { every: 86_400_000 }, {
      name: PURGE_PROCESSED_MESSAGES_JOB,
      data: { keepDays: 14 },
    });
  }
}
