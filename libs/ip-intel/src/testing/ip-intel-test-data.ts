import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Test-only: where the shared public data lives, and a way to point a manifest at it. */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const IPINTEL_DATA = path.resolve(REPO_ROOT, '../shared/data/ipintel');
export const MAXMIND_TEST_DB = path.join(IPINTEL_DATA, 'maxmind-test-mmdb/test-data');
export const MAXMIND_SOURCE_DATA = path.join(IPINTEL_DATA, 'maxmind-test-mmdb/source-data');

export interface ManifestEntry {
  /** Absolute path; written into the manifest relative to its folder, as the contract has it. */
  readonly path: string;
  readonly format: string;
  readonly category?: string;
}

const createdTempDirs: string[] = [];

export async function makeTempDir(prefix = 'ip-intel-'): Promise<string> {
  const directory = await mkdtemp(path.join(os.tmpdir(), prefix));
  createdTempDirs.push(directory);
  return directory;
}

/** Call from afterAll in specs that use makeTempDir. */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(createdTempDirs.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
}

export async function writeManifest(directory: string, entries: readonly ManifestEntry[]): Promise<string> {
  const sources = entries.map(({ path: file, format, category }) => ({
    file: path.relative(directory, file),
    format,
    ...(category ? { category } : {}),
  }));
  const manifestPath = path.join(directory, 'manifest.json');
  await writeFile(manifestPath, JSON.stringify({ sources }, null, 2));
  return manifestPath;
}
