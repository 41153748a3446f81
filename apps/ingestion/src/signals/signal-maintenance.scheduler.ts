import type { Logger } from 'pino';
import type { PlatformConfig } from '@tns/config';
import type { RetentionClass, SignalRepository } from '@tns/database';

const DAY_MS = 86_400_000;
const PURGE_CHUNK = 5_000;

/**
 * Scheduled upkeep of signal storage, run by every ingestion process (each step is idempotent and
 * safe to run concurrently): daily partitions created `SIGNAL_PARTITIONS_AHEAD_DAYS` ahead, and raw
 * identifier values purged after their retention. It runs at boot, so a process never starts
 * without today's partition, then every `intervalMs`.
 */
export class SignalMaintenanceScheduler {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly signals: SignalRepository,
    private readonly config: PlatformConfig,
    private readonly logger: Logger,
    private readonly intervalMs = 3_600_000,
  ) {}

  async start(): Promise<void> {
    await this.runOnce();
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .then(() => undefined)
        .finally(() => (this.running = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; failures are logged and retried at the next pass, never thrown. */
  async runOnce(now = new Date()): Promise<{ partitionsCreated: string[]; purged: Record<RetentionClass, number> }> {
    const purged: Record<RetentionClass, number> = { ip: 0, device: 0, pii: 0 };
    let partitionsCreated: string[] = [];
    try {
      partitionsCreated = await this.signals.ensurePartitions(now, this.config.SIGNAL_PARTITIONS_AHEAD_DAYS);
      if (partitionsCreated.length > 0) this.logger.info({ partitions: partitionsCreated }, 'signal partitions created');
      const retentionDays: Record<RetentionClass, number> = {
        ip: this.config.RAW_IP_RETENTION_DAYS,
        device: this.config.RAW_DEVICE_RETENTION_DAYS,
        pii: this.config.RAW_PII_RETENTION_DAYS,
      };
      for (const retention of Object.keys(retentionDays) as RetentionClass[]) {
        const cutoff = new Date(now.getTime() - retentionDays[retention] * DAY_MS);
        for (;;) {
          const deleted = await this.signals.purgeRawValues(retention, cutoff, PURGE_CHUNK);
          purged[retention] += deleted;
          if (deleted < PURGE_CHUNK) break;
        }
      }
      if (purged.ip + purged.device + purged.pii > 0) this.logger.info({ purged }, 'raw identifier values purged');
    } catch (error) {
      this.logger.warn({ err: error }, 'signal storage upkeep failed; will retry');
    }
    return { partitionsCreated, purged };
  }
}
