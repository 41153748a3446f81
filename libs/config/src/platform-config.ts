import { z } from 'zod';

/**
 * Every process reads its environment once, at boot, through this schema.
 * A wrong or missing value stops the process with one line naming the variable.
 */
const port = z.coerce.number().int().min(0).max(65535);
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
  .describe('secret');
const redisUrl = z
  .string()
  .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
  .describe('secret');

export const platformEnvironmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 letters, digits, _ or -')
    .default('tns'),
  DATA_DIR: z.string().min(1).default('./.data'),
  PORT: port.default(3000),
  REVIEW_PORT: port.default(3001),
  HEALTH_PORT: port.optional(),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  IP_INTEL_MANIFEST: z.string().min(1).optional(),
  /** JSON list of {"url","file"}: manifest files the detection worker re-downloads on a schedule (needs IP_INTEL_MANIFEST). */
  IP_INTEL_REFRESH: z.string().min(1).optional(),
  IP_INTEL_REFRESH_EVERY_HOURS: z.coerce.number().min(1).max(720).default(24),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  // Signal ingestion (apps/ingestion/src/signals).
  /** `keyId:secret[,keyId:secret…]`; secrets of at least 32 bytes. Required in production. */
  PSEUDONYM_KEYS: z.string().min(1).describe('secret').optional(),
  /** The key id new pseudonyms are made with; defaults to the first of PSEUDONYM_KEYS. */
  PSEUDONYM_CURRENT_KEY: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 of A-Z a-z 0-9 _ -').optional(),
  /** Days raw values are kept before the purge: IP addresses, device/MFA ids, other personal identifiers. */
  RAW_IP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RAW_DEVICE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RAW_PII_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Largest accepted NDJSON body on the wire (after any gzip, before decompression). */
  SIGNAL_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(2 * 1024 * 1024 * 1024),
  /** Signals accepted but not yet through detection (per marketplace) above which ingestion answers 429. */
  SIGNAL_MAX_BACKLOG: z.coerce.number().int().min(1).default(2_000_000),
  /** Requests per second and burst allowed per API key (per ingestion process). */
  API_KEY_RATE_PER_SEC: z.coerce.number().min(0.1).default(1_000),
  API_KEY_RATE_BURST: z.coerce.number().int().min(1).default(2_000),
  // Sanctions screening (apps/detection/src/sanctions).
  /** Name score (0–1] at or above which screening records a hit; also `sanctions score-pairs`' match column. */
  SANCTIONS_REVIEW_THRESHOLD: z.coerce.number().gt(0).max(1).optional(),
  /** JSON list of {"source":"ofac-sdn-csv"|"un-xml"|"eu-csv","urls":[…]}: lists the detection worker downloads on a schedule. */
  SANCTIONS_SOURCES: z.string().min(1).optional(),
  SANCTIONS_DOWNLOAD_EVERY_HOURS: z.coerce.number().min(0.01).max(720).default(6),
  /** How often pending rescreen requests are looked for (a list load also nudges the worker at once). */
  SANCTIONS_RESCREEN_EVERY_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** Daily signal partitions kept created ahead of today. */
  SIGNAL_PARTITIONS_AHEAD_DAYS: z.coerce.number().int().min(2).max(366).default(14),
});

export type PlatformConfig = z.infer<typeof platformEnvironmentSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws a ConfigError whose message is one line naming the first bad variable. */
export function loadPlatformConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = platformEnvironmentSchema.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? 'environment');
  throw new ConfigError(`Invalid configuration: ${variable} ${issue?.message ?? 'is invalid'}`);
}

/** Where the queues live, decided by the environment alone. */
export function queueBackendKind(config: PlatformConfig): 'redis' | 'postgres' {
  return config.REDIS_URL ? 'redis' : 'postgres';
}
