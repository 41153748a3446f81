import 'reflect-metadata';
import { startDetection } from '@app/detection';
import { startEnforcement } from '@app/enforcement';
import { startIngestion } from '@app/ingestion';
import { startReview } from '@app/review';
import { createDataSource, resolveDatabaseUrls, runMigrations } from '@tns/database';
import { runProcess } from '@tns/platform';

/**
 * `npm start`: the four apps in one process (the laptop and demo mode). Migrations run first;
 * one outbox relay serves the process. On shutdown the HTTP apps stop taking requests first,
 * then the workers finish their jobs.
 */
void runProcess('all-in-one', async (context) => {
  const urls = await resolveDatabaseUrls(context.config);
  const dataSource = await createDataSource({ url: urls.applicationUrl, poolSize: 2, applicationName: 'tns-migrate' })
    .initialize();
  const applied = await runMigrations(dataSource);
  await dataSource.destroy();
  context.logger.info({ applied, database: urls.backend }, 'migrations applied');

  const ingestion = await startIngestion(context, true);
  const review = await startReview(context, false);
  const detection = await startDetection(context, false);
  const enforcement = await startEnforcement(context, false);
  return [ingestion, review, detection, enforcement];
});
