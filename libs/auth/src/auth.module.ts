import { Module } from '@nestjs/common';
import { ApiKeyRepository, MarketplaceRepository, ModeratorRepository } from '@tns/database';
import { ApiKeyGuard, ModeratorGuard } from './guards';
import { AuthenticateApiKeyUseCase } from './use-cases/authenticate-api-key.use-case';
import { CreateApiKeyUseCase } from './use-cases/create-api-key.use-case';
import { CreateMarketplaceUseCase } from './use-cases/create-marketplace.use-case';
import { ModeratorAccessUseCase } from './use-cases/moderator-access.use-case';

/** Tenancy and access: marketplaces, API keys, moderators and their sessions. */
@Module({
  providers: [
    {
      provide: AuthenticateApiKeyUseCase,
      inject: [ApiKeyRepository],
      useFactory: (keys: ApiKeyRepository) => new AuthenticateApiKeyUseCase(keys),
    },
    {
      provide: CreateApiKeyUseCase,
      inject: [MarketplaceRepository, ApiKeyRepository],
      useFactory: (marketplaces: MarketplaceRepository, keys: ApiKeyRepository) =>
        new CreateApiKeyUseCase(marketplaces, keys),
    },
    {
      provide: CreateMarketplaceUseCase,
      inject: [MarketplaceRepository],
      useFactory: (marketplaces: MarketplaceRepository) => new CreateMarketplaceUseCase(marketplaces),
    },
    {
      provide: ModeratorAccessUseCase,
      inject: [ModeratorRepository, MarketplaceRepository],
      useFactory: (moderators: ModeratorRepository, marketplaces: MarketplaceRepository) =>
        new ModeratorAccessUseCase(moderators, marketplaces),
    },
    ApiKeyGuard,
    ModeratorGuard,
  ],
  exports: [
    AuthenticateApiKeyUseCase,
    CreateApiKeyUseCase,
    CreateMarketplaceUseCase,
    ModeratorAccessUseCase,
    ApiKeyGuard,
    ModeratorGuard,
  ],
})
export class AuthModule {}
