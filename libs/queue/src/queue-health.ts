import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { EvictingRedisError, readRedisEvictionPolicy, type QueueBackend } from './queue-backend';

/**
 * Answers "can jobs be queued right now?" without ever blocking: commands fail at once while
 * the back end is unreachable (no offline queue), so readiness and the outbox relay can tell.
 */
export class QueueHealth {
  private readonly redis?: Redis;
  private readonly pool?: Pool;
  private policyVerified = false;

  constructor(backend: QueueBackend, postgresQueueUrl: string) {
    if (backend.kind === 'redis') {
      this.redis = new Redis({
        ...(backend.connection as object),
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
      });
      this.redis.on('error', () => undefined);
      // A Redis that comes back may be a different one: check its policy again.
      this.redis.on('close', () => {
        this.policyVerified = false;
      });
    } else {
      this.pool = new Pool({ connectionString: postgresQueueUrl, max: 1, connectionTimeoutMillis: 2_000 });
      this.pool.on('error', () => undefined);
    }
  }

  async check(): Promise<void> {
    if (this.redis) {
      if (this.redis.status !== 'ready') throw new Error(`redis is ${this.redis.status}`);
      await this.redis.ping();
      if (!this.policyVerified) {
        const policy = await readRedisEvictionPolicy(this.redis);
        if (policy !== 'noeviction') throw new EvictingRedisError(policy);
        this.policyVerified = true;
      }
      return;
    }
    await this.pool!.query('SELECT 1');
  }

  async isHealthy(): Promise<boolean> {
    try {
      await this.check();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
    await this.pool?.end();
  }
}
