// What loading a new snapshot of a list means for screening: the entity diff against the
// snapshot it replaces and the name keys / identifiers whose accounts must be rescreened.
// Pure: the caller reads the previous snapshot (from the database) and the files.
import { normaliseIdentifier, type IdentifierChannel, type SanctionedEntity } from '@tns/domain/sanctions';
import {
  affectedNameKeys,
  diffSnapshots,
  type SanctionsListFormat,
  type SnapshotDiff,
} from './list-snapshot';

export const SANCTIONS_LIST_FORMATS: readonly SanctionsListFormat[] = ['ofac-sdn-csv', 'un-xml', 'eu-csv'];

export function isSanctionsListFormat(value: string): value is SanctionsListFormat {
  return (SANCTIONS_LIST_FORMATS as readonly string[]).includes(value);
}

/**
 * The entity with object keys sorted at every level and undefined members dropped.
 * diffSnapshots compares entities by their JSON text, and an entity read back from a jsonb
 * column has its keys in jsonb's order, not the parser's: without this every stored entity
 * would look "changed" against a fresh parse of the very same file.
 */
export function canonicalEntity(entity: SanctionedEntity): SanctionedEntity {
  return sortKeysDeep(entity) as SanctionedEntity;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeysDeep(member);
  }
  return sorted;
}

export interface SnapshotLoadPlan {
  diff: SnapshotDiff;
  /** Name blocking keys (nameBlockingKeys) of every name in an added, removed or changed entity. */
  affectedNameKeys: string[];
  /**
   * `channel:normalised` keys (the SanctionsIdentifierIndex's own form) of every identifier of
   * those entities: an account can match on a wallet or e-mail whatever its name is.
   */
  affectedIdentifiers: string[];
}

/** Diff of `next` against `previous` (empty for a first load) and what it requires rescreening. */
export function planSnapshotLoad(previous: SanctionedEntity[], next: SanctionedEntity[]): SnapshotLoadPlan {
  const diff = diffSnapshots(previous.map(canonicalEntity), next.map(canonicalEntity));
  const touched = [
    ...diff.added,
    ...diff.removed,
    ...diff.changed.flatMap((change) => [change.before, change.after]),
  ];
  return {
    diff,
    affectedNameKeys: [...affectedNameKeys(diff)].sort(),
    affectedIdentifiers: [...identifierKeys(touched)].sort(),
  };
}

function identifierKeys(entities: SanctionedEntity[]): Set<string> {
  const keys = new Set<string>();
  const add = (channel: IdentifierChannel, value: string) => {
    const normalised = normaliseIdentifier(channel, value);
    if (normalised) keys.add(`${channel}:${normalised}`);
  };
  for (const entity of entities) {
    for (const wallet of entity.wallets) add('wallet', wallet.address);
    for (const email of entity.emails) add('email', email);
    for (const website of entity.websites) add('website', website);
    for (const phone of entity.phones) add('phone', phone);
    for (const identifier of entity.identifiers) add('document', identifier.value);
  }
  return keys;
}

export function isEmptyDiff(diff: SnapshotDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}
