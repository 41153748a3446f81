import type { SanctionedEntity, SanctionedEntityKind } from '@tns/domain/sanctions';
import type { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../returning-rows';

/** One match of an account against a listed entity on one channel, as screening writes it. */
export interface SanctionsHitRecord {
  accountId: string;
  list: string;
  sourceId: string;
  channel: string;
  snapshotId: string;
  entityName: string;
  entityKind: string;
  programs: string[];
  /** The listed name (or normalised identifier) that matched. */
  matchedName: string;
  /** The account's own value that matched (its name, its wallet…). */
  accountValue: string;
  score: number;
  evidence: Record<string, unknown>;
}

export interface StoredSanctionsHit extends SanctionsHitRecord {
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface PayoutHoldRecord {
  accountId: string;
  list: string;
  sourceId: string;
  snapshotId: string;
  reason: string;
}

/** An entity of an active snapshot, with the snapshot it belongs to. */
export interface ActiveSanctionedEntity {
  snapshotId: string;
  entity: SanctionedEntity;
}

export interface ActiveSanctionsEntities {
  /** Ids of the active snapshots, in source order, joined: changes exactly when a list changes. */
  version: string;
  entities: ActiveSanctionedEntity[];
}

export interface PendingRescreenRequest {
  id: string;
  snapshotId: string;
  affectedNameKeys: string[];
  affectedIdentifiers: string[];
}

export interface RawAccountIdentifiers {
  emails: string[];
  phones: string[];
  documents: string[];
}

export interface DownloadValidators {
  etag: string | null;
  lastModified: string | null;
}

interface EntityRecord {
  snapshot_id: string;
  source_id: string;
  kind: SanctionedEntityKind;
  primary_name: string;
  payload: Omit<SanctionedEntity, 'sourceId' | 'kind' | 'primaryName'>;
}

// Rows per statement when filing screening keys: bounds one statement's parameters.
const KEY_CHUNK = 20_000;

/**
 * Screening's side of the sanctions tables: hits, payout-hold recommendations, the key index of
 * screened accounts, rescreen requests and download validators. Hits and keys are
 * tenant-scoped (every method takes the marketplace); the lists and requests are global.
 */
export class SanctionsScreeningRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The active snapshot ids, joined: a cheap check of whether any list changed. */
  async activeListsVersion(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const rows: { version: string | null }[] = await manager.query(
      `SELECT string_agg(id::text, ',' ORDER BY source) AS version FROM sanctions_list_snapshot WHERE active`,
    );
    return rows[0]?.version ?? '';
  }

  /** Every entity of every active snapshot, with its snapshot id, in one consistent read. */
  async loadActiveEntities(): Promise<ActiveSanctionsEntities> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const version = await this.activeListsVersion(manager);
      const rows: EntityRecord[] = await manager.query(
        `SELECT e.snapshot_id, e.source_id, e.kind, e.primary_name, e.payload
         FROM sanctioned_entity e JOIN sanctions_list_snapshot s ON s.id = e.snapshot_id
         WHERE s.active ORDER BY s.source, e.source_id`,
      );
      return {
        version,
        entities: rows.map((row) => ({
          snapshotId: row.snapshot_id,
          entity: { ...row.payload, sourceId: row.source_id, kind: row.kind, primaryName: row.primary_name },
        })),
      };
    });
  }

  /**
   * Raw e-mails, phones and document numbers of the accounts, while retention keeps them
   * (signals carry pseudonyms; screening needs the published form).
   */
  async rawIdentifiersOf(
    manager: EntityManager,
    marketplaceId: string,
    accountIds: readonly string[],
  ): Promise<Map<string, RawAccountIdentifiers>> {
    const found = new Map<string, RawAccountIdentifiers>();
    if (accountIds.length === 0) return found;
    const rows: { account_id: string; kind: string; raw_value: string }[] = await manager.query(
      `SELECT a.account_id, a.kind, r.raw_value
       FROM account_identifier a
       JOIN identifier_raw_value r ON r.marketplace_id = a.marketplace_id AND r.pseudonym = a.pseudonym
       WHERE a.marketplace_id = $1 AND a.account_id = ANY($2::text[])
       ORDER BY a.account_id, a.kind, r.raw_value`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    for (const row of rows) {
      const entry = found.get(row.account_id) ?? { emails: [], phones: [], documents: [] };
      if (row.kind === 'email') entry.emails.push(row.raw_value);
      else if (row.kind === 'phone') entry.phones.push(row.raw_value);
      else entry.documents.push(row.raw_value);
      found.set(row.account_id, entry);
    }
    return found;
  }

  /**
   * Upserts hits (one per account × entity × channel); a hit seen again is refreshed and, if it
   * had been cleared, active again.
   */
  async saveHits(
    manager: EntityManager,
    marketplaceId: string,
    hits: readonly SanctionsHitRecord[],
    seenAt: Date,
  ): Promise<void> {
    if (hits.length === 0) return;
    const sorted = [...hits].sort((a, b) => compare(hitKey(a), hitKey(b)));
    await manager.query(
      `INSERT INTO sanctions_hit (marketplace_id, account_id, list, source_id, channel, snapshot_id, entity_name, entity_kind,
                                  programs, matched_name, account_value, score, evidence, first_seen_at, last_seen_at)
       SELECT $1, i.account_id, i.list, i.source_id, i.channel, i.snapshot_id, i.entity_name, i.entity_kind,
              ARRAY(SELECT jsonb_array_elements_text(i.programs::jsonb)), i.matched_name, i.account_value, i.score,
              i.evidence::jsonb, $14, $14
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::text[],
                   $10::text[], $11::text[], $12::real[], $13::text[])
         WITH ORDINALITY AS i(account_id, list, source_id, channel, snapshot_id, entity_name, entity_kind, programs,
                              matched_name, account_value, score, evidence, position)
       ORDER BY i.position
       ON CONFLICT (marketplace_id, account_id, list, source_id, channel) DO UPDATE SET
         snapshot_id = excluded.snapshot_id, entity_name = excluded.entity_name, entity_kind = excluded.entity_kind,
         programs = excluded.programs, matched_name = excluded.matched_name, account_value = excluded.account_value,
         score = excluded.score, evidence = excluded.evidence, last_seen_at = excluded.last_seen_at, cleared_at = NULL`,
      [
        marketplaceId,
        sorted.map((hit) => hit.accountId),
        sorted.map((hit) => hit.list),
        sorted.map((hit) => hit.sourceId),
        sorted.map((hit) => hit.channel),
        sorted.map((hit) => hit.snapshotId),
        sorted.map((hit) => hit.entityName),
        sorted.map((hit) => hit.entityKind),
        sorted.map((hit) => JSON.stringify(hit.programs)),
        sorted.map((hit) => hit.matchedName),
        sorted.map((hit) => hit.accountValue),
        sorted.map((hit) => hit.score),
        sorted.map((hit) => JSON.stringify(hit.evidence)),
        seenAt,
      ],
    );
  }

  /** Active (not cleared) hits of the accounts, strongest first. */
  async activeHitsOf(
    manager: EntityManager,
    marketplaceId: string,
    accountIds: readonly string[],
  ): Promise<Map<string, StoredSanctionsHit[]>> {
    const found = new Map<string, StoredSanctionsHit[]>();
    if (accountIds.length === 0) return found;
    const rows: StoredSanctionsHit[] = await manager.query(
      `SELECT account_id AS "accountId", list, source_id AS "sourceId", channel, snapshot_id AS "snapshotId",
              entity_name AS "entityName", entity_kind AS "entityKind", programs, matched_name AS "matchedName",
              account_value AS "accountValue", score, evidence, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"
       FROM sanctions_hit
       WHERE marketplace_id = $1 AND account_id = ANY($2::text[]) AND cleared_at IS NULL
       ORDER BY account_id, score DESC, list, source_id, channel`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    for (const row of rows)
      found.set(row.accountId, [...(found.get(row.accountId) ?? []), { ...row, score: Number(row.score) }]);
    return found;
  }

  /**
   * Clears the accounts' active hits whose entity is no longer in the active snapshot of its
   * list (delisted). Returns the accounts that lost a hit.
   */
  async clearDelisted(
    manager: EntityManager,
    marketplaceId: string,
    accountIds: readonly string[],
  ): Promise<string[]> {
    if (accountIds.length === 0) return [];
    const rows: unknown = await manager.query(
      `UPDATE sanctions_hit h SET cleared_at = now()
       WHERE h.marketplace_id = $1 AND h.account_id = ANY($2::text[]) AND h.cleared_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM sanctions_list_snapshot seen
           JOIN sanctions_list_snapshot current ON current.source = seen.source AND current.active
           JOIN sanctioned_entity e ON e.snapshot_id = current.id AND e.source_id = h.source_id
           WHERE seen.id = h.snapshot_id)
       RETURNING h.account_id`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    return [...new Set(returningRows<{ account_id: string }>(rows).map((row) => row.account_id))].sort();
  }

  /** Records payout-hold recommendations; one per account × entity, the first one kept. */
  async recordPayoutHolds(
    manager: EntityManager,
    marketplaceId: string,
    holds: readonly PayoutHoldRecord[],
  ): Promise<void> {
    if (holds.length === 0) return;
    const sorted = [...holds].sort((a, b) =>
      compare(
        `${a.accountId}\u0000${a.list}\u0000${a.sourceId}`,
        `${b.accountId}\u0000${b.list}\u0000${b.sourceId}`,
      ),
    );
    await manager.query(
      `INSERT INTO payout_hold_recommendation (marketplace_id, account_id, list, source_id, snapshot_id, reason)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[])
       ON CONFLICT (marketplace_id, account_id, list, source_id) DO NOTHING`,
      [
        marketplaceId,
        sorted.map((hold) => hold.accountId),
        sorted.map((hold) => hold.list),
        sorted.map((hold) => hold.sourceId),
        sorted.map((hold) => hold.snapshotId),
        sorted.map((hold) => hold.reason),
      ],
    );
  }

  async payoutHoldsOf(
    marketplaceId: string,
    accountIds: readonly string[],
  ): Promise<(PayoutHoldRecord & { createdAt: Date })[]> {
    if (accountIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT account_id AS "accountId", list, source_id AS "sourceId", snapshot_id AS "snapshotId", reason, created_at AS "createdAt"
       FROM payout_hold_recommendation WHERE marketplace_id = $1 AND account_id = ANY($2::text[])
       ORDER BY account_id, list, source_id`,
      [marketplaceId, [...new Set(accountIds)]],
    );
  }

  /** Files accounts under the keys they were screened with (additive: an old name stays filed). */
  async fileScreeningKeys(
    manager: EntityManager,
    marketplaceId: string,
    keysByAccount: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    const pairs: Array<[string, string]> = [];
    for (const [accountId, keys] of keysByAccount) for (const key of keys) pairs.push([key, accountId]);
    // One order for every writer, so two transactions filing overlapping keys cannot deadlock.
    pairs.sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]));
    for (let start = 0; start < pairs.length; start += KEY_CHUNK) {
      const chunk = pairs.slice(start, start + KEY_CHUNK);
      await manager.query(
        `INSERT INTO account_screening_key (key, marketplace_id, account_id)
         SELECT k, $1, a FROM unnest($2::text[], $3::text[]) AS i(k, a)
         ON CONFLICT DO NOTHING`,
        [marketplaceId, chunk.map((pair) => pair[0]), chunk.map((pair) => pair[1])],
      );
    }
  }

  /** Accounts (of every marketplace) filed under any of the keys, grouped by marketplace. */
  async accountsFiledUnder(manager: EntityManager, keys: readonly string[]): Promise<Map<string, string[]>> {
    const found = new Map<string, string[]>();
    if (keys.length === 0) return found;
    const rows: { marketplace_id: string; account_id: string }[] = await manager.query(
      `SELECT DISTINCT marketplace_id, account_id FROM account_screening_key WHERE key = ANY($1::text[])
       ORDER BY marketplace_id, account_id`,
      [[...new Set(keys)]],
    );
    for (const row of rows)
      found.set(row.marketplace_id, [...(found.get(row.marketplace_id) ?? []), row.account_id]);
    return found;
  }

  /** Takes the oldest pending rescreen requests; a request another worker holds is skipped. */
  async claimPendingRescreens(manager: EntityManager, limit: number): Promise<PendingRescreenRequest[]> {
    return manager.query(
      `SELECT id, snapshot_id AS "snapshotId", affected_name_keys AS "affectedNameKeys", affected_identifiers AS "affectedIdentifiers"
       FROM sanctions_rescreen_request WHERE completed_at IS NULL
       ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async completeRescreens(manager: EntityManager, requestIds: readonly string[]): Promise<void> {
    if (requestIds.length === 0) return;
    await manager.query(
      `UPDATE sanctions_rescreen_request SET completed_at = clock_timestamp() WHERE id = ANY($1::uuid[])`,
      [requestIds],
    );
  }

  async downloadValidators(source: string, url: string): Promise<DownloadValidators | null> {
    const rows: { etag: string | null; last_modified: string | null }[] = await this.dataSource.query(
      `SELECT etag, last_modified FROM sanctions_download_state WHERE source = $1 AND url = $2`,
      [source, url],
    );
    return rows[0] ? { etag: rows[0].etag, lastModified: rows[0].last_modified } : null;
  }

  async saveDownloadValidators(source: string, url: string, validators: DownloadValidators): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO sanctions_download_state (source, url, etag, last_modified, checked_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (source, url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = now()`,
      [source, url, validators.etag, validators.lastModified],
    );
  }
}

const hitKey = (hit: SanctionsHitRecord) =>
  `${hit.accountId}\u0000${hit.list}\u0000${hit.sourceId}\u0000${hit.channel}`;

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
