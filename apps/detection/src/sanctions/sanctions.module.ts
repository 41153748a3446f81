import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { SanctionsScreeningRepository } from '@tns/database';
import { resolveReviewThreshold } from '@tns/domain/sanctions';
import { ROOT_LOGGER } from '@tns/observability';
import { QueueName, RESCREEN_SANCTIONS_JOB } from '@tns/queue';
import { AccountScreener } from './account-screener';
import { SanctionsScreening } from './sanctions-screening.service';

@Injectable()
class SanctionsSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Detection) private readonly queue: Queue,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Upserted by id: every replica may register it at boot, one schedule results. A list load
    // also nudges the worker through the outbox; the schedule is the safety net.
    await this.queue.upsertJobScheduler(RESCREEN_SANCTIONS_JOB, { every: this.config.SANCTIONS_RESCREEN_EVERY_MS }, {
      name: RESCREEN_SANCTIONS_JOB,
      data: {},
    });
  }
}

/** Sanctions screening in the detection worker: the list indexes, account screening, rescreens. */
@Module({
  providers: [
    {
      provide: SanctionsScreening,
      inject: [SanctionsScreeningRepository, PLATFORM_CONFIG, ROOT_LOGGER],
      useFactory: (repository: SanctionsScreeningRepository, config: PlatformConfig, logger: Logger) => {
        const log = logger.child({ component: 'sanctions-screening' });
        return new SanctionsScreening(repository, resolveReviewThreshold(config.SANCTIONS_REVIEW_THRESHOLD), (lists, ms) =>
          log.info({ version: lists.version, entities: lists.entityCount, names: lists.names.nameCount, ms: Math.round(ms) }, 'sanctions indexes built'),
        );
      },
    },
    {
      provide: AccountScreener,
      inject: [SanctionsScreening, SanctionsScreeningRepository],
      useFactory: (screening: SanctionsScreening, repository: SanctionsScreeningRepository) => new AccountScreener(screening, repository),
    },
    SanctionsSchedule,
  ],
  exports: [SanctionsScreening, AccountScreener],
})
export class SanctionsModule {}
