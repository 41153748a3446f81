import { closableApp, startWorkerApp, type Closable, type ProcessContext } from '@tns/platform';
import { DetectionModule } from './detection.module';

const DEFAULT_HEALTH_PORT = 3002;

export async function startDetection({ config, logger }: ProcessContext, standalone: boolean): Promise<Closable> {
  const app = await startWorkerApp(
    DetectionModule.forRoot({ config, healthEndpoints: standalone, relay: standalone }),
    { standalone, healthPort: config.HEALTH_PORT ?? DEFAULT_HEALTH_PORT, host: config.HOST, logger: logger.child({ app: 'detection' }) },
  );
  logger.info({ standalone }, 'detection worker started');
  return closableApp('detection', app);
}
