import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { MarketplacePrincipal, ModeratorPrincipal } from './principal';

export type AuthenticatedRequest = FastifyRequest & {
  principal?: MarketplacePrincipal | ModeratorPrincipal;
};

/** The underlying HTTP request, whether the call came over REST or GraphQL. */
export function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}
