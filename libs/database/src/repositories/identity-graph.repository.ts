import type { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../returning-rows';

/** One account carrying one graph entity (`kind:value` key, e.g. `device:…`). */
export interface GraphEntityLink {
  entityKey: string;
  kind: string;
  accountId: string;
  seenAt: Date;
}

/** An entity an account holds, with how many accounts hold it and (below the hub bound) who they are. */
export interface EntityNeighbourhood {
  accountId: string;
  entityKey: string;
  kind: string;
  accountCount: number;
  /** The other holders, sorted; null when the entity has more holders than the caller asked to list. */
  others: string[] | null;
}

export interface ClusterRecord {
  clusterId: string;
  members: readonly string[];
  isRing: boolean;
  evidence: unknown;
}

/** The identity graph: entity links with holder counts, and the current clusters. */
export class IdentityGraphRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Serialises graph updates within one marketplace for the rest of the caller's transaction.
   * Cluster recomputation reads and rewrites accounts no batch names (a neighbour's neighbours),
   * which row locks taken in a known order cannot cover; marketplaces still run in parallel.
   */
  async lockMarketplaceGraph(manager: EntityManager, marketplaceId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('tns-identity-graph:' || $1::text, 0))`, [marketplaceId]);
  }

  /**
   * Records links; returns the entities that gained a holder, with their new holder counts.
   * A link already known changes nothing (a re-sent signal, the same device every day).
   */
  async addLinks(
    manager: EntityManager,
    marketplaceId: string,
    links: readonly GraphEntityLink[],
  ): Promise<{ entityKey: string; kind: string; accountCount: number }[]> {
    if (links.length === 0) return [];
    const rows: unknown = await manager.query(
      `WITH input AS (
         SELECT entity_key, min(kind) AS kind, account_id, min(seen_at) AS seen_at
         FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS i(entity_key, kind, account_id, seen_at)
         GROUP BY entity_key, account_id
       ), fresh AS (
         INSERT INTO graph_entity (marketplace_id, entity_key, kind, account_id, first_seen_at)
         SELECT $1, entity_key, kind, account_id, seen_at FROM input ORDER BY entity_key, account_id
         ON CONFLICT DO NOTHING
         RETURNING entity_key, kind
       ), gained AS (
         SELECT entity_key, min(kind) AS kind, count(*)::int AS added FROM fresh GROUP BY entity_key
       )
       INSERT INTO graph_entity_count (marketplace_id, entity_key, kind, account_count)
       SELECT $1, entity_key, kind, added FROM gained ORDER BY entity_key
       ON CONFLICT (marketplace_id, entity_key)
         DO UPDATE SET account_count = graph_entity_count.account_count + excluded.account_count
       RETURNING entity_key AS "entityKey", kind, account_count AS "accountCount"`,
      [
        marketplaceId,
        links.map((link) => link.entityKey),
        links.map((link) => link.kind),
        links.map((link) => link.accountId),
        links.map((link) => link.seenAt),
      ],
    );
    return returningRows(rows);
  }

  /** Holders of the given entities, for entities with at most `maxCount` holders (hubs are context, not links). */
  async holdersOf(manager: EntityManager, marketplaceId: string, entityKeys: readonly string[], maxCount: number): Promise<string[]> {
    if (entityKeys.length === 0) return [];
    const rows: { account_id: string }[] = await manager.query(
      `SELECT DISTINCT e.account_id
       FROM graph_entity_count c
       JOIN graph_entity e ON e.marketplace_id = c.marketplace_id AND e.entity_key = c.entity_key
       WHERE c.marketplace_id = $1 AND c.entity_key = ANY($2::text[]) AND c.account_count <= $3
       ORDER BY e.account_id`,
      [marketplaceId, [...new Set(entityKeys)], maxCount],
    );
    return rows.map((row) => row.account_id);
  }

  /**
   * For each of `accountIds`, every entity it shares with at least one other account, with the
   * holder count; the other holders are listed for entities with at most `listUpTo` holders.
   */
  async neighbourhoods(
    manager: EntityManager,
    marketplaceId: string,
    accountIds: readonly string[],
    listUpTo: number,
  ): Promise<EntityNeighbourhood[]> {
    if (accountIds.length === 0) return [];
    return manager.query(
      `SELECT e.account_id AS "accountId", e.entity_key AS "entityKey", e.kind, c.account_count AS "accountCount", o.others
       FROM graph_entity e
       JOIN graph_entity_count c ON c.marketplace_id = e.marketplace_id AND c.entity_key = e.entity_key
       LEFT JOIN LATERAL (
         SELECT array_agg(x.account_id ORDER BY x.account_id) AS others
         FROM graph_entity x
         WHERE c.account_count <= $3
           AND x.marketplace_id = e.marketplace_id AND x.entity_key = e.entity_key AND x.account_id <> e.account_id
       ) o ON true
       WHERE e.marketplace_id = $1 AND e.account_id = ANY($2::text[]) AND c.account_count >= 2
       ORDER BY e.account_id, e.entity_key`,
      [marketplaceId, [...new Set(accountIds)], listUpTo],
    );
  }

  /** Current cluster id of each account that is in a cluster (accounts alone are absent). */
  async clusterIdsOf(manager: EntityManager, marketplaceId: string, accountIds: readonly string[]): Promise<Map<string, string>> {
    if (accountIds.length === 0) return new Map();
    const rows: { account_id: string; cluster_id: string }[] = await manager.query(
      `SELECT account_id, cluster_id FROM graph_cluster_member WHERE marketplace_id = $1 AND account_id = ANY($2::text[])`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    return new Map(rows.map((row) => [row.account_id, row.cluster_id]));
  }

  /** Members of the given clusters, sorted, by cluster id. */
  async membersOf(manager: EntityManager, marketplaceId: string, clusterIds: readonly string[]): Promise<Map<string, string[]>> {
    const members = new Map<string, string[]>();
    if (clusterIds.length === 0) return members;
    const rows: { account_id: string; cluster_id: string }[] = await manager.query(
      `SELECT account_id, cluster_id FROM graph_cluster_member
       WHERE marketplace_id = $1 AND cluster_id = ANY($2::text[]) ORDER BY cluster_id, account_id`,
      [marketplaceId, [...new Set(clusterIds)]],
    );
    for (const row of rows) members.set(row.cluster_id, [...(members.get(row.cluster_id) ?? []), row.account_id]);
    return members;
  }

  /**
   * Replaces the cluster membership of `recomputed` accounts (every account whose component was
   * rebuilt) with `clusters`: old rows go, clusters of two or more are written with their evidence.
   */
  async replaceClusters(
    manager: EntityManager,
    marketplaceId: string,
    recomputed: readonly string[],
    clusters: readonly ClusterRecord[],
  ): Promise<void> {
    const accounts = [...new Set([...recomputed, ...clusters.flatMap((cluster) => cluster.members)])].sort();
    if (accounts.length === 0) return;
    await manager.query(
      `WITH gone AS (
         DELETE FROM graph_cluster_member WHERE marketplace_id = $1 AND account_id = ANY($2::text[]) RETURNING cluster_id
       )
       DELETE FROM graph_cluster g USING (SELECT DISTINCT cluster_id FROM gone) d
       WHERE g.marketplace_id = $1 AND g.cluster_id = d.cluster_id`,
      [marketplaceId, accounts],
    );
    const written = clusters.filter((cluster) => cluster.members.length >= 2);
    if (written.length === 0) return;
    await manager.query(
      `INSERT INTO graph_cluster_member (marketplace_id, account_id, cluster_id)
       SELECT $1, account_id, cluster_id FROM unnest($2::text[], $3::text[]) AS i(account_id, cluster_id)
       ORDER BY account_id`,
      [
        marketplaceId,
        written.flatMap((cluster) => cluster.members),
        written.flatMap((cluster) => cluster.members.map(() => cluster.clusterId)),
      ],
    );
    await manager.query(
      `INSERT INTO graph_cluster (marketplace_id, cluster_id, size, is_ring, evidence)
       SELECT $1, cluster_id, size, is_ring, evidence::jsonb
       FROM unnest($2::text[], $3::int[], $4::boolean[], $5::text[]) AS i(cluster_id, size, is_ring, evidence)
       ORDER BY cluster_id
       ON CONFLICT (marketplace_id, cluster_id)
         DO UPDATE SET size = excluded.size, is_ring = excluded.is_ring, evidence = excluded.evidence, updated_at = now()`,
      [
        marketplaceId,
        written.map((cluster) => cluster.clusterId),
        written.map((cluster) => cluster.members.length),
        written.map((cluster) => cluster.isRing),
        written.map((cluster) => JSON.stringify(cluster.evidence)),
      ],
    );
  }

  /** Public cluster of each account (id and size), for the risk API. */
  async clustersOfAccounts(marketplaceId: string, accountIds: readonly string[]): Promise<Map<string, { id: string; size: number }>> {
    if (accountIds.length === 0) return new Map();
    const rows: { account_id: string; cluster_id: string; size: number }[] = await this.dataSource.query(
      `SELECT m.account_id, m.cluster_id, g.size
       FROM graph_cluster_member m
       JOIN graph_cluster g ON g.marketplace_id = m.marketplace_id AND g.cluster_id = m.cluster_id
       WHERE m.marketplace_id = $1 AND m.account_id = ANY($2::text[])`,
      [marketplaceId, [...new Set(accountIds)]],
    );
    return new Map(rows.map((row) => [row.account_id, { id: row.cluster_id, size: row.size }]));
  }
}
