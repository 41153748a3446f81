import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule, ModeratorGuard } from '@tns/auth';
import { DOMAIN_EXCEPTION_FILTER, graphqlEndpoint, platformImports, type PlatformOptions } from '@tns/platform';
import { SessionResolver } from './session/session.resolver';

/** The moderation API: moderators sign in and work review queues. */
@Module({})
export class ReviewModule {
  static forRoot(options: Omit<PlatformOptions, 'app'>): DynamicModule {
    return {
      module: ReviewModule,
      imports: [
        ...platformImports({ ...options, app: 'review' }),
        AuthModule,
        graphqlEndpoint({ production: options.config.NODE_ENV === 'production' }),
      ],
      providers: [{ provide: APP_GUARD, useExisting: ModeratorGuard }, DOMAIN_EXCEPTION_FILTER, SessionResolver],
    };
  }
}
