/** Ingestion → detection: one job per accepted batch, never one per signal. */
export const DETECT_SIGNAL_BATCH_JOB = 'detect-signal-batch';
export interface DetectSignalBatchPayload {
  marketplaceId: string;
  batchId: string;
}

/** Scheduled in the detection app when IP_INTEL_REFRESH is set: download the IP-intel files, reload. */
export const REFRESH_IP_INTEL_JOB = 'refresh-ip-intel';
export type RefreshIpIntelPayload = Record<string, never>;
