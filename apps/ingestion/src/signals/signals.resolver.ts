import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentMarketplace, RequireScopes, type MarketplacePrincipal } from '@tns/auth';
import { IngestSignalsUseCase } from './ingest-signals.use-case';
import { IngestSignalsResultModel, SignalInput } from './signal.models';

@Resolver()
export class SignalsResolver {
  constructor(private readonly ingestSignals: IngestSignalsUseCase) {}

  /** Up to 500 signals a call; each is validated alone, the valid ones are stored. */
  @Mutation(() => IngestSignalsResultModel, { name: 'ingestSignals' })
  @RequireScopes('signals:write')
  async ingest(
    @CurrentMarketplace() principal: MarketplacePrincipal,
    @Args('signals', { type: () => [SignalInput] }) signals: SignalInput[],
  ): Promise<IngestSignalsResultModel> {
    const { errors, accepted, duplicates, rejected } = await this.ingestSignals.execute(
      principal.marketplaceId,
      signals,
    );
    return { accepted, duplicates, rejected, errors };
  }
}
