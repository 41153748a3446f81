import { Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import type { Logger } from 'pino';
import { ApiKeyGuard, AuthModule } from '@tns/auth';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { SignalBatchRepository, SignalRepository } from '@tns/database';
import { Pseudonymiser } from '@tns/domain/signals';
import { ROOT_LOGGER } from '@tns/observability';
import { OutboxRelay } from '@tns/queue';
import { DOMAIN_EXCEPTION_FILTER, graphqlEndpoint, platformImports, type PlatformOptions } from '@tns/platform';
import { queryCostRule } from './graphql/query-cost.rule';
import { RiskModule } from './risk/risk.module';
import { ApiKeyRateLimitInterceptor } from './limits/api-key-rate-limit.interceptor';
import { DetectionBacklogGate } from './limits/detection-backlog.gate';
import { PipelineStatusResolver } from './pipeline/pipeline-status.resolver';
import { IngestSignalsUseCase } from './signals/ingest-signals.use-case';
import { NdjsonBodyParser } from './signals/ndjson-body.parser';
import { createPseudonymiser } from './signals/pseudonymiser.provider';
import { SignalMaintenanceScheduler } from './signals/signal-maintenance.scheduler';
import { SignalsController } from './signals/signals.controller';
import { SignalsResolver } from './signals/signals.resolver';
import { ViewerResolver } from './viewer/viewer.resolver';

/** GraphQL limits of the marketplace API (contract §4: lists take at most 100 items a page). */
const GRAPHQL_MAX_DEPTH = 10;
const GRAPHQL_MAX_COST = 5_000;

@Injectable()
class SignalMaintenanceLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly scheduler: SignalMaintenanceScheduler) {}
  onApplicationBootstrap(): Promise<void> {
    return this.scheduler.start();
  }
  onApplicationShutdown(): Promise<void> {
    return this.scheduler.stop();
  }
}

/** The marketplace API: signals in, risk and decisions out. Every call needs an API key. */
@Module({})
export class IngestionModule {
  static forRoot(options: Omit<PlatformOptions, 'app'>): DynamicModule {
    const production = options.config.NODE_ENV === 'production';
    return {
      module: IngestionModule,
      imports: [
        ...platformImports({ ...options, app: 'ingestion' }),
        AuthModule,
        RiskModule,
        graphqlEndpoint({
          production,
          queryDepth: GRAPHQL_MAX_DEPTH,
          validationRules: [queryCostRule(GRAPHQL_MAX_COST)],
        }),
      ],
      controllers: [SignalsController],
      providers: [
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
        {
          provide: APP_INTERCEPTOR,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig) =>
            new ApiKeyRateLimitInterceptor(config.API_KEY_RATE_PER_SEC, config.API_KEY_RATE_BURST),
        },
        DOMAIN_EXCEPTION_FILTER,
        ViewerResolver,
        SignalsResolver,
        PipelineStatusResolver,
        NdjsonBodyParser,
        {
          provide: Pseudonymiser,
          inject: [PLATFORM_CONFIG, ROOT_LOGGER],
          useFactory: (config: PlatformConfig, logger: Logger) => createPseudonymiser(config, logger),
        },
        {
          provide: DetectionBacklogGate,
          inject: [SignalBatchRepository, PLATFORM_CONFIG],
          useFactory: (batches: SignalBatchRepository, config: PlatformConfig) =>
            new DetectionBacklogGate(batches, config.SIGNAL_MAX_BACKLOG),
        },
        {
          provide: IngestSignalsUseCase,
          inject: [
            SignalRepository,
            OutboxRelay,
            Pseudonymiser,
            DetectionBacklogGate,
            ROOT_LOGGER,
            PLATFORM_CONFIG,
          ],
          useFactory: (
            signals: SignalRepository,
            relay: OutboxRelay,
            pseudonymiser: Pseudonymiser,
            gate: DetectionBacklogGate,
            logger: Logger,
            config: PlatformConfig,
          ) =>
            new IngestSignalsUseCase(
              signals,
              relay,
              pseudonymiser,
              gate,
              logger.child({ component: 'ingest-signals' }),
              // Two writers already keep one PostgreSQL busy; more only queue up on the pool.
              { bulkBatchesInFlight: Math.max(2, Math.min(4, config.DATABASE_POOL_SIZE - 2)), partitionsAheadDays: config.SIGNAL_PARTITIONS_AHEAD_DAYS },
            ),
        },
        {
          provide: SignalMaintenanceScheduler,
          inject: [SignalRepository, PLATFORM_CONFIG, ROOT_LOGGER],
          useFactory: (signals: SignalRepository, config: PlatformConfig, logger: Logger) =>
            new SignalMaintenanceScheduler(signals, config, logger.child({ component: 'signal-maintenance' })),
        },
        SignalMaintenanceLifecycle,
      ],
    };
  }
}

