// Integration-test support: a throwaway migrated database, signals stored exactly as ingestion
// stores them (pseudonymised, raw values in the retention table, batch bookkeeping), and the real
// detection use case wired by hand with a pinned clock and a fixed IP table.

import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AccountFeaturesRepository,
  DetectionSignalRepository,
  IdentityGraphRepository,
  ProcessedMessageRepository,
  ReviewCaseRepository,
  RiskAssessmentRepository,
  SanctionsListRepository,
  SanctionsScreeningRepository,
  SignalBatchRepository,
  SignalRepository,
  identifierRowOf,
  signalRowOf,
  type SignalIdentifierRow,
} from '@tns/database';
import type { IpInfo } from '@tns/domain/detection';
import { REVIEW_THRESHOLD } from '@tns/domain/sanctions';
import { Pseudonymiser, pseudonymiseSignal, type Signal } from '@tns/domain/signals';
import { LoadSanctionsListUseCase } from '@tns/sanctions-lists';
import { createTestDatabase, type TestDatabase } from '@tns/testing';
import { RiskRefresher } from '../assessment/risk-refresher';
import { DetectionClock } from '../enrichment/detection-clock';
import { IpLookupPort } from '../enrichment/ip-lookup';
import { ClusterBuilder } from '../graph/cluster-builder';
import { DetectSignalBatchUseCase } from '../pipeline/detect-signal-batch.use-case';
import { AccountScreener } from '../sanctions/account-screener';
import { RescreenSanctionsUseCase } from '../sanctions/rescreen-sanctions.use-case';
import { SanctionsScreening } from '../sanctions/sanctions-screening.service';

export const POSTGRES_SERVER_URL = process.env.TEST_POSTGRES_SERVER_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Detection's view of a few networks: a VPN exit in Chicago, homes in New York and Los Angeles, a shared office. */
export const IP_TABLE: Readonly<Record<string, IpInfo>> = {
  vpn: { country: 'US', city: 'Chicago', latitude: 41.88, longitude: -87.63, timezone: 'America/Chicago', accuracyRadiusKm: 20, categories: ['vpn'] },
  newYork: { country: 'US', city: 'New York', latitude: 40.71, longitude: -74.01, timezone: 'America/New_York', accuracyRadiusKm: 20, categories: [] },
  losAngeles: { country: 'US', city: 'Los Angeles', latitude: 34.05, longitude: -118.24, timezone: 'America/Los_Angeles', accuracyRadiusKm: 20, categories: [] },
};

/** 203.0.113.0/24 is the VPN, 198.51.100.0/24 New York, 192.0.2.0/24 Los Angeles. */
class FixedIpLookup extends IpLookupPort {
  lookup(ip: string): IpInfo | undefined {
    if (ip.startsWith('203.0.113.')) return IP_TABLE.vpn;
    if (ip.startsWith('198.51.100.')) return IP_TABLE.newYork;
    if (ip.startsWith('192.0.2.')) return IP_TABLE.losAngeles;
    return undefined;
  }
}

class PinnedClock extends DetectionClock {
  constructor(public at: number) {
    super();
  }
  override now(): number {
    return this.at;
  }
}

export type SignalInput = Signal;

export class DetectionTestKit {
  readonly pseudonymiser = new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: 'integration-test-key-of-32-bytes!!' } });
  readonly features: AccountFeaturesRepository;
  readonly graph: IdentityGraphRepository;
  readonly assessments: RiskAssessmentRepository;
  readonly cases: ReviewCaseRepository;
  readonly useCase: DetectSignalBatchUseCase;
  readonly clock: PinnedClock;
  readonly sanctions: SanctionsScreeningRepository;
  readonly screening: SanctionsScreening;
  readonly rescreen: RescreenSanctionsUseCase;
  readonly loadList: LoadSanctionsListUseCase<EntityManager>;
  private readonly signals: SignalRepository;
  readonly batches: SignalBatchRepository;

  private constructor(
    readonly db: TestDatabase,
    now: number,
  ) {
    const dataSource = db.dataSource;
    this.features = new AccountFeaturesRepository(dataSource);
    this.graph = new IdentityGraphRepository(dataSource);
    this.assessments = new RiskAssessmentRepository(dataSource);
    this.cases = new ReviewCaseRepository(dataSource);
    this.signals = new SignalRepository(dataSource);
    this.batches = new SignalBatchRepository(dataSource);
    this.clock = new PinnedClock(now);
    this.sanctions = new SanctionsScreeningRepository(dataSource);
    this.screening = new SanctionsScreening(this.sanctions, REVIEW_THRESHOLD);
    const screener = new AccountScreener(this.screening, this.sanctions);
    const refresher = new RiskRefresher(new ClusterBuilder(this.graph, this.features), this.graph, this.features, this.assessments, this.cases, this.sanctions);
    this.useCase = new DetectSignalBatchUseCase(
      new ProcessedMessageRepository(dataSource),
      this.batches,
      new DetectionSignalRepository(dataSource),
      this.features,
      this.graph,
      refresher,
      new FixedIpLookup(),
      this.clock,
      screener,
    );
    this.rescreen = new RescreenSanctionsUseCase(dataSource, this.sanctions, this.features, this.graph, screener, refresher, this.clock);
    this.loadList = new LoadSanctionsListUseCase(new SanctionsListRepository(dataSource));
  }

  static async create(now: number): Promise<DetectionTestKit> {
    return new DetectionTestKit(await createTestDatabase(POSTGRES_SERVER_URL, 'tns_test_detect'), now);
  }

  get dataSource(): DataSource {
    return this.db.dataSource;
  }

  async marketplace(slug = `m-${randomUUID().slice(0, 8)}`): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(`INSERT INTO marketplace (slug, name) VALUES ($1, $1) RETURNING id`, [slug]);
    return rows[0].id;
  }

  /** Stores one batch as ingestion does; returns its id (not yet detected). */
  async store(marketplaceId: string, signals: readonly Signal[]): Promise<string> {
    const batchId = randomUUID();
    const identifiers: SignalIdentifierRow[] = [];
    const rows = signals.map((signal) => {
      const { stored, identifiers: found } = pseudonymiseSignal(signal, this.pseudonymiser);
      for (const identifier of found) identifiers.push(identifierRowOf(signal, identifier));
      return signalRowOf(stored);
    });
    await this.signals.storeBatch(marketplaceId, { id: batchId, rows, rawValues: identifiers, links: identifiers });
    return batchId;
  }

  /** Runs detection on a stored batch as the worker would (the message id is the batch's). */
  detect(marketplaceId: string, batchId: string): Promise<boolean> {
    return this.useCase.execute(`outbox-${batchId}`, { marketplaceId, batchId });
  }

  async ingest(marketplaceId: string, signals: readonly Signal[]): Promise<string> {
    const batchId = await this.store(marketplaceId, signals);
    await this.detect(marketplaceId, batchId);
    return batchId;
  }

  async activeCases(marketplaceId: string): Promise<{ id: string; subject_kind: string; subject_id: string; member_account_ids: string[]; score: number; queue: string }[]> {
    return this.dataSource.query(
      `SELECT id, subject_kind, subject_id, member_account_ids, score, queue FROM review_case
       WHERE marketplace_id = $1 AND status IN ('open', 'in_review') ORDER BY subject_kind, subject_id`,
      [marketplaceId],
    );
  }

  drop(): Promise<void> {
    return this.db.drop();
  }
}

