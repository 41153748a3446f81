import type { SignalError } from '@tns/domain/signals';

/** What a caller is told: the same shape on GraphQL and on the NDJSON endpoint. */
export interface IngestSignalsResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: SignalError[];
  /** True when more signals were rejected than `errors` lists (bulk bodies only). */
  errorsTruncated?: boolean;
}

/**
 * Counts of one request. Error details are capped so that a body of a million bad lines still
 * runs in constant memory; the `rejected` count stays exact.
 */
export class IngestTally {
  accepted = 0;
  duplicates = 0;
  rejected = 0;
  private readonly errors: SignalError[] = [];

  constructor(private readonly maxErrors: number) {}

  reject(error: SignalError): void {
    this.rejected++;
    if (this.errors.length < this.maxErrors) this.errors.push(error);
  }

  result(): IngestSignalsResult {
    const result: IngestSignalsResult = {
      accepted: this.accepted,
      duplicates: this.duplicates,
      rejected: this.rejected,
      errors: this.errors,
    };
    if (this.rejected > this.errors.length) result.errorsTruncated = true;
    return result;
  }
}
