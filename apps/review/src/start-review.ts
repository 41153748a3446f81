import { closableApp, startHttpApp, type Closable, type ProcessContext } from '@tns/platform';
import { ReviewModule } from './review.module';

export async function startReview({ config, logger }: ProcessContext, relay: boolean): Promise<Closable> {
  const app = await startHttpApp(ReviewModule.forRoot({ config, healthEndpoints: true, relay }), {
    port: config.REVIEW_PORT,
    host: config.HOST,
    logger: logger.child({ app: 'review' }),
  });
  logger.info({ port: config.REVIEW_PORT }, 'review (moderation API) listening');
  return closableApp('review', app);
}