// ---- signal builders ------------------------------------------------------------------------

let sequence = 0;
const nextId = (prefix: string): string => `${prefix}_${(sequence += 1)}`;
const iso = (at: number): string => new Date(at).toISOString();

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function registered(accountId: string, at: number, data: Partial<Record<string, unknown>> = {}): Signal {
  return {
    id: nextId('reg'),
    type: 'account.registered',
    accountId,
    occurredAt: iso(at),
    data: { role: 'freelancer', email: `${accountId}@example.com`, displayName: accountId, country: 'US', timezone: 'America/New_York', ...data },
  };
}

export function session(accountId: string, at: number, ip: string, data: Partial<Record<string, unknown>> = {}): Signal {
  return { id: nextId('ses'), type: 'session.started', accountId, occurredAt: iso(at), data: { sessionId: nextId('s'), ip, ...data } };
}

export function activity(accountId: string, at: number, minutes = 50, data: Partial<Record<string, unknown>> = {}): Signal {
  return { id: nextId('act'), type: 'session.activity', accountId, occurredAt: iso(at), data: { sessionId: 's_work', activeMinutes: minutes, ...data } };
}

/** Hourly activity reports for `days` days at the given UTC hours, ending `before`. */
export function workHours(accountId: string, before: number, days: number, utcHours: readonly number[]): Signal[] {
  const firstDay = Math.floor(before / DAY) * DAY - days * DAY;
  return Array.from({ length: days }, (_, day) => utcHours.map((hour) => activity(accountId, firstDay + day * DAY + hour * HOUR + 55 * 60_000))).flat();
}

export function identityDeclined(accountId: string, at: number): Signal {
  return { id: nextId('idv'), type: 'identity.verified', accountId, occurredAt: iso(at), data: { provider: 'kyc', status: 'declined' } };
}

export function telemetry(accountId: string, at: number, data: Partial<Record<string, unknown>>): Signal {
  return { id: nextId('tel'), type: 'desktop.telemetry', accountId, occurredAt: iso(at), data };
}

export function address(accountId: string, at: number, line1: string): Signal {
  return { id: nextId('adr'), type: 'address.changed', accountId, occurredAt: iso(at), data: { kind: 'residential', line1, postalCode: '10001', country: 'US' } };
}

export function contract(freelancerId: string, clientId: string, at: number, contractId = nextId('c')): Signal {
  return { id: nextId('con'), type: 'contract.started', accountId: freelancerId, occurredAt: iso(at), data: { contractId, clientAccountId: clientId } };
}

export function review(authorId: string, subjectId: string, at: number, contractId: string, rating = 5): Signal {
  return { id: nextId('rev'), type: 'review.posted', accountId: authorId, occurredAt: iso(at), data: { contractId, subjectAccountId: subjectId, rating } };
}

export function identityVerified(accountId: string, at: number, data: Partial<Record<string, unknown>> = {}): Signal {
  return { id: nextId('idv'), type: 'identity.verified', accountId, occurredAt: iso(at), data: { provider: 'kyc', status: 'approved', ...data } };
}

export function profileUpdated(accountId: string, at: number, data: Partial<Record<string, unknown>>): Signal {
  return { id: nextId('pro'), type: 'profile.updated', accountId, occurredAt: iso(at), data };
}

export function cryptoPayoutMethod(accountId: string, at: number, wallet: string, data: Partial<Record<string, unknown>> = {}): Signal {
  return {
    id: nextId('pm'),
    type: 'payout_method.added',
    accountId,
    occurredAt: iso(at),
    data: { methodId: nextId('m'), kind: 'crypto', instrument: wallet, chain: 'ETH', ...data },
  };
}

export function payoutMethod(accountId: string, at: number, instrument: string): Signal {
  return { id: nextId('pm'), type: 'payout_method.added', accountId, occurredAt: iso(at), data: { methodId: nextId('m'), kind: 'paypal', instrument } };
}

/** Deterministic PRNG (mulberry32) and a Fisher–Yates shuffle with it. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}
