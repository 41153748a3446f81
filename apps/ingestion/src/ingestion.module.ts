import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyGuard, AuthModule } from '@tns/auth';
import { DOMAIN_EXCEPTION_FILTER, graphqlEndpoint, platformImports, type PlatformOptions } from '@tns/platform';
import { ViewerResolver } from './viewer/viewer.resolver';

/** The marketplace API: signals in, risk and decisions out. Every call needs an API key. */
@Module({})
export class IngestionModule {
  static forRoot(options: Omit<PlatformOptions, 'app'>): DynamicModule {
    return {
      module: IngestionModule,
      imports: [
        ...platformImports({ ...options, app: 'ingestion' }),
        AuthModule,
        graphqlEndpoint({ production: options.config.NODE_ENV === 'production' }),
      ],
      providers: [{ provide: APP_GUARD, useExisting: ApiKeyGuard }, DOMAIN_EXCEPTION_FILTER, ViewerResolver],
    };
  }
}
