import {
  createParamDecorator,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiScope } from '@tns/domain/access';
import { DomainError, ErrorCode } from '@tns/domain/errors';
import type { ModeratorRole } from '@tns/domain/moderation';
import { PUBLIC_ENDPOINT } from '@tns/observability';
import type { MarketplacePrincipal, ModeratorPrincipal } from './principal';
import { requestOf } from './request-context';
import { AuthenticateApiKeyUseCase } from './use-cases/authenticate-api-key.use-case';
import { ModeratorAccessUseCase } from './use-cases/moderator-access.use-case';

const SCOPES = 'tns:required-scopes';
const ROLE = 'tns:required-role';

/** The API-key scopes a handler needs (marketplace API). */
export const RequireScopes = (...scopes: ApiScope[]): MethodDecorator & ClassDecorator => SetMetadata(SCOPES, scopes);
/** The least moderator role a handler needs (review API). */
export const RequireRole = (role: ModeratorRole): MethodDecorator & ClassDecorator => SetMetadata(ROLE, role);

/** Every marketplace API handler is authenticated unless marked @Public. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticate: AuthenticateApiKeyUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, targets)) return true;
    const request = requestOf(context);
    if (request.principal?.kind === 'marketplace') return this.checkScopes(request.principal, context);
    const scopes = this.reflector.getAllAndOverride<ApiScope[]>(SCOPES, targets) ?? [];
    request.principal = await this.authenticate.execute(request.headers.authorization, scopes);
    return true;
  }

  /** Field resolvers run the guard again on an already authenticated request. */
  private checkScopes(principal: MarketplacePrincipal, context: ExecutionContext): boolean {
    const scopes = this.reflector.getAllAndOverride<ApiScope[]>(SCOPES, [context.getHandler(), context.getClass()]);
    const missing = (scopes ?? []).filter((scope) => !principal.scopes.includes(scope));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.Forbidden, `this API key lacks the scope ${missing.join(', ')}`);
    }
    return true;
  }
}

/** Every review API handler needs a moderator session unless marked @Public. */
@Injectable()
export class ModeratorGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: ModeratorAccessUseCase,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, targets)) return true;
    const role = this.reflector.getAllAndOverride<ModeratorRole>(ROLE, targets) ?? 'moderator';
    const request = requestOf(context);
    request.principal = await this.access.authenticate(request.headers.authorization, role);
    return true;
  }
}

export const CurrentMarketplace = createParamDecorator(
  (_data: unknown, context: ExecutionContext): MarketplacePrincipal => {
    const principal = requestOf(context).principal;
    if (principal?.kind !== 'marketplace') throw new DomainError(ErrorCode.Unauthenticated, 'not authenticated');
    return principal;
  },
);

export const CurrentModerator = createParamDecorator((_data: unknown, context: ExecutionContext): ModeratorPrincipal => {
  const principal = requestOf(context).principal;
  if (principal?.kind !== 'moderator') throw new DomainError(ErrorCode.Unauthenticated, 'not authenticated');
  return principal;
});
