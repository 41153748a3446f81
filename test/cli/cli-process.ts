import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '@tns/testing';

export const SANCTIONS_DATA = path.resolve(REPO_ROOT, '../shared/data/sanctions');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built CLI (the test run's global setup builds dist/) as its own process, with only the
 * environment given: no DATABASE_URL unless the test passes one.
 */
export function runCli(args: string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/apps/cli/src/main.js'), ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
