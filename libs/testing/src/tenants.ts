import type { DataSource } from 'typeorm';
import { CreateApiKeyUseCase, CreateMarketplaceUseCase } from '@tns/auth';
import { ApiKeyRepository, MarketplaceRepository } from '@tns/database';

/** Creates a marketplace through the real use case; returns its id. */
export async function createMarketplace(dataSource: DataSource, slug: string): Promise<string> {
  return (await new CreateMarketplaceUseCase(new MarketplaceRepository(dataSource)).execute(slug)).id;
}

/** Creates an API key of the marketplace `slug` with the scopes (comma-separated); returns the key. */
export async function createApiKey(dataSource: DataSource, slug: string, scopes: string): Promise<string> {
  const useCase = new CreateApiKeyUseCase(new MarketplaceRepository(dataSource), new ApiKeyRepository(dataSource));
  return (await useCase.execute(slug, scopes)).key;
}
