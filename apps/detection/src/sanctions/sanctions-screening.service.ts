import type { EntityManager } from 'typeorm';
import { SanctionsScreeningRepository } from '@tns/database';
import {
  SanctionsIdentifierIndex,
  SanctionsNameIndex,
  screenParty,
  type SanctionedEntity,
  type ScreeningMatch,
  type ScreeningParty,
} from '@tns/domain/sanctions';
import { gauge } from '@tns/observability';

const indexedEntities = gauge(
  'tns_sanctions_indexed_entities',
  "Listed entities in the worker's screening indexes",
);

/** The indexes of one set of active snapshots. */
export class LoadedSanctionsLists {
  readonly names: SanctionsNameIndex;
  readonly identifiers: SanctionsIdentifierIndex;

  constructor(
    readonly version: string,
    private readonly snapshotOfEntity: ReadonlyMap<SanctionedEntity, string>,
    entities: readonly SanctionedEntity[],
    readonly threshold: number,
  ) {
    this.names = new SanctionsNameIndex(entities);
    this.identifiers = new SanctionsIdentifierIndex(entities);
  }

  get entityCount(): number {
    return this.names.entityCount;
  }

  screen(party: ScreeningParty): ScreeningMatch[] {
    return screenParty(this.names, this.identifiers, party, this.threshold);
  }

  snapshotOf(entity: SanctionedEntity): string {
    return this.snapshotOfEntity.get(entity) ?? '';
  }
}

/**
 * The worker's screening indexes, built from the active snapshots the first time they are
 * needed and rebuilt when another snapshot becomes active. Every caller checks the active
 * snapshot ids (one indexed query) in its own transaction, so a batch or rescreen never screens
 * against lists older than those it can see. Concurrent callers share one build.
 */
export class SanctionsScreening {
  private loaded?: LoadedSanctionsLists;
  private building?: { version: string; promise: Promise<LoadedSanctionsLists> };

  constructor(
    private readonly repository: SanctionsScreeningRepository,
    readonly threshold: number,
    private readonly onBuilt: (lists: LoadedSanctionsLists, ms: number) => void = () => undefined,
  ) {}

  /** The indexes of the lists active as `manager` sees them; null when no list is loaded. */
  async current(manager: EntityManager): Promise<LoadedSanctionsLists | null> {
    const version = await this.repository.activeListsVersion(manager);
    if (version === '') return null;
    if (this.loaded?.version === version) return this.loaded;
    if (this.building?.version !== version) {
      const promise = this.build();
      this.building = { version, promise };
      promise
        .catch(() => undefined)
        .finally(() => {
          if (this.building?.promise === promise) this.building = undefined;
        });
    }
    const built = await this.building.promise;
    // A newer load may have committed since `version` was read: the build read it consistently,
    // and is at least as new as what this transaction sees.
    if (!this.loaded || this.loaded.version !== built.version) this.loaded = built;
    return built;
  }

  private async build(): Promise<LoadedSanctionsLists> {
    const started = performance.now();
    const { version, entities } = await this.repository.loadActiveEntities();
    const snapshotOf = new Map(entities.map(({ entity, snapshotId }) => [entity, snapshotId]));
    const lists = new LoadedSanctionsLists(
      version,
      snapshotOf,
      entities.map(({ entity }) => entity),
      this.threshold,
    );
    indexedEntities.set(lists.entityCount);
    this.onBuilt(lists, performance.now() - started);
    return lists;
  }
}
