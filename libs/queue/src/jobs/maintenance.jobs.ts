/** Housekeeping run on a schedule by the enforcement app. */
export const PURGE_EXPIRED_CREDENTIALS_JOB = 'purge-expired-credentials';
export type PurgeExpiredCredentialsPayload = Record<string, never>;

export const PURGE_PROCESSED_MESSAGES_JOB = 'purge-processed-messages';
export interface PurgeProcessedMessagesPayload {
  /** Consumers forget delivered message ids after this long; no relay retries that late. */
  keepDays: number;
}
