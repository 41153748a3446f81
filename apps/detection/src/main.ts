import 'reflect-metadata';
import { runProcess } from '@tns/platform';
import { startDetection } from './start-detection';

void runProcess('detection', async (context) => [await startDetection(context, true)]);
