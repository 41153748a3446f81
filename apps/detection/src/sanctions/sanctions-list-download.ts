import * as path from 'node:path';
import type { EntityManager } from 'typeorm';
import { OutboxRepository, SanctionsListRepository, SanctionsScreeningRepository } from '@tns/database';
import { QueueName, RESCREEN_SANCTIONS_JOB } from '@tns/queue';
import {
  isSanctionsListFormat,
  LoadSanctionsListUseCase,
  SANCTIONS_LIST_FORMATS,
  type SanctionsListFile,
  type SanctionsListFormat,
  type SanctionsLoadResult,
} from '@tns/sanctions-lists';

/** One configured list: its format and the URLs of its files (an OFAC set is several). */
export interface SanctionsListSource {
  source: SanctionsListFormat;
  urls: string[];
}

export type SanctionsDownloadOutcome =
  | { source: SanctionsListFormat; status: 'unchanged' }
  | { source: SanctionsListFormat; status: 'loaded'; result: SanctionsLoadResult }
  | { source: SanctionsListFormat; status: 'failed'; error: string };

const INVALID = `Invalid configuration: SANCTIONS_SOURCES must be a JSON list of {"source": ${SANCTIONS_LIST_FORMATS.map((format) => `"${format}"`).join('|')}, "urls": ["http(s)://…", …]}`;

/** SANCTIONS_SOURCES parsed; a wrong value stops the worker at boot with one line. */
export function parseSanctionsSources(value: string | undefined): SanctionsListSource[] {
  if (value === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error(INVALID);
  }
  const isSource = (item: unknown): item is SanctionsListSource => {
    const candidate = item as { source?: unknown; urls?: unknown } | null;
    return (
      typeof candidate?.source === 'string' &&
      isSanctionsListFormat(candidate.source) &&
      Array.isArray(candidate.urls) &&
      candidate.urls.length > 0 &&
      candidate.urls.every((url) => typeof url === 'string' && /^https?:\/\/[^/]/i.test(url))
    );
  };
  if (!Array.isArray(parsed) || !parsed.every(isSource)) throw new Error(INVALID);
  return parsed.map((item) => ({ source: item.source, urls: [...item.urls] }));
}

interface Fetched {
  url: string;
  status: 'modified' | 'not-modified';
  content?: Buffer;
  etag: string | null;
  lastModified: string | null;
}

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_MAX_BYTES = 512 * 1024 * 1024;

/**
 * The scheduled download: for each configured list, conditional requests (If-None-Match /
 * If-Modified-Since, validators shared by every worker in the database) for each of its files.
 * When none changed, nothing happens. When one did, the unchanged ones are fetched again in
 * full (a set is parsed whole, and a 304 carries no body) and the files are loaded through the
 * same use case as `sanctions load`: a new snapshot only if the content differs, and a rescreen
 * request (nudged through the outbox) only if entities changed. Validators are saved after a
 * successful load, so a download that fails to parse is tried again next time.
 */
export class SanctionsListDownloader {
  private readonly loader: LoadSanctionsListUseCase<EntityManager>;
  private running?: Promise<SanctionsDownloadOutcome[]>;

  constructor(
    private readonly sources: readonly SanctionsListSource[],
    lists: SanctionsListRepository,
    private readonly state: SanctionsScreeningRepository,
    outbox: OutboxRepository,
    private readonly options: { timeoutMs?: number; maxBytes?: number } = {},
  ) {
    this.loader = new LoadSanctionsListUseCase(lists, {
      onRescreenRequested: (manager, requestId) =>
        outbox.add(manager, [
          { queue: QueueName.Detection, jobName: RESCREEN_SANCTIONS_JOB, payload: { requestId } },
        ]),
    });
  }

  get enabled(): boolean {
    return this.sources.length > 0;
  }

  /** Overlapping calls share the running download. */
  refresh(): Promise<SanctionsDownloadOutcome[]> {
    this.running ??= this.refreshAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async refreshAll(): Promise<SanctionsDownloadOutcome[]> {
    const outcomes: SanctionsDownloadOutcome[] = [];
    for (const source of this.sources) outcomes.push(await this.refreshSource(source));
    return outcomes;
  }

  private async refreshSource({ source, urls }: SanctionsListSource): Promise<SanctionsDownloadOutcome> {
    try {
      const fetched: Fetched[] = [];
      for (const url of urls)
        fetched.push(await this.fetch(url, (await this.state.downloadValidators(source, url)) ?? undefined));
      if (fetched.every((file) => file.status === 'not-modified')) return { source, status: 'unchanged' };
      for (const [index, file] of fetched.entries()) {
        if (file.status === 'not-modified') fetched[index] = await this.fetch(file.url, undefined);
      }
      const files: SanctionsListFile[] = fetched.map((file) => ({
        name: fileNameOf(file.url),
        content: file.content!,
      }));
      const result = await this.loader.executeFiles(source, files);
      for (const file of fetched) {
        await this.state.saveDownloadValidators(source, file.url, {
          etag: file.etag,
          lastModified: file.lastModified,
        });
      }
      return { source, status: 'loaded', result };
    } catch (error) {
      return { source, status: 'failed', error: error instanceof Error ? error.message : String(error) };
    }
  }

  private async fetch(
    url: string,
    validators: { etag: string | null; lastModified: string | null } | undefined,
  ): Promise<Fetched> {
    const headers: Record<string, string> = {};
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    const response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      redirect: 'follow',
    });
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    if (response.status === 304 && validators) {
      await response.body?.cancel();
      return {
        url,
        status: 'not-modified',
        etag: etag ?? validators.etag,
        lastModified: lastModified ?? validators.lastModified,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`GET ${url}: HTTP ${response.status}`);
    }
    const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new Error(`GET ${url}: ${declared} bytes is more than the ${maxBytes} allowed`);
    }
    const content = Buffer.from(await response.arrayBuffer());
    if (content.length > maxBytes) throw new Error(`GET ${url}: more than the ${maxBytes} bytes allowed`);
    return { url, status: 'modified', content, etag, lastModified };
  }
}

/** The URL's last path segment: an OFAC set's files are recognised by their names (sdn.csv, alt.csv…). */
function fileNameOf(url: string): string {
  const name = path.posix.basename(new URL(url).pathname);
  return decodeURIComponent(name || 'list');
}
