import type { EntityManager } from 'typeorm';
import { SanctionsScreeningRepository, type PayoutHoldRecord, type SanctionsHitRecord } from '@tns/database';
import type { AccountFeatures } from '@tns/domain/detection';
import { screeningKeys, type ScreeningMatch } from '@tns/domain/sanctions';
import { counter, histogram } from '@tns/observability';
import { screeningPartyOf } from './screening-party';
import { listLabel } from './sanctions-reason';
import { SanctionsScreening } from './sanctions-screening.service';

const accountsScreened = counter(
  'tns_sanctions_accounts_screened_total',
  'Accounts screened against the sanctions lists',
  ['trigger'],
);
const hitsFound = counter('tns_sanctions_hits_total', 'Sanctions matches found by screening', ['channel']);
const screeningSeconds = histogram(
  'tns_sanctions_screen_seconds',
  'Time to screen one account (name search + identifier lookup)',
  [],
  [0.0005, 0.001, 0.002, 0.005, 0.01, 0.05],
);

export type ScreeningTrigger = 'signal' | 'list-update';

export interface ScreeningOutcome {
  /** Accounts with at least one match now. */
  matchedAccounts: string[];
}

/**
 * Screens accounts (their current names, context and identifiers) against the active lists and
 * stores what it finds: hits (upserted; never removed here — a name an account used stays
 * evidence), payout-hold recommendations for exact identifier hits, and the keys the account is
 * filed under for later list changes. Runs inside the caller's transaction.
 */
export class AccountScreener {
  constructor(
    private readonly screening: SanctionsScreening,
    private readonly repository: SanctionsScreeningRepository,
  ) {}

  async screen(
    manager: EntityManager,
    marketplaceId: string,
    accounts: readonly AccountFeatures[],
    now: Date,
    trigger: ScreeningTrigger,
  ): Promise<ScreeningOutcome> {
    if (accounts.length === 0) return { matchedAccounts: [] };
    const lists = await this.screening.current(manager);
    const raw = await this.repository.rawIdentifiersOf(
      manager,
      marketplaceId,
      accounts.map((features) => features.accountId),
    );
    const hits: SanctionsHitRecord[] = [];
    const holds: PayoutHoldRecord[] = [];
    const keys = new Map<string, string[]>();
    const matched = new Set<string>();
    for (const features of accounts) {
      const party = screeningPartyOf(features, raw.get(features.accountId));
      // Filed even while no list is loaded: the first load must find the accounts it affects.
      if (trigger === 'signal') keys.set(features.accountId, screeningKeys(party));
      if (!lists) continue;
      const started = performance.now();
      const matches = lists.screen(party);
      screeningSeconds.observe((performance.now() - started) / 1000);
      for (const match of matches) {
        matched.add(features.accountId);
        hitsFound.inc({ channel: match.channel });
        hits.push(hitRecord(features.accountId, match, lists.snapshotOf(match.entity)));
        if (match.exact) {
          holds.push({
            accountId: features.accountId,
            list: match.entity.list,
            sourceId: match.entity.sourceId,
            snapshotId: lists.snapshotOf(match.entity),
            reason: `${match.channel} ${match.partyValue} is listed for ${match.entity.primaryName} (${listLabel(match.entity.list)} ${match.entity.sourceId}, ${match.entity.programs.join(', ') || 'no programme given'})`,
          });
        }
      }
    }
    accountsScreened.inc({ trigger }, accounts.length);
    await this.repository.saveHits(manager, marketplaceId, hits, now);
    await this.repository.recordPayoutHolds(manager, marketplaceId, holds);
    if (keys.size > 0) await this.repository.fileScreeningKeys(manager, marketplaceId, keys);
    return { matchedAccounts: [...matched].sort() };
  }
}

function hitRecord(accountId: string, match: ScreeningMatch, snapshotId: string): SanctionsHitRecord {
  const { entity } = match;
  return {
    accountId,
    list: entity.list,
    sourceId: entity.sourceId,
    channel: match.channel,
    snapshotId,
    entityName: entity.primaryName,
    entityKind: entity.kind,
    programs: entity.programs,
    matchedName: match.listedValue,
    accountValue: match.partyValue,
    score: Math.round(match.score * 10000) / 10000,
    evidence: {
      field: match.field ?? null,
      exact: match.exact,
      explanation: match.explanation,
      listedDatesOfBirth: entity.datesOfBirth,
      listedNationalities: entity.nationalities,
    },
  };
}
