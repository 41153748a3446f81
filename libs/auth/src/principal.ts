import type { ApiScope } from '@tns/domain/access';
import type { ModeratorRole } from '@tns/domain/moderation';

/** A marketplace service calling with an API key: the key decides the marketplace. */
export interface MarketplacePrincipal {
  kind: 'marketplace';
  marketplaceId: string;
  apiKeyId: string;
  scopes: readonly ApiScope[];
}

/** A person using the review tool. `marketplaceId` null: an operator-level admin. */
export interface ModeratorPrincipal {
  kind: 'moderator';
  moderatorId: string;
  email: string;
  role: ModeratorRole;
  marketplaceId: string | null;
}
