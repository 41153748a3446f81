import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A QUEUE_PREFIX of its own, so that a test's queues do not meet another's on a shared Redis. */
export const uniquePrefix = (): string => `t${randomBytes(4).toString('hex')}`;

/** Deletes every key of a test's queue prefix from the shared Redis. */
export async function cleanRedisPrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
