import 'reflect-metadata';
import { runProcess } from '@tns/platform';
import { startReview } from './start-review';

void runProcess('review', async (context) => [await startReview(context, true)]);
