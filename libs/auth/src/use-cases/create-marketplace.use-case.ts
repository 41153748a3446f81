import { DomainError, ErrorCode } from '@tns/domain/errors';
import type { MarketplaceRepository } from '@tns/database';

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export class CreateMarketplaceUseCase {
  constructor(private readonly marketplaces: MarketplaceRepository) {}

  async execute(slug: string, name?: string): Promise<{ id: string }> {
    if (!SLUG.test(slug)) {
      throw new DomainError(ErrorCode.InvalidInput, `slug "${slug}" must be 1-63 lower-case letters, digits or -`);
    }
    if (await this.marketplaces.findBySlug(slug)) {
      throw new DomainError(ErrorCode.Conflict, `marketplace "${slug}" already exists`);
    }
    const marketplace = await this.marketplaces.create(slug, name?.trim() || slug);
    return { id: marketplace.id };
  }
}
