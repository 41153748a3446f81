import { DomainError, ErrorCode } from '@tns/domain/errors';

/** PostgreSQL codes worth one more attempt of the same batch: nothing of it was committed. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);

export function codeOf(error: unknown): string | undefined {
  const direct = (error as { code?: unknown } | null)?.code;
  if (typeof direct === 'string') return direct;
  const driver = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof driver === 'string' ? driver : undefined;
}

export function isRetryableConflict(error: unknown): boolean {
  return RETRYABLE_CODES.has(codeOf(error) ?? '');
}

/** An insert found no partition for its day: the partition job is behind. */
export function isMissingPartition(error: unknown): boolean {
  return codeOf(error) === '23514' && /no partition of relation/i.test(String((error as Error)?.message));
}

/** The database went away (as opposed to refusing one query): the caller should retry later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    code === 'ETIMEDOUT' ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '53300' ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|ECONNREFUSED|ECONNRESET/i.test(
      message,
    )
  );
}

export function unavailable(): DomainError {
  return new DomainError(
    ErrorCode.Unavailable,
    'the signal store is unavailable; nothing of the unfinished batch was stored; retry later (stored signals will count as duplicates)',
    5,
  );
}
