import 'reflect-metadata';
import { runProcess } from '@tns/platform';
import { startEnforcement } from './start-enforcement';

void runProcess('enforcement', async (context) => [await startEnforcement(context, true)]);
