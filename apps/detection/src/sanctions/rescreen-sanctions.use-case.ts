import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AccountFeaturesRepository,
  IdentityGraphRepository,
  SanctionsScreeningRepository,
} from '@tns/database';
import { counter } from '@tns/observability';
import { RiskRefresher } from '../assessment/risk-refresher';
import { DetectionClock } from '../enrichment/detection-clock';
import { AccountScreener } from './account-screener';

const rescreenRequests = counter(
  'tns_sanctions_rescreen_requests_total',
  'Sanctions rescreen requests completed',
);
const rescreenedAccounts = counter(
  'tns_sanctions_rescreened_accounts_total',
  'Accounts rescreened after a list update',
);

// Requests taken together: their keys are merged, so consecutive loads rescreen an account once.
const REQUESTS_PER_RUN = 20;
// Accounts read and screened at a time: bounds memory whatever a list change touches.
const ACCOUNTS_PER_PAGE = 1_000;

export interface RescreenOutcome {
  requests: number;
  accountsRescreened: number;
  /** Accounts whose hits changed (a match now, or a delisted entity cleared), re-assessed. */
  accountsReassessed: number;
}

/**
 * After a list load: takes the pending rescreen requests (FOR UPDATE SKIP LOCKED, so workers
 * share them), finds the accounts filed under a name key or identifier the change touched —
 * never every account — screens them against the now-active lists, clears hits on delisted
 * entities, re-assesses the accounts whose hits changed (risk and sanctions case), and marks the
 * requests completed, all in one transaction per run. Running it again redoes the same upserts.
 */
@Injectable()
export class RescreenSanctionsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: SanctionsScreeningRepository,
    private readonly featuresStore: AccountFeaturesRepository,
    private readonly graph: IdentityGraphRepository,
    private readonly screener: AccountScreener,
    private readonly refresher: RiskRefresher,
    private readonly clock: DetectionClock,
  ) {}

  /** Works until no request is pending; returns what it did. */
  async execute(): Promise<RescreenOutcome> {
    const total: RescreenOutcome = { requests: 0, accountsRescreened: 0, accountsReassessed: 0 };
    for (;;) {
      const outcome = await this.runOnce();
      if (outcome.requests === 0) return total;
      total.requests += outcome.requests;
      total.accountsRescreened += outcome.accountsRescreened;
      total.accountsReassessed += outcome.accountsReassessed;
    }
  }

  private runOnce(): Promise<RescreenOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const requests = await this.repository.claimPendingRescreens(manager, REQUESTS_PER_RUN);
      if (requests.length === 0) return { requests: 0, accountsRescreened: 0, accountsReassessed: 0 };
      const keys = [
        ...new Set(
          requests.flatMap((request) => [...request.affectedNameKeys, ...request.affectedIdentifiers]),
        ),
      ];
      const affected = await this.repository.accountsFiledUnder(manager, keys);
      const now = this.clock.now();
      let accountsRescreened = 0;
      let accountsReassessed = 0;
      for (const [marketplaceId, accountIds] of affected) {
        // Taken before screening, as detection passes take it before theirs: hits, clusters and
        // cases are then always written under it, in one lock order.
        await this.graph.lockMarketplaceGraph(manager, marketplaceId);
        const matched = new Set<string>();
        for (let start = 0; start < accountIds.length; start += ACCOUNTS_PER_PAGE) {
          const page = accountIds.slice(start, start + ACCOUNTS_PER_PAGE);
          const features = await this.featuresStore.findMany(manager, marketplaceId, page);
          const outcome = await this.screener.screen(
            manager,
            marketplaceId,
            [...features.values()],
            new Date(now),
            'list-update',
          );
          for (const accountId of outcome.matchedAccounts) matched.add(accountId);
          accountsRescreened += features.size;
        }
        const cleared = await this.repository.clearDelisted(manager, marketplaceId, accountIds);
        const reassess = [...new Set([...matched, ...cleared])].sort();
        if (reassess.length === 0) continue;
        await this.refresher.refresh(manager, marketplaceId, reassess, new Map(), now);
        accountsReassessed += reassess.length;
      }
      await this.repository.completeRescreens(
        manager,
        requests.map((request) => request.id),
      );
      rescreenRequests.inc(requests.length);
      rescreenedAccounts.inc(accountsRescreened);
      return { requests: requests.length, accountsRescreened, accountsReassessed };
    });
  }
}
