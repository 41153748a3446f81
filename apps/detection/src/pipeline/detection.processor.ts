import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@tns/observability';
import {
  DETECT_SIGNAL_BATCH_JOB,
  DOWNLOAD_SANCTIONS_LISTS_JOB,
  QueueName,
  REFRESH_IP_INTEL_JOB,
  RESCREEN_SANCTIONS_JOB,
  QueueWorker,
  WORKER_DEFAULTS,
  type DetectSignalBatchPayload,
} from '@tns/queue';
import { IpIntelRefreshService } from '../enrichment/ip-intel-refresh';
import { RescreenSanctionsUseCase } from '../sanctions/rescreen-sanctions.use-case';
import { SanctionsListDownloader } from '../sanctions/sanctions-list-download';
import { DetectSignalBatchUseCase } from './detect-signal-batch.use-case';

@Processor(QueueName.Detection, { ...WORKER_DEFAULTS })
export class DetectionProcessor extends QueueWorker {
  protected readonly logger: Logger;

  constructor(
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly detectSignalBatch: DetectSignalBatchUseCase,
    private readonly ipIntelRefresh: IpIntelRefreshService,
    private readonly rescreenSanctions: RescreenSanctionsUseCase,
    private readonly sanctionsDownloader: SanctionsListDownloader,
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
      case DOWNLOAD_SANCTIONS_LISTS_JOB: {
        const outcomes = await this.sanctionsDownloader.refresh();
        for (const outcome of outcomes) {
          if (outcome.status === 'failed') this.logger.warn({ source: outcome.source, error: outcome.error }, 'sanctions list download failed; the active list stays');
          else if (outcome.status === 'loaded') {
            const { outcome: loadOutcome, snapshot, added, removed, changed } = outcome.result;
            this.logger.info({ source: outcome.source, loadOutcome, snapshotId: snapshot.id, added, removed, changed }, 'sanctions list downloaded');
          }
        }
        return;
      }
      default:
        throw new Error(`detection cannot handle job "${job.name}"`);
    }
  }
}
