import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { ProcessedMessageRepository, SignalBatchRepository } from '@tns/database';
import { counter } from '@tns/observability';
import type { DetectSignalBatchPayload } from '@tns/queue';

const WORKER_ID = `${hostname()}:${process.pid}`;
const batchesDetected = counter(
  'tns_detection_batches_total',
  'Signal batches handled by detection; outcome=repeat is a re-delivery that did nothing',
  ['outcome'],
);

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

  async execute(messageId: string, payload: DetectSignalBatchPayload): Promise<boolean> {
    const done = await this.processed.runOnce('detection', messageId, async (manager) => {
      await this.batches.markDetected(manager, payload.marketplaceId, payload.batchId, WORKER_ID);
    });
    batchesDetected.inc({ outcome: done ? 'done' : 'repeat' });
    return done;
  }
}
