/** Ingestion → detection: one job per accepted batch, never one per signal. */
export const DETECT_SIGNAL_BATCH_JOB = 'detect-signal-batch';
export interface DetectSignalBatchPayload {
  marketplaceId: string;
  batchId: string;
}
