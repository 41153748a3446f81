import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { identifierRowOf, signalRowOf, type SignalIdentifierRow, type SignalRepository, type SignalRow } from '@tns/database';
import { DomainError, ErrorCode } from '@tns/domain/errors';
import {
  extractIdentifiers,
  redactSignal,
  SCREENED_IDENTIFIER_KINDS,
  validateSignal,
  type PseudonymisedIdentifier,
  type Pseudonymiser,
  type Signal,
} from '@tns/domain/signals';
import { NdjsonBodyError, NdjsonLineReader } from '@tns/ndjson';
import { counter } from '@tns/observability';
import { DETECT_SIGNAL_BATCH_JOB, QueueName, type DetectSignalBatchPayload, type OutboxRelay } from '@tns/queue';
import type { DetectionBacklogGate } from '../limits/detection-backlog.gate';
import { IdentifierMemory, type IdentifierRef } from './identifier-memory';
import { IngestTally, type IngestSignalsResult } from './ingest-tally';
import {
  isDatabaseUnavailable,
  isMissingPartition,
  isRetryableConflict,
  unavailable,
} from './storage-failure';

/** Contract §3: at most this many signals in one GraphQL call. */
export const MAX_SIGNALS_PER_CALL = 500;
/**
 * Signals per statement (and per detection job) on the bulk path. 1,000 rather than 500 measured
 * ~0.4 µs less PostgreSQL CPU per signal (per-statement costs halved) at no cost to the ingestion
 * process once its identifier memory left the JS heap (bench:ingest, docs/PERFORMANCE.md).
 */
export const BULK_BATCH_SIZE = 1_000;
const SCREENED_KINDS: ReadonlySet<string> = new Set(SCREENED_IDENTIFIER_KINDS);

/** Error details listed per answer; the counts stay exact beyond it. */
export const MAX_LISTED_ERRORS = 1_000;

const signalsCounter = counter('tns_signals_ingested_total', 'Signals received, by outcome', ['outcome']);

export interface IngestSettings {
  /** Bulk batches being written at once: CPU work on the next batch overlaps the database's on this one. */
  bulkBatchesInFlight: number;
  partitionsAheadDays: number;
}

/**
 * One batch ready for storage: validated, pseudonymised, without repeated ids, with the raw values
 * and links this process does not know stored yet (and, index for index, their memory entries).
 */
interface PreparedBatch {
  rows: SignalRow[];
  rawValues: SignalIdentifierRow[];
  rawValueRefs: IdentifierRef[];
  links: SignalIdentifierRow[];
  linkRefs: IdentifierRef[];
}

/** A signal's JSON value and position, or why its line could not be read (an NDJSON record is one). */
type IndexedInput = { index: number; value: unknown; error?: undefined } | { index: number; error: { message: string } };

/**
 * Signals in, both ways (GraphQL batch, NDJSON stream): validate each signal alone, pseudonymise,
 * store exactly once per (marketplace, id), and hand each stored batch to detection through the
 * outbox in the same transaction — one job per batch, never per signal.
 */
export class IngestSignalsUseCase {
  private readonly identifiers: IdentifierMemory;

  constructor(
    private readonly signals: SignalRepository,
    private readonly relay: OutboxRelay,
    pseudonymiser: Pseudonymiser,
    private readonly backlogGate: DetectionBacklogGate,
    private readonly logger: Logger,
    private readonly settings: IngestSettings,
  ) {
    this.identifiers = new IdentifierMemory(pseudonymiser);
  }

  /** A GraphQL call: the whole call is one batch, one transaction. */
  async execute(marketplaceId: string, inputs: readonly unknown[]): Promise<IngestSignalsResult> {
    if (inputs.length > MAX_SIGNALS_PER_CALL) {
      throw new DomainError(
        ErrorCode.InvalidInput,
        `at most ${MAX_SIGNALS_PER_CALL} signals a call (got ${inputs.length}); use POST /v1/signals for bulk`,
      );
    }
    await this.assertRoom(marketplaceId);
    const tally = new IngestTally(MAX_LISTED_ERRORS);
    const batch = this.prepare(
      marketplaceId,
      inputs.map((value, index) => ({ index, value })),
      tally,
    );
    await this.store(marketplaceId, batch, tally);
    signalsCounter.inc({ outcome: 'rejected' }, tally.rejected);
    return tally.result();
  }

  /**
   * An NDJSON body of any length, in constant memory: batches of BULK_BATCH_SIZE lines, each
   * committed on its own (a crash loses at most the batches in flight, and a retry of the whole
   * body counts the committed ones as duplicates). A few batches are written concurrently.
   */
  async executeStream(
    marketplaceId: string,
    body: AsyncIterable<Uint8Array>,
    options: { gzip: 'auto' | 'never' },
  ): Promise<IngestSignalsResult> {
    await this.assertRoom(marketplaceId);
    const tally = new IngestTally(MAX_LISTED_ERRORS);
    const reader = new NdjsonLineReader({ gzip: options.gzip });
    const inFlight: Promise<void>[] = [];
    try {
      for await (const records of reader.readBatches(body, BULK_BATCH_SIZE)) {
        const batch = this.prepare(marketplaceId, records, tally);
        if (batch.rows.length === 0) continue;
        // A body that repeats stored signals is most likely a retry: expect more of them.
        const writing = this.store(marketplaceId, batch, tally, { duplicatesLikely: tally.duplicates > 0 });
        // Marked handled now; the failure is still seen when this promise is awaited below.
        writing.catch(() => undefined);
        inFlight.push(writing);
        if (inFlight.length >= this.settings.bulkBatchesInFlight) await inFlight.shift();
      }
      await Promise.all(inFlight);
    } catch (error) {
      await Promise.allSettled(inFlight);
      if (error instanceof NdjsonBodyError) {
        throw new DomainError(
          ErrorCode.InvalidInput,
          `${error.message}; ${tally.accepted} signals before the fault were stored (a retry of the whole body counts them as duplicates)`,
        );
      }
      throw error;
    }
    signalsCounter.inc({ outcome: 'rejected' }, tally.rejected);
    return tally.result();
  }

