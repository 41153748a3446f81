import type { DataSource, EntityManager } from 'typeorm';
import { affectedCount } from '../returning-rows';

/**
 * The consumer side of exactly-once: a queue may deliver a message twice (a relay retry, a
 * stalled job), so each consumer records what it has done in the same transaction as its effects.
 */
export class ProcessedMessageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction unless `consumer` already processed `messageId`.
   * Returns false (and does nothing) for a repeat.
   */
  async runOnce(
    consumer: string,
    messageId: string,
    work: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO processed_message (consumer, message_id) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING message_id`,
        [consumer, messageId],
      );
      if (inserted.length === 0) return false;
      await work(manager);
      return true;
    });
  }

  async purgeOlderThan(cutoff: Date): Promise<number> {
    return affectedCount(
      await this.dataSource.query(`DELETE FROM processed_message WHERE processed_at < $1`, [cutoff]),
    );
  }
}
