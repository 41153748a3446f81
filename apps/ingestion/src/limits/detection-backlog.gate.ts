import { DomainError, ErrorCode } from '@tns/domain/errors';
import type { SignalBatchRepository } from '@tns/database';

/**
 * Back-pressure: past `maxBacklog` signals accepted but not yet through detection, a marketplace's
 * writes are refused with 429 + Retry-After instead of letting the backlog grow without end. The
 * bound is per marketplace, so one backfilling tenant slows itself, not the others. The backlog is
 * read at most once per `cacheMs` per marketplace: the check must not cost a query per call.
 */
export class DetectionBacklogGate {
  private readonly cache = new Map<string, { signals: number; until: number }>();

  constructor(
    private readonly batches: SignalBatchRepository,
    private readonly maxBacklog: number,
    private readonly retryAfterSeconds = 10,
    private readonly cacheMs = 1_000,
  ) {}

  async assertRoom(marketplaceId: string): Promise<void> {
    const now = Date.now();
    let cached = this.cache.get(marketplaceId);
    if (!cached || cached.until <= now) {
      const backlog = await this.batches.backlog(marketplaceId);
      cached = { signals: backlog.signals, until: now + this.cacheMs };
      this.cache.set(marketplaceId, cached);
    }
    if (cached.signals >= this.maxBacklog) {
      throw new DomainError(
        ErrorCode.Overloaded,
        `detection is behind (${cached.signals} signals pending, bound ${this.maxBacklog}); retry later`,
        this.retryAfterSeconds,
      );
    }
  }
}
