import { closableApp, startHttpApp, type Closable, type ProcessContext } from '@tns/platform';
import { IngestionModule } from './ingestion.module';

const GRAPHQL_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

export async function startIngestion({ config, logger }: ProcessContext, relay: boolean): Promise<Closable> {
  const app = await startHttpApp(IngestionModule.forRoot({ config, healthEndpoints: true, relay }), {
    port: config.PORT,
    host: config.HOST,
    logger: logger.child({ app: 'ingestion' }),
    // Bounds JSON bodies (a GraphQL call carries at most 500 signals); NDJSON bodies are streamed,
    // not buffered, and are bounded by SIGNAL_MAX_BODY_BYTES instead.
    bodyLimitBytes: GRAPHQL_BODY_LIMIT_BYTES,
  });
  logger.info({ port: config.PORT }, 'ingestion (marketplace API) listening');
  return closableApp('ingestion', app);
}
