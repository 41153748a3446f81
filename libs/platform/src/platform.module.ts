import type { DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule, type PlatformConfig } from '@tns/config';
import { DatabaseModule } from '@tns/database';
import { ObservabilityModule } from '@tns/observability';
import { QueueModule } from '@tns/queue';
import { DomainExceptionFilter } from './domain-exception.filter';

export type AppName = 'ingestion' | 'detection' | 'review' | 'enforcement' | 'cli';

export interface PlatformOptions {
  app: AppName;
  config: PlatformConfig;
  /** Serve /health and /metrics from this app (off for workers inside the one-process mode). */
  healthEndpoints: boolean;
  /** Run an outbox relay in this app (one per process is enough). */
  relay: boolean;
}

/** What every app stands on: validated config, logs and metrics, the database, the queues. */
export function platformImports(options: PlatformOptions): DynamicModule[] {
  return [
    ConfigModule.forApp(options.app, options.config),
    ObservabilityModule.forRoot({ withHealthEndpoints: options.healthEndpoints }),
    { module: DatabaseModule },
    QueueModule.forRoot({ relay: options.relay }),
  ];
}

export const DOMAIN_EXCEPTION_FILTER = { provide: APP_FILTER, useClass: DomainExceptionFilter };
