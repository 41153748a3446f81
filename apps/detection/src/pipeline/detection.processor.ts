import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '@tns/observability';
import { DETECT_SIGNAL_BATCH_JOB, QueueName, QueueWorker, WORKER_DEFAULTS, type DetectSignalBatchPayload } from '@tns/queue';
import { DetectSignalBatchUseCase } from './detect-signal-batch.use-case';

@Processor(QueueName.Detection, { ...WORKER_DEFAULTS })
export class DetectionProcessor extends QueueWorker {
  protected readonly logger: Logger;

  constructor(
    @Inject(ROOT_LOGGER) logger: Logger,
    private readonly detectSignalBatch: DetectSignalBatchUseCase,
  ) {
    super();
    this.logger = logger.child({ component: 'detection-processor' });
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case DETECT_SIGNAL_BATCH_JOB:
        await this.detectSignalBatch.execute(String(job.id), job.data as DetectSignalBatchPayload);
        return;
      default:
        throw new Error(`detection cannot handle job "${job.name}"`);
    }
  }
}
