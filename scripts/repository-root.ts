import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, whether a script runs from scripts/ (swc-node) or compiled under dist/scripts/. */
function findRepositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const REPOSITORY_ROOT = findRepositoryRoot();
