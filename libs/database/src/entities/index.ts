import { ApiKeyEntity } from './api-key.entity';
import { MarketplaceEntity } from './marketplace.entity';
import { ModeratorCredentialEntity } from './moderator-credential.entity';
import { ModeratorEntity } from './moderator.entity';

export { ApiKeyEntity, MarketplaceEntity, ModeratorCredentialEntity, ModeratorEntity };
export type { ModeratorCredentialKind } from './moderator-credential.entity';
export const ENTITIES = [MarketplaceEntity, ApiKeyEntity, ModeratorEntity, ModeratorCredentialEntity];
