import { Query, Resolver } from '@nestjs/graphql';
import { CurrentMarketplace, RequireScopes, type MarketplacePrincipal } from '@tns/auth';
import { SignalBatchRepository } from '@tns/database';
import { PipelineStatusModel } from './pipeline-status.model';

@Resolver(() => PipelineStatusModel)
export class PipelineStatusResolver {
  constructor(private readonly batches: SignalBatchRepository) {}

  /** Exact: counted from the batches committed with the signals, closed by detection. */
  @Query(() => PipelineStatusModel)
  @RequireScopes('risk:read')
  async pipelineStatus(@CurrentMarketplace() principal: MarketplacePrincipal): Promise<PipelineStatusModel> {
    const backlog = await this.batches.backlog(principal.marketplaceId);
    const oldest = backlog.oldestPendingAcceptedAt;
    return {
      backlog: backlog.signals,
      oldestPendingAgeMs: oldest ? Math.max(0, Date.now() - new Date(oldest).getTime()) : null,
    };
  }
}
