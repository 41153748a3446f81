import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { IpIntelRefresher, REFRESH_STATE_FILE, type IpIntelDownload, type IpIntelRefreshReport, type IpIntelService } from '@tns/ip-intel';

/** IP_INTEL_REFRESH parsed: a JSON list of {url, file}; a wrong value stops the worker at boot with one line. */
export function parseIpIntelDownloads(value: string | undefined, manifestPath: string | undefined): IpIntelDownload[] {
  if (value === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('Invalid configuration: IP_INTEL_REFRESH must be a JSON list of {"url","file"}');
  }
  const isDownload = (item: unknown): item is IpIntelDownload =>
    typeof (item as IpIntelDownload | null)?.url === 'string' && typeof (item as IpIntelDownload | null)?.file === 'string';
  if (!Array.isArray(parsed) || !parsed.every(isDownload)) {
    throw new Error('Invalid configuration: IP_INTEL_REFRESH must be a JSON list of {"url","file"}');
  }
  if (parsed.length > 0 && !manifestPath) throw new Error('Invalid configuration: IP_INTEL_REFRESH needs IP_INTEL_MANIFEST');
  return parsed.map((item) => ({ url: item.url, file: item.file }));
}

/**
 * Keeps the worker's IP intelligence current. One worker runs the scheduled download (the job);
 * every worker, that one included, reloads when the refresher's state file in the manifest folder
 * changes, so replicas sharing the folder follow without a job of their own.
 */
export class IpIntelRefreshService {
  private readonly refresher?: IpIntelRefresher;
  private lastStateChange?: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly service: IpIntelService,
    private readonly manifestPath: string | undefined,
    downloads: readonly IpIntelDownload[],
    private readonly logger: Logger,
  ) {
    if (manifestPath && downloads.length > 0) {
      this.refresher = new IpIntelRefresher({ manifestPath, downloads, reload: () => service.reload() });
    }
  }

  get enabled(): boolean {
    return this.refresher !== undefined;
  }

  async refresh(): Promise<IpIntelRefreshReport | undefined> {
    if (!this.refresher) return undefined;
    const report = await this.refresher.refresh();
    this.lastStateChange = await this.stateChangedAt();
    this.logger.info({ ok: report.ok, downloads: report.downloads.map(({ file, status }) => ({ file, status })) }, 'ip intel refreshed');
    return report;
  }

  /** Starts the cheap check for files another worker downloaded (a stat every `everyMs`). */
  async watch(everyMs: number): Promise<void> {
    if (!this.refresher) return;
    this.lastStateChange = await this.stateChangedAt();
    this.timer = setInterval(() => void this.reloadIfChanged(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async reloadIfChanged(): Promise<void> {
    const changedAt = await this.stateChangedAt();
    if (changedAt === undefined || changedAt === this.lastStateChange) return;
    this.lastStateChange = changedAt;
    const result = await this.service.reload();
    if (result.ok) this.logger.info('ip intel reloaded after a refresh by another worker');
    else this.logger.warn({ err: result.error }, 'ip intel reload failed; the previous data stays in use');
  }

  private async stateChangedAt(): Promise<number | undefined> {
    if (!this.manifestPath) return undefined;
    try {
      return (await stat(path.join(path.dirname(this.manifestPath), REFRESH_STATE_FILE))).mtimeMs;
    } catch {
      return undefined;
    }
  }
}
