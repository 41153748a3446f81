/**
 * Detection rescreens accounts after a sanctions list changed: pending `sanctions_rescreen_request`
 * rows are the work (FOR UPDATE SKIP LOCKED), so the job carries nothing and running it twice is
 * harmless. Scheduled every SANCTIONS_RESCREEN_EVERY_MS; a list load also sends one through the outbox.
 */
export const RESCREEN_SANCTIONS_JOB = 'rescreen-sanctions';
export type RescreenSanctionsPayload = Record<string, never>;

/** Scheduled in the detection app when SANCTIONS_SOURCES is set: download the lists, load what changed. */
export const DOWNLOAD_SANCTIONS_LISTS_JOB = 'download-sanctions-lists';
export type DownloadSanctionsListsPayload = Record<string, never>;
