// Without DEMO_API_KEY the demo creates its own marketplace and key through the admin CLI
// (contract §2), against the database the CLI is configured for: DATABASE_URL when set, else the
// embedded default under ./.data. A fresh marketplace per run keeps runs from linking to each other.

import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const CLI_ENTRY = path.resolve(__dirname, '../../dist/apps/cli/src/main.js');

async function cli(args: string[]): Promise<string> {
  if (!existsSync(CLI_ENTRY))
    throw new Error(`${CLI_ENTRY} not found: run "npm run build" first, or set DEMO_API_KEY`);
  try {
    const { stdout } = await run(process.execPath, [CLI_ENTRY, ...args], {
      env: process.env,
      timeout: 120_000,
    });
    return stdout.trim().split('\n').pop() ?? '';
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`cli ${args.slice(0, 2).join(' ')} failed: ${stderr || (error as Error).message}`, {
      cause: error,
    });
  }
}

export interface ProvisionedKey {
  readonly slug: string;
  readonly apiKey: string;
}

export async function provisionDemoMarketplace(slug: string): Promise<ProvisionedKey> {
  await cli(['marketplace', 'create', slug, '--name', 'Demo marketplace']);
  const apiKey = await cli([
    'api-key',
    'create',
    '--marketplace',
    slug,
    '--scopes',
    'signals:write,risk:read',
  ]);
  return { slug, apiKey };
}
