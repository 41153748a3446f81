import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@tns/observability';
import {
  DETECT_SIGNAL_BATCH_JOB,
  QueueName,
  REFRESH_IP_INTEL_JOB,
  RESCREEN_SANCTIONS_JOB,
  QueueWorker,
  WORKER_DEFAULTS,
  type DetectSignalBatchPayload,
} from '@tns/queue';
import { IpIntelRefreshService } from '../enrichment/ip-intel-refresh';
import { RescreenSanctionsUseCase } from '../sanctions/rescreen-sanctions.use-case';
import { DetectSignalBatchUseCase } from './detect-signal-batch.use-case';

@Processor(QueueName.Detection, { ...WORKER_DEFAULTS })
export class DetectionProcessor extends QueueWorker {
  protected readonly logger: Logger;

  constructor(
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly detectSignalBatch: DetectSignalBatchUseCase,
    private readonly ipIntelRefresh: IpIntelRefreshService,
    private readonly rescreenSanctions: RescreenSanctionsUseCase,
  ) {
    super();
    this.logger = logger.child({ component: 'detection-processor' });
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case DETECT_SIGNAL_BATCH_JOB:
        await this.detectSignalBatch.execute(String(job.id), job.data as DetectSignalBatchPayload);
        return;
      case REFRESH_IP_INTEL_JOB:
        // The job runs on a detection worker because the data it refreshes lives in detection's memory.
        await this.ipIntelRefresh.refresh();
        return;
      case RESCREEN_SANCTIONS_JOB: {
        // The pending requests are the work, whatever the job says: scheduled and nudged runs are alike.
        const outcome = await this.rescreenSanctions.execute();
        if (outcome.requests > 0) this.logger.info(outcome, 'sanctions rescreen done');
        return;
      }
      default:
        throw new Error(`detection cannot handle job "${job.name}"`);
    }
  }
}
