import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { Logger } from 'pino';

/**
 * Base of every processor: connection errors are logged, never thrown (an unhandled 'error'
 * event would end the process while Redis is away), and failed attempts are visible.
 */
export abstract class QueueWorker extends WorkerHost {
  protected abstract readonly logger: Logger;

  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    this.logger.warn({ err: error }, 'worker connection error');
  }

  @OnWorkerEvent('failed')
  onJobFailed(job: Job | undefined, error: Error): void {
    this.logger.error({ err: error, jobId: job?.id, jobName: job?.name, attempt: job?.attemptsMade }, 'job failed');
  }
}
