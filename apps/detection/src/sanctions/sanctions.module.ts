import { Inject, Injectable, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { OutboxRepository, SanctionsListRepository, SanctionsScreeningRepository } from '@tns/database';
import { resolveReviewThreshold } from '@tns/domain/sanctions';
import { ROOT_LOGGER } from '@tns/observability';
import { DOWNLOAD_SANCTIONS_LISTS_JOB, QueueName, RESCREEN_SANCTIONS_JOB } from '@tns/queue';
import { AccountScreener } from './account-screener';
import { parseSanctionsSources, SanctionsListDownloader } from './sanctions-list-download';
import { SanctionsScreening } from './sanctions-screening.service';

@Injectable()
class SanctionsSchedule implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Detection) private readonly queue: Queue,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly downloader: SanctionsListDownloader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Upserted by id: every replica may register it at boot, one schedule results. A list load
    // also nudges the worker through the outbox; the schedule is the safety net.
    await this.queue.upsertJobScheduler(
      RESCREEN_SANCTIONS_JOB,
      { every: this.config.SANCTIONS_RESCREEN_EVERY_MS },
      {
        name: RESCREEN_SANCTIONS_JOB,
        data: {},
      },
    );
    if (this.downloader.enabled) {
      await this.queue.upsertJobScheduler(
        DOWNLOAD_SANCTIONS_LISTS_JOB,
        { every: Math.round(this.config.SANCTIONS_DOWNLOAD_EVERY_HOURS * 3_600_000) },
        { name: DOWNLOAD_SANCTIONS_LISTS_JOB, data: {} },
      );
    } else {
      await this.queue.removeJobScheduler(DOWNLOAD_SANCTIONS_LISTS_JOB);
    }
  }
}

/** Sanctions screening in the detection worker: the list indexes, account screening, rescreens, scheduled list downloads. */
@Module({
  providers: [
    {
      provide: SanctionsScreening,
      inject: [SanctionsScreeningRepository, PLATFORM_CONFIG, ROOT_LOGGER],
      useFactory: (repository: SanctionsScreeningRepository, config: PlatformConfig, logger: Logger) => {
        const log = logger.child({ component: 'sanctions-screening' });
        return new SanctionsScreening(
          repository,
          resolveReviewThreshold(config.SANCTIONS_REVIEW_THRESHOLD),
          (lists, ms) =>
            log.info(
              {
                version: lists.version,
                entities: lists.entityCount,
                names: lists.names.nameCount,
                ms: Math.round(ms),
              },
              'sanctions indexes built',
            ),
        );
      },
    },
    {
      provide: AccountScreener,
      inject: [SanctionsScreening, SanctionsScreeningRepository],
      useFactory: (screening: SanctionsScreening, repository: SanctionsScreeningRepository) =>
        new AccountScreener(screening, repository),
    },
    {
      provide: SanctionsListDownloader,
      inject: [PLATFORM_CONFIG, SanctionsListRepository, SanctionsScreeningRepository, OutboxRepository],
      useFactory: (
        config: PlatformConfig,
        lists: SanctionsListRepository,
        state: SanctionsScreeningRepository,
        outbox: OutboxRepository,
      ) => new SanctionsListDownloader(parseSanctionsSources(config.SANCTIONS_SOURCES), lists, state, outbox),
    },
    SanctionsSchedule,
  ],
  exports: [SanctionsScreening, AccountScreener, SanctionsListDownloader],
})
export class SanctionsModule {}
