import type { PlatformConfig } from '@tns/config';
import { startEmbeddedPostgres } from './embedded/embedded-postgres';

export interface DatabaseUrls {
  /** Application data. */
  applicationUrl: string;
  /** BullMQ's PostgreSQL back end, used when no REDIS_URL is set. */
  queueUrl: string;
  backend: 'postgres' | 'embedded';
}

/** DATABASE_URL when given; otherwise the embedded PGlite servers under DATA_DIR. */
export async function resolveDatabaseUrls(config: PlatformConfig): Promise<DatabaseUrls> {
  if (config.DATABASE_URL) {
    return { applicationUrl: config.DATABASE_URL, queueUrl: config.DATABASE_URL, backend: 'postgres' };
  }
  const embedded = await startEmbeddedPostgres(config.DATA_DIR);
  return { applicationUrl: embedded.applicationUrl, queueUrl: embedded.queueUrl, backend: 'embedded' };
}
