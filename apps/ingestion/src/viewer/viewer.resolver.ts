import { Query, Resolver } from '@nestjs/graphql';
import { CurrentMarketplace, type MarketplacePrincipal } from '@tns/auth';
import { MarketplaceRepository } from '@tns/database';
import { DomainError, ErrorCode } from '@tns/domain/errors';
import { ViewerModel } from './viewer.model';

@Resolver(() => ViewerModel)
export class ViewerResolver {
  constructor(private readonly marketplaces: MarketplaceRepository) {}

  /** Lets an integration check its key: which marketplace it writes to, with which scopes. */
  @Query(() => ViewerModel)
  async viewer(@CurrentMarketplace() principal: MarketplacePrincipal): Promise<ViewerModel> {
    const marketplace = await this.marketplaces.findById(principal.marketplaceId);
    if (!marketplace) throw new DomainError(ErrorCode.Unauthenticated, 'the marketplace of this key no longer exists');
    return {
      marketplace: { id: marketplace.id, slug: marketplace.slug, name: marketplace.name },
      scopes: [...principal.scopes],
    };
  }
}
