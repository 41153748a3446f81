import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentMarketplace, RequireScopes, type MarketplacePrincipal } from '@tns/auth';
import { AccountModel } from './account-risk.models';
import { GetAccountsRiskUseCase } from './get-accounts-risk.use-case';

/** Contract §4. The key decides the marketplace: an id is only ever looked up among its accounts. */
@Resolver(() => AccountModel)
export class AccountRiskResolver {
  constructor(private readonly getAccountsRisk: GetAccountsRiskUseCase) {}

  @Query(() => AccountModel, { nullable: true, description: 'null if never seen' })
  @RequireScopes('risk:read')
  async account(
    @CurrentMarketplace() principal: MarketplacePrincipal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<AccountModel | null> {
    const [account] = await this.getAccountsRisk.execute(principal.marketplaceId, [id]);
    return account ?? null;
  }

  @Query(() => [AccountModel], { nullable: 'items', description: 'at most 100 ids, same order, null where unknown' })
  @RequireScopes('risk:read')
  accounts(
    @CurrentMarketplace() principal: MarketplacePrincipal,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<(AccountModel | null)[]> {
    return this.getAccountsRisk.execute(principal.marketplaceId, ids);
  }
}
