import type { SanctionedEntity, SanctionedEntityKind } from '@tns/domain/sanctions';
import type { DataSource, EntityManager } from 'typeorm';

/** One stored version of one sanctions list (lists are global: no marketplace). */
export interface SanctionsListSnapshotRow {
  id: string;
  source: string;
  version: string;
  loadedAt: Date;
  activatedAt: Date | null;
  entityCount: number;
  active: boolean;
}

export interface ActiveSanctionsLists {
  snapshots: SanctionsListSnapshotRow[];
  entities: SanctionedEntity[];
}

export interface RescreenRequest {
  snapshotId: string;
  previousSnapshotId: string | null;
  affectedNameKeys: string[];
  affectedIdentifiers: string[];
}

interface SnapshotRecord {
  id: string;
  source: string;
  version: string;
  loaded_at: Date;
  activated_at: Date | null;
  entity_count: number;
  active: boolean;
}

interface EntityRecord {
  source_id: string;
  kind: SanctionedEntityKind;
  primary_name: string;
  payload: Omit<SanctionedEntity, 'sourceId' | 'kind' | 'primaryName'>;
}

// Rows per INSERT: bounds one statement's parameter size (an OFAC set is ~9k entities, ~10 MB).
const INSERT_CHUNK = 1000;

const SNAPSHOT_COLUMNS = `id, source, version, loaded_at, activated_at, entity_count, active`;

export class SanctionsListRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in one transaction holding a per-source lock, so two concurrent loads of the same
   * list cannot both diff against the same previous snapshot (or race to activate).
   */
  inSourceTransaction<T>(source: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sanctions-list:' || $1))`, [source]);
      return work(manager);
    });
  }

  async findSnapshot(
    manager: EntityManager,
    source: string,
    version: string,
  ): Promise<SanctionsListSnapshotRow | null> {
    const rows: SnapshotRecord[] = await manager.query(
      `SELECT ${SNAPSHOT_COLUMNS} FROM sanctions_list_snapshot WHERE source = $1 AND version = $2`,
      [source, version],
    );
    return rows[0] ? toSnapshot(rows[0]) : null;
  }

  async findActiveSnapshot(manager: EntityManager, source: string): Promise<SanctionsListSnapshotRow | null> {
    const rows: SnapshotRecord[] = await manager.query(
      `SELECT ${SNAPSHOT_COLUMNS} FROM sanctions_list_snapshot WHERE source = $1 AND active`,
      [source],
    );
    return rows[0] ? toSnapshot(rows[0]) : null;
  }

  async listSnapshots(source: string): Promise<SanctionsListSnapshotRow[]> {
    const rows: SnapshotRecord[] = await this.dataSource.query(
      `SELECT ${SNAPSHOT_COLUMNS} FROM sanctions_list_snapshot WHERE source = $1 ORDER BY loaded_at, id`,
      [source],
    );
    return rows.map(toSnapshot);
  }

  async entitiesOf(manager: EntityManager, snapshotId: string): Promise<SanctionedEntity[]> {
    const rows: EntityRecord[] = await manager.query(
      `SELECT source_id, kind, primary_name, payload FROM sanctioned_entity WHERE snapshot_id = $1 ORDER BY source_id`,
      [snapshotId],
    );
    return rows.map(toEntity);
  }

  /** Stores a snapshot and its entities, inactive; `activate` makes screening use it. */
  async insertSnapshot(
    manager: EntityManager,
    source: string,
    version: string,
    entities: readonly SanctionedEntity[],
  ): Promise<SanctionsListSnapshotRow> {
    const rows: SnapshotRecord[] = await manager.query(
      `INSERT INTO sanctions_list_snapshot (source, version, entity_count) VALUES ($1, $2, $3)
       RETURNING ${SNAPSHOT_COLUMNS}`,
      [source, version, entities.length],
    );
    const snapshot = toSnapshot(rows[0]);
    for (let start = 0; start < entities.length; start += INSERT_CHUNK) {
      const chunk = entities.slice(start, start + INSERT_CHUNK);
      await manager.query(
        `INSERT INTO sanctioned_entity (snapshot_id, source_id, kind, primary_name, payload)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[])`,
        [
          snapshot.id,
          chunk.map((entity) => entity.sourceId),
          chunk.map((entity) => entity.kind),
          chunk.map((entity) => entity.primaryName),
          chunk.map(({ sourceId: _id, kind: _kind, primaryName: _name, ...payload }) =>
            JSON.stringify(payload),
          ),
        ],
      );
    }
    return snapshot;
  }

  /** Makes `snapshotId` the one active snapshot of its source. */
  async activate(manager: EntityManager, source: string, snapshotId: string): Promise<void> {
    // Deactivate first: the partial unique index allows one active row per source at any moment.
    await manager.query(
      `UPDATE sanctions_list_snapshot SET active = false WHERE source = $1 AND active AND id <> $2`,
      [source, snapshotId],
    );
    await manager.query(
      `UPDATE sanctions_list_snapshot SET active = true, activated_at = clock_timestamp() WHERE id = $1 AND source = $2`,
      [snapshotId, source],
    );
  }

  /** The hand-off to the screening worker, written in the load's transaction. */
  async recordRescreenRequest(manager: EntityManager, request: RescreenRequest): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO sanctions_rescreen_request (snapshot_id, previous_snapshot_id, affected_name_keys, affected_identifiers)
       VALUES ($1, $2, $3::text[], $4::text[]) RETURNING id`,
      [request.snapshotId, request.previousSnapshotId, request.affectedNameKeys, request.affectedIdentifiers],
    );
    return rows[0].id;
  }

  /** Every entity of every active snapshot: what the screening indexes are built from at start. */
  async loadActiveEntities(): Promise<ActiveSanctionsLists> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // One consistent read: a load committing between the two queries must not mix versions.
      const snapshots: SnapshotRecord[] = await manager.query(
        `SELECT ${SNAPSHOT_COLUMNS} FROM sanctions_list_snapshot WHERE active ORDER BY source`,
      );
      const rows: EntityRecord[] = await manager.query(
        `SELECT e.source_id, e.kind, e.primary_name, e.payload
         FROM sanctioned_entity e JOIN sanctions_list_snapshot s ON s.id = e.snapshot_id
         WHERE s.active ORDER BY s.source, e.source_id`,
      );
      return { snapshots: snapshots.map(toSnapshot), entities: rows.map(toEntity) };
    });
  }
}

function toSnapshot(row: SnapshotRecord): SanctionsListSnapshotRow {
  return {
    id: row.id,
    source: row.source,
    version: row.version,
    loadedAt: row.loaded_at,
    activatedAt: row.activated_at,
    entityCount: Number(row.entity_count),
    active: row.active,
  };
}

function toEntity(row: EntityRecord): SanctionedEntity {
  return { ...row.payload, sourceId: row.source_id, kind: row.kind, primaryName: row.primary_name };
}
