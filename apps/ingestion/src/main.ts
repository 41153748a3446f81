import 'reflect-metadata';
import { runProcess } from '@tns/platform';
import { startIngestion } from './start-ingestion';

void runProcess('ingestion', async (context) => [await startIngestion(context, true)]);
