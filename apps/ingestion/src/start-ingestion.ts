import { closableApp, startHttpApp, type Closable, type ProcessContext } from '@tns/platform';
import { IngestionModule } from './ingestion.module';

export async function startIngestion({ config, logger }: ProcessContext, relay: boolean): Promise<Closable> {
  const app = await startHttpApp(IngestionModule.forRoot({ config, healthEndpoints: true, relay }), {
    port: config.PORT,
    host: config.HOST,
    logger: logger.child({ app: 'ingestion' }),
  });
  logger.info({ port: config.PORT }, 'ingestion (marketplace API) listening');
  return closableApp('ingestion', app);
}
