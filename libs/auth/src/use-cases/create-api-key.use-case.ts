import { parseApiScopes } from '@tns/domain/access';
import { DomainError, ErrorCode } from '@tns/domain/errors';
import type { ApiKeyRepository, MarketplaceRepository } from '@tns/database';
import { issueToken } from '../secret-token';

export class CreateApiKeyUseCase {
  constructor(
    private readonly marketplaces: MarketplaceRepository,
    private readonly apiKeys: ApiKeyRepository,
  ) {}

  /** Returns the key; it is shown once and never stored in the clear. */
  async execute(marketplaceSlug: string, scopesCsv: string): Promise<{ key: string; id: string }> {
    let scopes;
    try {
      scopes = parseApiScopes(scopesCsv);
    } catch (error) {
      throw new DomainError(ErrorCode.InvalidInput, (error as Error).message);
    }
    const marketplace = await this.marketplaces.findBySlug(marketplaceSlug);
    if (!marketplace) throw new DomainError(ErrorCode.NotFound, `no marketplace "${marketplaceSlug}"`);
    const issued = issueToken('key');
    const row = await this.apiKeys.create(marketplace.id, {
      prefix: issued.lookupPrefix,
      secretHash: issued.hash,
      scopes,
    });
    return { key: issued.token, id: row.id };
  }
}
