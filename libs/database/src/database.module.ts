import { Global, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_NAME, PLATFORM_CONFIG, type PlatformConfig } from '@tns/config';
import { ReadinessRegistry } from '@tns/observability';
import { createDataSource } from './data-source';
import { resolveDatabaseUrls, type DatabaseUrls } from './database-urls';
import { REPOSITORIES } from './repositories';

export const DATABASE_URLS = Symbol('DATABASE_URLS');

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('database', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The application database (real or embedded PostgreSQL) and its repositories. */
@Global()
@Module({
  providers: [
    {
      provide: DATABASE_URLS,
      inject: [PLATFORM_CONFIG],
      useFactory: (config: PlatformConfig): Promise<DatabaseUrls> => resolveDatabaseUrls(config),
    },
    {
      provide: DataSource,
      inject: [PLATFORM_CONFIG, DATABASE_URLS, APP_NAME],
      useFactory: async (config: PlatformConfig, urls: DatabaseUrls, app: string): Promise<DataSource> =>
        createDataSource({
          url: urls.applicationUrl,
          poolSize: config.DATABASE_POOL_SIZE,
          applicationName: `tns-${app}`,
        }).initialize(),
    },
    ...REPOSITORIES.map((repository) => ({
      provide: repository,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new repository(dataSource),
    })),
    DatabaseLifecycle,
  ],
  exports: [DATABASE_URLS, DataSource, ...REPOSITORIES],
})
export class DatabaseModule {}
