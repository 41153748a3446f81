import { InvalidIpAddressError, parseLookupAddress } from './ip-address';
import { IpIntel } from './ip-intel-answer';
import { loadIpIntelManifest } from './ip-intel-manifest';
import { IpIntelSnapshot, IpIntelSourceSummary, loadIpIntelSnapshot } from './ip-intel-snapshot';

export type IpIntelReloadResult =
  | { readonly ok: true; readonly loadedAt: Date; readonly durationMs: number; readonly sources: readonly IpIntelSourceSummary[] }
  | { readonly ok: false; readonly error: Error; readonly durationMs: number };

export interface IpIntelStatus {
  /** undefined: the built-in default (DB-IP Lite City + ASN table). */
  readonly manifestPath?: string;
  readonly loadedAt: Date;
  readonly sources: readonly IpIntelSourceSummary[];
  readonly lastReload?: IpIntelReloadResult;
}

/**
 * Holds the current snapshot. reload() builds a complete new snapshot beside the old one and
 * swaps the reference in one assignment, so a lookup sees either all-old or all-new data; while
 * it loads (seconds for the default databases) lookups keep using the old snapshot, and a failed
 * reload leaves it in place and reports the error.
 */
export class IpIntelService {
  private lastReload?: IpIntelReloadResult;
  private reloadInFlight?: Promise<IpIntelReloadResult>;
  private reloadQueued?: Promise<IpIntelReloadResult>;

  private constructor(
    private readonly manifestPath: string | undefined,
    private snapshot: IpIntelSnapshot,
  ) {}

  /** Loads the manifest (undefined → built-in default); rejects when it cannot be loaded. */
  static async load(manifestPath?: string): Promise<IpIntelService> {
    const snapshot = await loadIpIntelSnapshot(await loadIpIntelManifest(manifestPath));
    return new IpIntelService(manifestPath, snapshot);
  }

  /**
   * Intelligence for an IPv4 or IPv6 address (IPv4-mapped IPv6 is answered as IPv4).
   * @throws InvalidIpAddressError when `ip` is not an address (surrounding spaces are tolerated).
   */
  lookup(ip: string): IpIntel {
    const address = parseLookupAddress(ip.trim());
    if (!address) throw new InvalidIpAddressError(ip);
    return this.snapshot.lookup(address);
  }

  /** As lookup, but undefined for text that is not an IP address. */
  tryLookup(ip: string): IpIntel | undefined {
    const address = parseLookupAddress(ip.trim());
    return address && this.snapshot.lookup(address);
  }

  /**
   * Re-reads the manifest and all its files. Never rejects: the result says whether the new
   * data is live. A call during a reload queues one more reload (files may have changed after
   * the running one read them); further calls share that queued one.
   */
  reload(): Promise<IpIntelReloadResult> {
    if (!this.reloadInFlight) {
      this.reloadInFlight = this.loadAndSwap().finally(() => {
        this.reloadInFlight = undefined;
      });
      return this.reloadInFlight;
    }
    this.reloadQueued ??= this.reloadInFlight.then(() => {
      this.reloadQueued = undefined;
      return this.reload();
    });
    return this.reloadQueued;
  }

  get status(): IpIntelStatus {
    return {
      manifestPath: this.manifestPath,
      loadedAt: this.snapshot.loadedAt,
      sources: this.snapshot.summaries,
      lastReload: this.lastReload,
    };
  }

  /** The data currently answering lookups (e.g. for sizes in a status page). */
  get currentSnapshot(): IpIntelSnapshot {
    return this.snapshot;
  }

  private async loadAndSwap(): Promise<IpIntelReloadResult> {
    const started = performance.now();
    try {
      const next = await loadIpIntelSnapshot(await loadIpIntelManifest(this.manifestPath));
      this.snapshot = next;
      this.lastReload = { ok: true, loadedAt: next.loadedAt, durationMs: performance.now() - started, sources: next.summaries };
    } catch (error) {
      // Duck-typed: errors from Node internals may come from another realm under a test VM.
      const failure = typeof (error as Error)?.message === 'string' ? (error as Error) : new Error(String(error));
      this.lastReload = { ok: false, error: failure, durationMs: performance.now() - started };
    }
    return this.lastReload;
  }
}
