import { Global, Inject, Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_NAME, PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { createLogger } from './logger';
import { HealthController } from './health.controller';
import { collectProcessMetrics } from './metrics';
import { ReadinessRegistry } from './readiness';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
/** Injects the process's pino logger. */
export const InjectLogger = (): ParameterDecorator => Inject(ROOT_LOGGER);

@Global()
@Module({})
export class ObservabilityModule {
  /** `withHealthEndpoints` is off for apps that serve no HTTP in the one-process mode. */
  static forRoot(options: { withHealthEndpoints: boolean }): DynamicModule {
    collectProcessMetrics();
    return {
      module: ObservabilityModule,
      controllers: options.withHealthEndpoints ? [HealthController] : [],
      providers: [
        ReadinessRegistry,
        {
          provide: ROOT_LOGGER,
          inject: [APP_NAME, PLATFORM_CONFIG],
          useFactory: (app: string, config: PlatformConfig): Logger => createLogger(app, config.LOG_LEVEL),
        },
      ],
      exports: [ReadinessRegistry, ROOT_LOGGER],
    };
  }
}
