import { Redis, type RedisOptions } from 'ioredis';
import { createPostgresBackend, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';
import type { PlatformConfig } from '@tns/config';

/** Where BullMQ keeps its jobs; application code never branches on it. */
export interface QueueBackend {
  kind: 'redis' | 'postgres';
  /** The `connection` option for every Queue and Worker. */
  connection: ConnectionOptions;
  prefix: string;
  /** Human-readable, without credentials, for logs. */
  description: string;
}

export class EvictingRedisError extends Error {
  constructor(policy: string) {
    super(
      `Redis maxmemory-policy is "${policy}", but BullMQ needs "noeviction" (an evicting Redis silently ` +
        `drops jobs). Set "maxmemory-policy noeviction" in redis.conf or run: CONFIG SET maxmemory-policy noeviction`,
    );
    this.name = 'EvictingRedisError';
  }
}

export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // Workers block on Redis; BullMQ requires unlimited retries per request.
    maxRetriesPerRequest: null,
    // Keep reconnecting forever, backing off to 2 s: a Redis outage must not end the process.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
  };
}

/** The same options, typed as BullMQ's `connection` option. */
export function redisConnectionFromUrl(url: string): ConnectionOptions {
  return redisOptionsFromUrl(url) as ConnectionOptions;
}

/** Reads the eviction policy from INFO (works where CONFIG is disabled, as on managed Redis). */
export async function readRedisEvictionPolicy(client: Redis): Promise<string> {
  const info = await client.info('memory');
  const match = /^maxmemory_policy:(\S+)/m.exec(info);
  return match?.[1] ?? 'unknown';
}

/**
 * Chooses the back end from the environment. With Redis, refuses an evicting policy.
 * With PostgreSQL, registers BullMQ's PostgreSQL back end process-wide.
 */
export async function prepareQueueBackend(config: PlatformConfig, postgresQueueUrl: string): Promise<QueueBackend> {
  if (config.REDIS_URL) {
    const options = redisOptionsFromUrl(config.REDIS_URL);
    await assertNoEviction(options);
    return {
      kind: 'redis',
      connection: redisConnectionFromUrl(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
      description: `redis ${options.host}:${options.port}/${options.db ?? 0}`,
    };
  }
  setDefaultBackendFactory(createPostgresBackend as never);
  return {
    kind: 'postgres',
    connection: { connectionString: postgresQueueUrl, schema: 'bullmq', migrate: true, max: 8 } as never,
    prefix: config.QUEUE_PREFIX,
    description: `postgres ${new URL(postgresQueueUrl).host} (schema bullmq)`,
  };
}

async function assertNoEviction(options: RedisOptions): Promise<void> {
  const client = new Redis({ ...options, lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const policy = await readRedisEvictionPolicy(client);
    if (policy !== 'noeviction') throw new EvictingRedisError(policy);
  } catch (error) {
    if (error instanceof EvictingRedisError) throw error;
    // Redis is down at boot: start anyway (requests never wait on Redis); readiness checks it again.
  } finally {
    client.disconnect();
  }
}
