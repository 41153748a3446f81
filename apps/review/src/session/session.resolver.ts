import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentModerator, ModeratorAccessUseCase, type AuthenticatedRequest, type ModeratorPrincipal } from '@tns/auth';
import { Public } from '@tns/observability';
import { ModeratorModel, SessionModel } from './session.model';

@Resolver()
export class SessionResolver {
  constructor(private readonly access: ModeratorAccessUseCase) {}

  /** Exchanges the one-time login token printed by `cli moderator create` for a session. */
  @Public()
  @Mutation(() => SessionModel)
  async login(@Args('loginToken') loginToken: string): Promise<SessionModel> {
    const session = await this.access.login(loginToken);
    return { token: session.sessionToken, expiresAt: session.expiresAt };
  }

  @Mutation(() => Boolean)
  async logout(@Context('req') request: AuthenticatedRequest): Promise<boolean> {
    await this.access.logout(request.headers.authorization);
    return true;
  }

  @Query(() => ModeratorModel)
  me(@CurrentModerator() moderator: ModeratorPrincipal): ModeratorModel {
    return {
      id: moderator.moderatorId,
      email: moderator.email,
      role: moderator.role,
      marketplaceId: moderator.marketplaceId,
    };
  }
}
