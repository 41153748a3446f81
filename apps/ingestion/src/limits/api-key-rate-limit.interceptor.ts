import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { requestOf } from '@tns/auth';
import { DomainError, ErrorCode } from '@tns/domain/errors';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Per-API-key token bucket, in this process's memory: no Redis or database round trip on the
 * request path (a shared limiter would put Redis back in it). With N replicas a key gets up to
 * N × the rate, which the replica count bounds.
 */
@Injectable()
export class ApiKeyRateLimitInterceptor implements NestInterceptor {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const principal = requestOf(context).principal;
    if (principal?.kind === 'marketplace') this.take(principal.apiKeyId);
    return next.handle();
  }

  private take(key: string): void {
    const now = Date.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.ratePerSecond);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const waitSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.ratePerSecond));
      throw new DomainError(ErrorCode.Overloaded, 'rate limit of this API key exceeded; retry later', waitSeconds);
    }
    bucket.tokens -= 1;
  }
}
