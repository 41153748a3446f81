// Loading a list: shared by the CLI (`sanctions load`) and the detection worker's scheduled
// download, so both store, activate and request rescreens the same way. Storage is a port
// (SanctionsSnapshotStore) that the database library's SanctionsListRepository satisfies; this
// library does not depend on the database.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import type { SanctionedEntity } from '@tns/domain/sanctions';
import {
  detectListFileFormat,
  parseSanctionsListFiles,
  type SanctionsListFile,
  type SanctionsListFormat,
  type SanctionsListSnapshot,
} from './list-snapshot';
import { isEmptyDiff, planSnapshotLoad } from './snapshot-load-plan';

export interface StoredSnapshot {
  id: string;
  source: string;
  version: string;
  loadedAt: Date;
  activatedAt: Date | null;
  entityCount: number;
  active: boolean;
}

export interface RescreenRequestDraft {
  snapshotId: string;
  previousSnapshotId: string | null;
  affectedNameKeys: string[];
  affectedIdentifiers: string[];
}

/** Where snapshots live; `Tx` is the store's transaction handle. */
export interface SanctionsSnapshotStore<Tx> {
  /** One transaction holding a per-source lock: two loads of a list never diff against the same snapshot. */
  inSourceTransaction<T>(source: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  findActiveSnapshot(tx: Tx, source: string): Promise<StoredSnapshot | null>;
  findSnapshot(tx: Tx, source: string, version: string): Promise<StoredSnapshot | null>;
  entitiesOf(tx: Tx, snapshotId: string): Promise<SanctionedEntity[]>;
  insertSnapshot(
    tx: Tx,
    source: string,
    version: string,
    entities: readonly SanctionedEntity[],
  ): Promise<StoredSnapshot>;
  activate(tx: Tx, source: string, snapshotId: string): Promise<void>;
  recordRescreenRequest(tx: Tx, request: RescreenRequestDraft): Promise<string>;
}

export interface SanctionsLoadResult {
  /** loaded: a new version; reactivated: an older stored version made active again; unchanged: no-op */
  outcome: 'loaded' | 'reactivated' | 'unchanged';
  source: SanctionsListFormat;
  snapshot: StoredSnapshot;
  previous: StoredSnapshot | null;
  added: number;
  removed: number;
  changed: number;
  affectedNameKeys: number;
  affectedIdentifiers: number;
  rescreenRequestId: string | null;
}

export interface LoadSanctionsListOptions<Tx> {
  /** Called in the load's transaction once a rescreen request exists (e.g. to nudge the worker through the outbox). */
  onRescreenRequested?: (tx: Tx, requestId: string) => Promise<void>;
}

/**
 * Parse the files, store them as a snapshot of the list, make it the active one and, when
 * entities changed, leave a rescreen request for the screening worker — all in one transaction,
 * so screening never sees a half-loaded list and a request never exists without its snapshot.
 */
export class LoadSanctionsListUseCase<Tx> {
  constructor(
    private readonly lists: SanctionsSnapshotStore<Tx>,
    private readonly options: LoadSanctionsListOptions<Tx> = {},
  ) {}

  /** Loads files from disk. */
  // async: a file that cannot be read or parsed is a rejected promise, like a database failure.
  async execute(source: SanctionsListFormat, files: string[]): Promise<SanctionsLoadResult> {
    return this.executeFiles(source, readListFiles(files));
  }

  /** Loads contents already in memory (a download); the names play the role of file names. */
  async executeFiles(source: SanctionsListFormat, files: SanctionsListFile[]): Promise<SanctionsLoadResult> {
    return this.store(source, parse(source, files));
  }

  private store(source: SanctionsListFormat, parsed: SanctionsListSnapshot): Promise<SanctionsLoadResult> {
    return this.lists.inSourceTransaction(source, async (tx) => {
      const active = await this.lists.findActiveSnapshot(tx, source);
      const stored = await this.lists.findSnapshot(tx, source, parsed.version);
      if (stored?.active) {
        return { ...noChange(source, stored, active), outcome: 'unchanged' };
      }
      const previousEntities = active ? await this.lists.entitiesOf(tx, active.id) : [];
      const plan = planSnapshotLoad(previousEntities, parsed.entities);
      // The same files loaded earlier and since replaced: their stored snapshot comes back.
      const snapshot =
        stored ?? (await this.lists.insertSnapshot(tx, source, parsed.version, parsed.entities));
      await this.lists.activate(tx, source, snapshot.id);
      const rescreenRequestId = isEmptyDiff(plan.diff)
        ? null
        : await this.lists.recordRescreenRequest(tx, {
            snapshotId: snapshot.id,
            previousSnapshotId: active?.id ?? null,
            affectedNameKeys: plan.affectedNameKeys,
            affectedIdentifiers: plan.affectedIdentifiers,
          });
      if (rescreenRequestId && this.options.onRescreenRequested)
        await this.options.onRescreenRequested(tx, rescreenRequestId);
      return {
        outcome: stored ? 'reactivated' : 'loaded',
        source,
        snapshot: { ...snapshot, active: true },
        previous: active,
        added: plan.diff.added.length,
        removed: plan.diff.removed.length,
        changed: plan.diff.changed.length,
        affectedNameKeys: plan.affectedNameKeys.length,
        affectedIdentifiers: plan.affectedIdentifiers.length,
        rescreenRequestId,
      };
    });
  }
}

function noChange(
  source: SanctionsListFormat,
  snapshot: StoredSnapshot,
  previous: StoredSnapshot | null,
): Omit<SanctionsLoadResult, 'outcome'> {
  return {
    source,
    snapshot,
    previous,
    added: 0,
    removed: 0,
    changed: 0,
    affectedNameKeys: 0,
    affectedIdentifiers: 0,
    rescreenRequestId: null,
  };
}

function readListFiles(files: string[]): SanctionsListFile[] {
  return files.map((file) => {
    try {
      accessSync(file, constants.R_OK);
      if (!statSync(file).isFile()) throw Object.assign(new Error(), { code: 'not a regular file' });
      return { name: file, content: readFileSync(file) };
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
        cause: error,
      });
    }
  });
}

function parse(source: SanctionsListFormat, files: SanctionsListFile[]): SanctionsListSnapshot {
  // A file of another list parses to nothing (or to garbage) and would replace the active list:
  // refuse when the files plainly belong to a different format than the one named.
  const detected = detectListFileFormat(files);
  if (detected && detected !== source) {
    throw new Error(`the files are in the ${detected} format, not ${source}`);
  }
  let snapshot: SanctionsListSnapshot;
  try {
    snapshot = parseSanctionsListFiles(source, files);
  } catch (error) {
    throw new Error(
      `cannot parse the ${source} list: ${error instanceof Error ? error.message : String(error)}`,
      {
        cause: error,
      },
    );
  }
  // An empty parse would deactivate every entity of the list: that is never a real publication.
  if (snapshot.entities.length === 0) {
    throw new Error(
      `no entities found in the ${source} files; refusing to replace the list with an empty one`,
    );
  }
  return snapshot;
}
