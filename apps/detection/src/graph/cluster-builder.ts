import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountFeaturesRepository, IdentityGraphRepository } from '@tns/database';
import { UnionFind } from '@tns/domain/detection';
import {
  colludingClientsOf,
  type LinkAttributes,
  MAX_LINKABLE_HOLDERS,
  NO_LINK_ATTRIBUTES,
  type NeighbourhoodRow,
  rowsByAccount,
  unionPartnersOf,
} from './link-rules';

/** The graph around some accounts: their components under the union rule, and the rows read on the way. */
export interface GraphSurroundings {
  /** Every account reached, as components (sorted members; singletons included), sorted by first member. */
  components: string[][];
  /** Neighbourhood rows of every reached account. */
  rows: NeighbourhoodRow[];
  /** Link attributes of every reached account and of the other holders they list. */
  attributes: Map<string, LinkAttributes>;
}

/**
 * Rebuilds clusters as connected components of "shouldUnion holds between these two accounts" (and
 * of colluding clients with the freelancers they fund, see colludingClientsOf), on the entities as
 * they are now, by a breadth-first walk from the seeds: one query per step of the
 * walk, not per account. Recomputing (instead of only ever merging union-find roots) is what makes
 * clusters independent of signal order: an entity that later turns out to be a hub, or a bio that
 * changed, no longer holds accounts together, whichever came first.
 */
@Injectable()
export class ClusterBuilder {
  constructor(
    private readonly graph: IdentityGraphRepository,
    private readonly features: AccountFeaturesRepository,
  ) {}

  async surroundings(manager: EntityManager, marketplaceId: string, seeds: readonly string[]): Promise<GraphSurroundings> {
    const rows: NeighbourhoodRow[] = [];
    const attributes = new Map<string, LinkAttributes>();
    const clusters = new UnionFind();
    const visited = new Set<string>(seeds);
    let frontier = [...visited].sort();
    while (frontier.length > 0) {
      const found = await this.graph.neighbourhoods(manager, marketplaceId, frontier, MAX_LINKABLE_HOLDERS);
      rows.push(...found);
      const unknown = [...new Set([...frontier, ...found.flatMap((row) => row.others ?? [])])].filter((id) => !attributes.has(id));
      const loaded = await this.features.linkAttributes(manager, marketplaceId, unknown);
      for (const accountId of unknown) {
        attributes.set(accountId, loaded.get(accountId) ?? NO_LINK_ATTRIBUTES);
      }
      const next = new Set<string>();
      const foundOf = rowsByAccount(found);
      for (const accountId of frontier) {
        clusters.add(accountId);
        const partners = unionPartnersOf(accountId, foundOf.get(accountId) ?? [], attributes);
        for (const partner of [...partners, ...colludingClientsOf(accountId, partners, attributes)]) {
          clusters.union(accountId, partner);
          if (!visited.has(partner)) {
            visited.add(partner);
            next.add(partner);
          }
        }
      }
      frontier = [...next].sort();
    }
    return { components: clusters.clusters(), rows, attributes };
  }

  /** Rows and attributes for accounts whose clusters are not rebuilt (counterparts re-assessed for collusion). */
  async rowsOf(
    manager: EntityManager,
    marketplaceId: string,
    accountIds: readonly string[],
    attributes: Map<string, LinkAttributes>,
  ): Promise<NeighbourhoodRow[]> {
    const rows = await this.graph.neighbourhoods(manager, marketplaceId, accountIds, MAX_LINKABLE_HOLDERS);
    await this.loadAttributes(manager, marketplaceId, [...accountIds, ...rows.flatMap((row) => row.others ?? [])], attributes);
    return rows;
  }

  /** Adds the link attributes (agency membership, bio, photo) of these accounts to `attributes` where missing. */
  async loadAttributes(manager: EntityManager, marketplaceId: string, accountIds: readonly string[], attributes: Map<string, LinkAttributes>): Promise<void> {
    const unknown = [...new Set(accountIds)].filter((id) => !attributes.has(id));
    if (unknown.length === 0) return;
    const loaded = await this.features.linkAttributes(manager, marketplaceId, unknown);
    for (const accountId of unknown) {
      attributes.set(accountId, loaded.get(accountId) ?? NO_LINK_ATTRIBUTES);
    }
  }
}
