import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { IpIntelService } from '@tns/ip-intel';
import { ROOT_LOGGER } from '@tns/observability';
import { QueueName, REFRESH_IP_INTEL_JOB } from '@tns/queue';
import { IpIntelLookup, IpLookupPort } from './ip-lookup';
import { IpIntelRefreshService, parseIpIntelDownloads } from './ip-intel-refresh';

/** How often a worker checks whether another one refreshed the files. */
const WATCH_EVERY_MS = 60_000;

@Injectable()
class IpIntelRefreshSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly refresh: IpIntelRefreshService,
    @InjectQueue(QueueName.Detection) private readonly queue: Queue,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.refresh.enabled) return;
    // Upserted by id: every replica may register it at boot, one schedule results.
    await this.queue.upsertJobScheduler(REFRESH_IP_INTEL_JOB, { every: this.config.IP_INTEL_REFRESH_EVERY_HOURS * 3_600_000 }, {
      name: REFRESH_IP_INTEL_JOB,
      data: {},
    });
    await this.refresh.watch(WATCH_EVERY_MS);
  }

  onApplicationShutdown(): void {
    this.refresh.stop();
  }
}

/**
 * IP intelligence for the detection worker, loaded once at start from IP_INTEL_MANIFEST (unset:
 * the built-in DB-IP Lite City + ASN data); a worker that cannot load it does not start.
 */
@Module({
  providers: [
    {
      provide: IpIntelService,
      inject: [PLATFORM_CONFIG, ROOT_LOGGER],
      useFactory: async (config: PlatformConfig, logger: Logger) => {
        const service = await IpIntelService.load(config.IP_INTEL_MANIFEST);
        logger.info({ manifest: config.IP_INTEL_MANIFEST ?? 'built-in', sources: service.status.sources.length }, 'ip intel loaded');
        return service;
      },
    },
    { provide: IpLookupPort, inject: [IpIntelService], useFactory: (service: IpIntelService) => new IpIntelLookup(service) },
    {
      provide: IpIntelRefreshService,
      inject: [IpIntelService, PLATFORM_CONFIG, ROOT_LOGGER],
      useFactory: (service: IpIntelService, config: PlatformConfig, logger: Logger) =>
        new IpIntelRefreshService(
          service,
          config.IP_INTEL_MANIFEST,
          parseIpIntelDownloads(config.IP_INTEL_REFRESH, config.IP_INTEL_MANIFEST),
          logger.child({ component: 'ip-intel-refresh' }),
        ),
    },
    IpIntelRefreshSchedule,
  ],
  exports: [IpLookupPort, IpIntelRefreshService],
})
export class IpIntelModule {}
