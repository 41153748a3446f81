import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IpIntelManifest, IpIntelSource, readIpIntelManifest } from './ip-intel-manifest';
import { loadSourceData } from './ip-intel-source-files';
import type { IpIntelReloadResult } from './ip-intel.service';

/** A manifest file to keep up to date from a URL (http or https). */
export interface IpIntelDownload {
  readonly url: string;
  /** As named in the manifest; downloaded into the manifest's folder. */
  readonly file: string;
}

export interface IpIntelRefresherOptions {
  /** Gives the download folder and each file's format (to check that a download parses). */
  readonly manifestPath: string;
  readonly downloads: readonly IpIntelDownload[];
  /** Called once after a refresh that replaced at least one file, e.g. `() => service.reload()`. */
  readonly reload: () => Promise<IpIntelReloadResult>;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

export type IpIntelDownloadOutcome =
  | { readonly file: string; readonly url: string; readonly status: 'updated'; readonly bytes: number }
  | { readonly file: string; readonly url: string; readonly status: 'unchanged' }
  | { readonly file: string; readonly url: string; readonly status: 'failed'; readonly error: string };

export interface IpIntelRefreshReport {
  readonly downloads: readonly IpIntelDownloadOutcome[];
  /** Present when a file changed and a reload was triggered. */
  readonly reload?: IpIntelReloadResult;
  /** True when every download succeeded (or was unchanged) and the reload, if any, succeeded. */
  readonly ok: boolean;
}

/** ETag / Last-Modified of the last accepted download of each file, for conditional requests. */
type ValidatorState = Record<string, { url: string; etag?: string; lastModified?: string }>;

export const REFRESH_STATE_FILE = '.ip-intel-refresh-state.json';
const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BYTES = 1 << 30;

/**
 * Downloads each configured URL to a temporary file beside its target, checks it parses as the
 * manifest's format for that file, and renames it over the target (atomic on one filesystem),
 * then asks for one reload. A failed download, a bad payload or an HTTP error leaves the old
 * file (and so the old data) in place and is reported in the outcome. Scheduling is the
 * caller's: call refresh() from a job; overlapping calls share the running refresh.
 */
export class IpIntelRefresher {
  private running?: Promise<IpIntelRefreshReport>;

  constructor(private readonly options: IpIntelRefresherOptions) {
    for (const { url } of options.downloads) assertHttpUrl(url);
  }

  refresh(): Promise<IpIntelRefreshReport> {
    this.running ??= this.refreshAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async refreshAll(): Promise<IpIntelRefreshReport> {
    let manifest: IpIntelManifest;
    try {
      manifest = await readIpIntelManifest(this.options.manifestPath);
    } catch (error) {
      const message = (error as Error).message;
      const downloads = this.options.downloads.map((d) => ({ ...d, status: 'failed' as const, error: message }));
      return { downloads, ok: false };
    }
    const directory = manifest.directory as string;
    const state = await readValidatorState(directory);
    const downloads: IpIntelDownloadOutcome[] = [];
    // One at a time: validating an MMDB loads it whole, and sources are few.
    for (const download of this.options.downloads) {
      downloads.push(await this.refreshOne(download, manifest, state));
    }
    await writeValidatorState(directory, state);
    const changed = downloads.some((outcome) => outcome.status === 'updated');
    const reload = changed ? await this.options.reload() : undefined;
    const ok = downloads.every((outcome) => outcome.status !== 'failed') && (reload?.ok ?? true);
    return { downloads, ...(reload ? { reload } : {}), ok };
  }

  private async refreshOne(
    download: IpIntelDownload,
    manifest: IpIntelManifest,
    state: ValidatorState,
  ): Promise<IpIntelDownloadOutcome> {
    const { url, file } = download;
    const source = manifest.sources.find((candidate) => candidate.path === path.resolve(manifest.directory as string, file));
    if (!source) return { url, file, status: 'failed', error: `${file} is not a source of ${manifest.manifestPath}` };
    try {
      const previous = (await fileExists(source.path)) && state[file]?.url === url ? state[file] : undefined;
      const response = await fetch(url, {
        headers: conditionalHeaders(previous),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
      if (response.status === 304) return { url, file, status: 'unchanged' };
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText} from ${url}`);
      const bytes = await this.installVerified(response, source);
      state[file] = {
        url,
        ...optional('etag', response.headers.get('etag')),
        ...optional('lastModified', response.headers.get('last-modified')),
      };
      return { url, file, status: 'updated', bytes };
    } catch (error) {
      return { url, file, status: 'failed', error: describe(error) };
    }
  }

  /** Writes the body to a temp file, checks it parses, then renames it over the target. */
  private async installVerified(response: Response, source: IpIntelSource): Promise<number> {
    const temporary = path.join(
      path.dirname(source.path),
      `.${path.basename(source.path)}.${process.pid}.${randomBytes(4).toString('hex')}.download`,
    );
    try {
      const bytes = await writeBody(response, temporary, this.options.maxBytes ?? DEFAULT_MAX_BYTES);
      await loadSourceData({ ...source, path: temporary });
      await rename(temporary, source.path);
      return bytes;
    } finally {
      await rm(temporary, { force: true });
    }
  }
}

async function writeBody(response: Response, target: string, maxBytes: number): Promise<number> {
  if (!response.body) throw new Error('empty response body');
  const handle = await open(target, 'wx');
  let bytes = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (bytes > maxBytes) throw new Error(`download larger than ${maxBytes} bytes`);
      await handle.write(chunk);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return bytes;
}

function conditionalHeaders(previous: ValidatorState[string] | undefined): Record<string, string> {
  if (!previous) return {};
  return {
    ...(previous.etag ? { 'if-none-match': previous.etag } : {}),
    ...(previous.lastModified ? { 'if-modified-since': previous.lastModified } : {}),
  };
}

async function readValidatorState(directory: string): Promise<ValidatorState> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(directory, REFRESH_STATE_FILE), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as ValidatorState) : {};
  } catch {
    return {}; // no state yet, or unreadable: plain (unconditional) downloads are always correct
  }
}

async function writeValidatorState(directory: string, state: ValidatorState): Promise<void> {
  const target = path.join(directory, REFRESH_STATE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(state, null, 2));
  await rename(temporary, target);
}

async function fileExists(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

function assertHttpUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`Refresh URL must be http(s): ${url}`);
}

function optional<K extends string>(key: K, value: string | null): Partial<Record<K, string>> {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/**
 * fetch wraps network failures as "fetch failed" with the real reason in `cause`. Duck-typed,
 * because errors from another realm (Node internals under a test VM) fail instanceof checks.
 */
function describe(error: unknown): string {
  const message = messageOf(error);
  if (message === undefined) return String(error);
  const cause = messageOf((error as { cause?: unknown }).cause);
  return cause === undefined ? message : `${message}: ${cause}`;
}

function messageOf(value: unknown): string | undefined {
  const message = typeof value === 'object' && value !== null ? (value as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}