  private async assertRoom(marketplaceId: string): Promise<void> {
    try {
      await this.backlogGate.assertRoom(marketplaceId);
    } catch (error) {
      throw isDatabaseUnavailable(error) ? unavailable() : error;
    }
  }

  /** Validates and pseudonymises (CPU only); records every rejection and in-batch repeat in `tally`. */
  private prepare(marketplaceId: string, inputs: readonly IndexedInput[], tally: IngestTally): PreparedBatch {
    const now = new Date();
    const batch: PreparedBatch = { rows: [], rawValues: [], rawValueRefs: [], links: [], linkRefs: [] };
    const seen = new Set<string>();
    for (const input of inputs) {
      if (input.error !== undefined) {
        tally.reject({ index: input.index, id: null, path: '', message: input.error.message });
        continue;
      }
      const result = validateSignal(input.value, input.index, now);
      if (!result.ok) {
        tally.reject(result.error);
        continue;
      }
      const signal = result.signal;
      if (seen.has(signal.id)) {
        tally.duplicates++;
        continue;
      }
      seen.add(signal.id);
      // pseudonymiseSignal's two steps, the pseudonyms taken from the memory.
      batch.rows.push(signalRowOf(redactSignal(signal, this.pseudonymise(marketplaceId, signal, batch))));
    }
    return batch;
  }

  /**
   * The signal's identifiers with their pseudonyms. Their raw values and links go into `batch`
   * unless this process already stored them: re-inserting those would change nothing (ON CONFLICT
   * DO NOTHING) and cost an index probe each.
   */
  private pseudonymise(marketplaceId: string, signal: Signal, batch: PreparedBatch): PseudonymisedIdentifier[] {
    const identifiers = extractIdentifiers(signal) as PseudonymisedIdentifier[];
    const memory = this.identifiers;
    for (const identifier of identifiers) {
      const known = memory.recall(identifier.kind, identifier.normalised);
      identifier.pseudonym = memory.pseudonymOf(known);
      const rawNeeded = !memory.isRawStored(known, marketplaceId);
      const linkNeeded = SCREENED_KINDS.has(identifier.kind) && !memory.isLinked(known, marketplaceId, signal.accountId);
      if (!rawNeeded && !linkNeeded) continue;
      const row = identifierRowOf(signal, identifier);
      if (rawNeeded) {
        batch.rawValues.push(row);
        batch.rawValueRefs.push(known);
      }
      if (linkNeeded) {
        batch.links.push(row);
        batch.linkRefs.push(known);
      }
    }
    return identifiers;
  }

  /** New signals, their identifiers, the batch record and its detection job, stored at once. */
  private async store(marketplaceId: string, batch: PreparedBatch, tally: IngestTally, options = { duplicatesLikely: false }): Promise<void> {
    if (batch.rows.length === 0) return;
    const stored = await this.writeWithRetries(marketplaceId, batch, options);
    tally.accepted += stored;
    tally.duplicates += batch.rows.length - stored;
    signalsCounter.inc({ outcome: 'accepted' }, stored);
    signalsCounter.inc({ outcome: 'duplicate' }, batch.rows.length - stored);
    if (stored > 0) this.relay.nudge();
  }

  /**
   * One statement per batch (atomic on its own), so nothing of a failed attempt was stored: a
   * deadlock or a missing partition is retried whole.
   */
  private async writeWithRetries(marketplaceId: string, batch: PreparedBatch, options: { duplicatesLikely: boolean }): Promise<number> {
    const batchId = randomUUID();
    const { rows, rawValues, links } = batch;
    const payload: DetectSignalBatchPayload = { marketplaceId, batchId };
    const handOff = { queue: QueueName.Detection, jobName: DETECT_SIGNAL_BATCH_JOB, payload: { ...payload } };
    for (let attempt = 1; ; attempt++) {
      try {
        const storedIds = await this.signals.storeBatch(marketplaceId, { id: batchId, rows, rawValues, links, handOff }, options);
        this.rememberStored(marketplaceId, storedIds, batch);
        return storedIds.length;
      } catch (error) {
        if (attempt < 4 && isRetryableConflict(error)) continue;
        if (attempt < 4 && isMissingPartition(error)) {
          this.logger.warn('a signal day had no partition: creating partitions now');
          await this.signals.ensurePartitions(new Date(), this.settings.partitionsAheadDays);
          continue;
        }
        if (isDatabaseUnavailable(error)) throw unavailable();
        throw error;
      }
    }
  }

  /** Only identifiers of signals stored now are known stored (a duplicate's were skipped). */
  private rememberStored(marketplaceId: string, storedIds: readonly string[], batch: PreparedBatch): void {
    if (storedIds.length === 0) return;
    const stored = storedIds.length === batch.rows.length ? undefined : new Set(storedIds);
    batch.rawValues.forEach((value, i) => {
      if (!stored || stored.has(value.signalId)) this.identifiers.noteRawStored(batch.rawValueRefs[i], marketplaceId);
    });
    batch.links.forEach((link, i) => {
      if (!stored || stored.has(link.signalId)) this.identifiers.noteLinked(batch.linkRefs[i], marketplaceId, link.accountId);
    });
  }
}
