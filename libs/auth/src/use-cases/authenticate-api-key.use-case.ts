import type { ApiScope } from '@tns/domain/access';
import { DomainError, ErrorCode } from '@tns/domain/errors';
import type { ApiKeyRepository } from '@tns/database';
import type { MarketplacePrincipal } from '../principal';
import { hashesEqual, hashToken, lookupPrefixOf } from '../secret-token';

/** Resolves a bearer API key to its marketplace, or refuses (401 / 403). */
export class AuthenticateApiKeyUseCase {
  private readonly cache = new Map<string, { principal: MarketplacePrincipal; hash: string; until: number }>();

  constructor(
    private readonly apiKeys: ApiKeyRepository,
    /** A revoked key stops working within this long; it spares a query per request. */
    private readonly cacheMs = 5_000,
  ) {}

  async execute(authorization: string | undefined, required: readonly ApiScope[]): Promise<MarketplacePrincipal> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'missing "Authorization: Bearer <api key>"');
    const principal = await this.resolve(token);
    if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'invalid or revoked API key');
    const missing = required.filter((scope) => !principal.scopes.includes(scope));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.Forbidden, `this API key lacks the scope ${missing.join(', ')}`);
    }
    return principal;
  }

  private async resolve(token: string): Promise<MarketplacePrincipal | null> {
    const prefix = lookupPrefixOf(token);
    if (!prefix) return null;
    const hash = hashToken(token);
    const cached = this.cache.get(prefix);
    if (cached && cached.until > Date.now()) return hashesEqual(cached.hash, hash) ? cached.principal : null;
    const row = await this.apiKeys.findActiveByPrefix(prefix);
    if (!row || !hashesEqual(row.secretHash, hash)) return null;
    const principal: MarketplacePrincipal = {
      kind: 'marketplace',
      marketplaceId: row.marketplaceId,
      apiKeyId: row.id,
      scopes: row.scopes as ApiScope[],
    };
    this.cache.set(prefix, { principal, hash: row.secretHash, until: Date.now() + this.cacheMs });
    return principal;
  }
}
