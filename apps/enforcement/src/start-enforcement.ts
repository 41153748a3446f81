import { closableApp, startWorkerApp, type Closable, type ProcessContext } from '@tns/platform';
import { EnforcementModule } from './enforcement.module';

const DEFAULT_HEALTH_PORT = 3003;

export async function startEnforcement({ config, logger }: ProcessContext, standalone: boolean): Promise<Closable> {
  const app = await startWorkerApp(
    EnforcementModule.forRoot({ config, healthEndpoints: standalone, relay: standalone }),
    { standalone, healthPort: config.HEALTH_PORT ?? DEFAULT_HEALTH_PORT, host: config.HOST, logger: logger.child({ app: 'enforcement' }) },
  );
  logger.info({ standalone }, 'enforcement worker started');
  return closableApp('enforcement', app);
}
