import { accessSync, constants, statSync } from 'node:fs';
import { SanctionsListRepository, type SanctionsListSnapshotRow } from '@tns/database';
import {
  detectListFormat,
  isEmptyDiff,
  parseSanctionsList,
  planSnapshotLoad,
  type SanctionsListFormat,
  type SanctionsListSnapshot,
} from '@tns/sanctions-lists';

export interface SanctionsLoadResult {
  /** loaded: a new version; reactivated: an older stored version made active again; unchanged: no-op */
  outcome: 'loaded' | 'reactivated' | 'unchanged';
  source: SanctionsListFormat;
  snapshot: SanctionsListSnapshotRow;
  previous: SanctionsListSnapshotRow | null;
  added: number;
  removed: number;
  changed: number;
  affectedNameKeys: number;
  affectedIdentifiers: number;
  rescreenRequestId: string | null;
}

/**
 * `sanctions load`: parse the files, store them as a snapshot of the list, make it the active one
 * and, when entities changed, leave a rescreen request for the screening worker — all in one
 * transaction, so screening never sees a half-loaded list and a request never exists without
 * its snapshot.
 */
export class LoadSanctionsListUseCase {
  constructor(private readonly lists: SanctionsListRepository) {}

  async execute(source: SanctionsListFormat, files: string[]): Promise<SanctionsLoadResult> {
    const parsed = parse(source, files);
    return this.lists.inSourceTransaction(source, async (manager) => {
      const active = await this.lists.findActiveSnapshot(manager, source);
      const stored = await this.lists.findSnapshot(manager, source, parsed.version);
      if (stored?.active) {
        return { ...noChange(source, stored, active), outcome: 'unchanged' };
      }
      const previousEntities = active ? await this.lists.entitiesOf(manager, active.id) : [];
      const plan = planSnapshotLoad(previousEntities, parsed.entities);
      // The same files loaded earlier and since replaced: their stored snapshot comes back.
      const snapshot =
        stored ?? (await this.lists.insertSnapshot(manager, source, parsed.version, parsed.entities));
      await this.lists.activate(manager, source, snapshot.id);
      const rescreenRequestId = isEmptyDiff(plan.diff)
        ? null
        : await this.lists.recordRescreenRequest(manager, {
            snapshotId: snapshot.id,
            previousSnapshotId: active?.id ?? null,
            affectedNameKeys: plan.affectedNameKeys,
            affectedIdentifiers: plan.affectedIdentifiers,
          });
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
  snapshot: SanctionsListSnapshotRow,
  previous: SanctionsListSnapshotRow | null,
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

function parse(source: SanctionsListFormat, files: string[]): SanctionsListSnapshot {
  for (const file of files) {
    try {
      accessSync(file, constants.R_OK);
      if (!statSync(file).isFile()) throw Object.assign(new Error(), { code: 'not a regular file' });
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
        cause: error,
      });
    }
  }
  // A file of another list parses to nothing (or to garbage) and would replace the active list:
  // refuse when the files plainly belong to a different format than the one named.
  const detected = detectListFormat(files);
  if (detected && detected !== source) {
    throw new Error(`the files are in the ${detected} format, not ${source}`);
  }
  let snapshot: SanctionsListSnapshot;
  try {
    snapshot = parseSanctionsList(source, files);
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
