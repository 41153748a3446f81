import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AccountFeaturesRepository,
  DetectionSignalRepository,
  IdentityGraphRepository,
  ProcessedMessageRepository,
  SignalBatchRepository,
  type GraphEntityLink,
  type PendingBatch,
} from '@tns/database';
import {
  type AccountFeatures,
  applyObservation,
  emptyAccountFeatures,
  entityKeysOf,
  HUB_THRESHOLDS,
  type EntityKind,
  type Observation,
  observationTargets,
} from '@tns/domain/detection';
import { counter } from '@tns/observability';
import type { DetectSignalBatchPayload } from '@tns/queue';
import { RiskRefresher } from '../assessment/risk-refresher';
import { DetectionClock } from '../enrichment/detection-clock';
import { IpLookupPort } from '../enrichment/ip-lookup';
import { MAX_LINKABLE_HOLDERS } from '../graph/link-rules';
import { observationsOf } from '../observations/stored-signal.mapper';
import { AccountScreener } from '../sanctions/account-screener';

const WORKER_ID = `${hostname()}:${process.pid}`;
const batchesDetected = counter(
  'tns_detection_batches_total',
  'Signal batches by what detection did with their job: done = detected; coalesced = already detected by a pass that took it along; repeat = a re-delivery that did nothing',
  ['outcome'],
);

/**
 * Signals one detection pass takes on at most. A pass detects its own batch and, up to this
 * bound, the marketplace's other pending batches: under a backlog the fixed cost of a pass
 * (clusters rebuilt, cases refreshed) is paid once for many batches, and when detection keeps up
 * a pass is its own batch alone.
 */
export const MAX_SIGNALS_PER_PASS = 20_000;

/**
 * Observations that change what sanctions screening sees: a name (registration, profile, identity
 * verification, payout holder), a date of birth or nationality, an identifier (e-mail, document,
 * wallet).
 */
function changesScreening(observation: Observation): boolean {
  switch (observation.kind) {
    case 'registration':
    case 'identity':
    case 'payout-method':
      return true;
    case 'profile':
      return observation.displayName !== undefined || observation.legalName !== undefined;
    case 'session':
    case 'activity':
    case 'session-end':
    case 'telemetry':
    case 'payout-request':
    case 'address':
    case 'contract':
    case 'review':
      return false;
  }
}

/**
 * Detection's work on one accepted batch (and the pending batches a pass takes along), done once
 * however often the job is delivered, in one transaction: observations from the stored signals
 * (IP enrichment), features of the accounts they concern (locked in account order), sanctions
 * screening of the accounts whose names or identifiers changed, identity-graph links, then
 * clusters, assessments and cases around the changed accounts (RiskRefresher), then the batches
 * are marked detected (pipelineStatus).
 */
@Injectable()
export class DetectSignalBatchUseCase {
  constructor(
    private readonly processed: ProcessedMessageRepository,
    private readonly batches: SignalBatchRepository,
    private readonly signals: DetectionSignalRepository,
    private readonly features: AccountFeaturesRepository,
    private readonly graph: IdentityGraphRepository,
    private readonly refresher: RiskRefresher,
    private readonly ipLookup: IpLookupPort,
    private readonly clock: DetectionClock,
    private readonly screener: AccountScreener,
  ) {}

  async execute(messageId: string, payload: DetectSignalBatchPayload): Promise<boolean> {
    const { marketplaceId, batchId } = payload;
    let detected = 0;
    const done = await this.processed.runOnce('detection', messageId, async (manager) => {
      // One pass per marketplace at a time: concurrent passes would wait on each other's account
      // locks anyway, and a pass that waits here usually finds its batch taken along.
      await this.graph.lockMarketplaceGraph(manager, marketplaceId);
      const batches = await this.batches.claimForDetection(manager, marketplaceId, batchId, MAX_SIGNALS_PER_PASS);
      if (batches.length === 0) return;
      await this.detect(manager, marketplaceId, batches);
      detected = await this.batches.markDetected(manager, marketplaceId, batches.map((batch) => batch.id), WORKER_ID);
    });
    if (!done) batchesDetected.inc({ outcome: 'repeat' });
    else if (detected === 0) batchesDetected.inc({ outcome: 'coalesced' });
    else batchesDetected.inc({ outcome: 'done' }, detected);
    return done;
  }

  private async detect(manager: EntityManager, marketplaceId: string, batches: readonly PendingBatch[]): Promise<void> {
    const signals = await this.signals.signalsOf(manager, marketplaceId, batches);
    if (signals.length === 0) return;
    const observations = observationsOf(signals, (ip) => this.ipLookup.lookup(ip));
    if (observations.length === 0) return;

    // Contracts and reviews concern two accounts: both sides' features change.
    const targets = [...new Set(observations.flatMap(observationTargets))].sort();
    const states = await this.features.lockForUpdate(manager, marketplaceId, targets, emptyAccountFeatures);
    for (const observation of observations) {
      for (const accountId of observationTargets(observation)) {
        states.set(accountId, applyObservation(states.get(accountId) ?? emptyAccountFeatures(accountId), observation));
      }
    }
    const updated: AccountFeatures[] = targets.map((accountId) => states.get(accountId)!);
    await this.features.save(manager, marketplaceId, updated);

    // Screened on the updated features, so a batch screens the account as it now is (its legal
    // name with the date of birth verified earlier, say).
    const toScreen = new Set(observations.filter(changesScreening).map((observation) => observation.accountId));
    await this.screener.screen(manager, marketplaceId, updated.filter((features) => toScreen.has(features.accountId)), new Date(this.clock.now()), 'signal');

    const links: GraphEntityLink[] = observations.flatMap((observation) =>
      entityKeysOf(observation).map((entity) => ({
        entityKey: entity.key,
        kind: entity.kind,
        accountId: observation.accountId,
        seenAt: new Date(observation.occurredAt),
      })),
    );
    const gained = await this.graph.addLinks(manager, marketplaceId, links);
    // An entity that gained a holder changes its other holders' links and contexts, up to the
    // holder that makes it a hub (whose arrival unlinks the rest); beyond that nothing changes.
    const changed = gained
      .filter((entity) => entity.accountCount >= 2 && entity.accountCount <= HUB_THRESHOLDS[entity.kind as EntityKind] + 1)
      .map((entity) => entity.entityKey);
    const holders = await this.graph.holdersOf(manager, marketplaceId, changed, MAX_LINKABLE_HOLDERS + 1);
    const registered = observations.filter((observation) => observation.kind === 'registration').map((observation) => observation.accountId);
    await this.refresher.refresh(manager, marketplaceId, [...new Set([...targets, ...holders])].sort(), states, this.clock.now(), registered);
  }
}
