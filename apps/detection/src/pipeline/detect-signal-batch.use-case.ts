import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { ProcessedMessageRepository, SignalBatchRepository } from '@tns/database';
import type { DetectSignalBatchPayload } from '@tns/queue';

const WORKER_ID = `${hostname()}:${process.pid}`;

/**
 * Detection's work on one accepted batch, done once however often the job is delivered.
 * Today it closes the batch in the pipeline's bookkeeping (which drives `pipelineStatus`);
 * enrichment, detectors, scoring and cases plug in here, inside the same transaction.
 */
@Injectable()
export class DetectSignalBatchUseCase {
  constructor(
    private readonly processed: ProcessedMessageRepository,
    private readonly batches: SignalBatchRepository,
  ) {}

  execute(messageId: string, payload: DetectSignalBatchPayload): Promise<boolean> {
    return this.processed.runOnce('detection', messageId, async (manager) => {
      await this.batches.markDetected(manager, payload.marketplaceId, payload.batchId, WORKER_ID);
    });
  }
}
