/** Every queue of the system. Job payloads carry ids, never whole rows. */
export enum QueueName {
  /** Ingestion → detection: accepted signal batches to enrich, detect and score. */
  Detection = 'detection',
  /** Detection/review → enforcement: actions to apply, expire or reverse. */
  Enforcement = 'enforcement',
  /** Scheduled housekeeping (purges, partitions, list refreshes). */
  Maintenance = 'maintenance',
}

export const ALL_QUEUES: readonly QueueName[] = [QueueName.Detection, QueueName.Enforcement, QueueName.Maintenance];

/**
 * One set of worker settings for every worker of every app: the slowest worker's stalled
 * check paces a whole queue, so they must not differ (FINDINGS.md).
 */
export const WORKER_DEFAULTS = {
  concurrency: 4,
  /** Seconds a worker blocks waiting for jobs; low so the polling PostgreSQL back end picks up quickly. */
  drainDelay: 0.25,
  lockDuration: 30_000,
  stalledInterval: 15_000,
  maxStalledCount: 3,
} as const;

/** Retries with backoff for every job; completed jobs are not kept (idempotency lives in PostgreSQL). */
export const JOB_DEFAULTS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;
