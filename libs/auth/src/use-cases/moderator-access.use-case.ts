import { DomainError, ErrorCode } from '@tns/domain/errors';
import { isModeratorRole, roleAtLeast, type ModeratorRole } from '@tns/domain/moderation';
import type { MarketplaceRepository, ModeratorRepository } from '@tns/database';
import type { ModeratorPrincipal } from '../principal';
import { hashToken, issueToken } from '../secret-token';

const LOGIN_TOKEN_TTL_MS = 24 * 3600_000;
export const SESSION_TTL_MS = 8 * 3600_000;

/** Moderators: created by an operator with a one-time login token, which buys a short session. */
export class ModeratorAccessUseCase {
  constructor(
    private readonly moderators: ModeratorRepository,
    private readonly marketplaces: MarketplaceRepository,
  ) {}

  async create(email: string, role: string, marketplaceSlug?: string): Promise<{ loginToken: string }> {
    const normalisedEmail = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalisedEmail)) {
      throw new DomainError(ErrorCode.InvalidInput, `"${email}" is not an e-mail address`);
    }
    if (!isModeratorRole(role)) {
      throw new DomainError(ErrorCode.InvalidInput, `role must be moderator, senior or admin (got "${role}")`);
    }
    let marketplaceId: string | null = null;
    if (marketplaceSlug) {
      const marketplace = await this.marketplaces.findBySlug(marketplaceSlug);
      if (!marketplace) throw new DomainError(ErrorCode.NotFound, `no marketplace "${marketplaceSlug}"`);
      marketplaceId = marketplace.id;
    } else if (role !== 'admin') {
      throw new DomainError(ErrorCode.InvalidInput, 'only an admin may exist without --marketplace');
    }
    const moderator = await this.moderators.upsert(normalisedEmail, role, marketplaceId);
    const issued = issueToken('login');
    await this.moderators.addCredential(
      moderator.id,
      'login_token',
      issued.hash,
      new Date(Date.now() + LOGIN_TOKEN_TTL_MS),
    );
    return { loginToken: issued.token };
  }

  /** Spends the one-time login token; a second use, or an expired token, is refused. */
  async login(loginToken: string, now = new Date()): Promise<{ sessionToken: string; expiresAt: Date }> {
    const moderatorId = await this.moderators.spendLoginToken(hashToken(loginToken), now);
    const moderator = moderatorId ? await this.moderators.findActiveById(moderatorId) : null;
    if (!moderator) throw new DomainError(ErrorCode.Unauthenticated, 'invalid, expired or already used login token');
    const issued = issueToken('session');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await this.moderators.addCredential(moderator.id, 'session', issued.hash, expiresAt);
    return { sessionToken: issued.token, expiresAt };
  }

  async authenticate(
    authorization: string | undefined,
    required: ModeratorRole,
    now = new Date(),
  ): Promise<ModeratorPrincipal> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'missing "Authorization: Bearer <session token>"');
    const moderatorId = await this.moderators.findSessionModeratorId(hashToken(token), now);
    const moderator = moderatorId ? await this.moderators.findActiveById(moderatorId) : null;
    if (!moderator) throw new DomainError(ErrorCode.Unauthenticated, 'invalid or expired session');
    if (!roleAtLeast(moderator.role, required)) {
      throw new DomainError(ErrorCode.Forbidden, `this needs the ${required} role`);
    }
    return {
      kind: 'moderator',
      moderatorId: moderator.id,
      email: moderator.email,
      role: moderator.role,
      marketplaceId: moderator.marketplaceId,
    };
  }

  async logout(authorization: string | undefined, now = new Date()): Promise<void> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (token) await this.moderators.revokeSession(hashToken(token), now);
  }
}
