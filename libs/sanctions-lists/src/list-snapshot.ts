// Loading a list is a versioned snapshot: the version is a content hash of the files, and a
// diff between snapshots tells which entities changed, so only names they can affect are rescreened.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { nameBlockingKeys, type SanctionedEntity } from '@tns/domain/sanctions';
import { parseEuConsolidatedCsv } from './eu-consolidated-csv.parser';
import { parseOfacLegacyCsv } from './ofac-legacy-csv.parser';
import { parseUnConsolidatedXml } from './un-consolidated-xml.parser';

export type SanctionsListFormat = 'ofac-sdn-csv' | 'un-xml' | 'eu-csv';

export interface SanctionsListSnapshot {
  format: SanctionsListFormat;
  /** sha256 over the files' bytes, in a name-independent canonical order */
  version: string;
  entities: SanctionedEntity[];
}

/** Recognises a list format from its files' names and first bytes. */
export function detectListFormat(files: string[]): SanctionsListFormat | undefined {
  return detectListFileFormat(files.map((file) => ({ name: file, content: readFileSync(file) })));
}

export function detectListFileFormat(files: ReadonlyArray<{ name: string; content: Buffer }>): SanctionsListFormat | undefined {
  for (const file of files) {
    const head = file.content.subarray(0, 2048).toString('utf8');
    if (/<CONSOLIDATED_LIST\b/.test(head)) return 'un-xml';
    if (/Entity_LogicalId/.test(head)) return 'eu-csv';
  }
  if (files.some((file) => /(^|[/\\_-])sdn[^/\\]*\.csv$/i.test(file.name))) return 'ofac-sdn-csv';
  return undefined;
}

export function contentHash(contents: Array<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const content of contents) {
    const digest = createHash('sha256').update(content).digest();
    hash.update(digest);
  }
  return hash.digest('hex');
}

/** Which file of an OFAC set a path is, by its conventional name. */
function ofacRole(file: string): 'sdn' | 'alt' | 'add' | 'comments' | undefined {
  const base = path.basename(file).toLowerCase();
  if (base.includes('comments')) return 'comments';
  if (base.startsWith('alt')) return 'alt';
  if (base.startsWith('add')) return 'add';
  if (base.includes('sdn')) return 'sdn';
  return undefined;
}

/** One file of a list as read (from disk or a download): its name decides its role in an OFAC set. */
export interface SanctionsListFile {
  name: string;
  content: Buffer;
}

export function parseSanctionsList(source: SanctionsListFormat, files: string[]): SanctionsListSnapshot {
  return parseSanctionsListFiles(
    source,
    files.map((file) => ({ name: file, content: readFileSync(file) })),
  );
}

/** As parseSanctionsList, on contents already in memory (a download). */
export function parseSanctionsListFiles(source: SanctionsListFormat, files: SanctionsListFile[]): SanctionsListSnapshot {
  const sorted = [...files].sort((a, b) => path.basename(a.name).localeCompare(path.basename(b.name)));
  const contents = sorted.map((file) => file.content);
  const version = contentHash(contents);
  const text = (index: number) => contents[index].toString('utf8');
  let entities: SanctionedEntity[];
  switch (source) {
    case 'ofac-sdn-csv': {
      const roles: Partial<Record<'sdn' | 'alt' | 'add' | 'comments', string>> = {};
      sorted.forEach((file, index) => {
        const role = ofacRole(file.name);
        if (role) roles[role] = text(index);
      });
      if (!roles.sdn) throw new Error('an OFAC SDN set needs its sdn.csv');
      entities = parseOfacLegacyCsv({
        sdn: roles.sdn,
        alt: roles.alt,
        add: roles.add,
        comments: roles.comments,
      });
      break;
    }
    case 'un-xml':
      entities = sorted.flatMap((_, index) => parseUnConsolidatedXml(text(index)));
      break;
    case 'eu-csv':
      entities = sorted.flatMap((_, index) => parseEuConsolidatedCsv(text(index)));
      break;
  }
  return { format: source, version, entities };
}

export interface SnapshotDiff {
  added: SanctionedEntity[];
  removed: SanctionedEntity[];
  changed: Array<{ before: SanctionedEntity; after: SanctionedEntity }>;
}

const entityKey = (entity: SanctionedEntity) => `${entity.list}:${entity.sourceId}`;

export function diffSnapshots(previous: SanctionedEntity[], next: SanctionedEntity[]): SnapshotDiff {
  const before = new Map(previous.map((entity) => [entityKey(entity), entity]));
  const after = new Map(next.map((entity) => [entityKey(entity), entity]));
  const diff: SnapshotDiff = { added: [], removed: [], changed: [] };
  for (const [key, entity] of after) {
    const old = before.get(key);
    if (!old) diff.added.push(entity);
    else if (JSON.stringify(old) !== JSON.stringify(entity))
      diff.changed.push({ before: old, after: entity });
  }
  for (const [key, entity] of before) if (!after.has(key)) diff.removed.push(entity);
  return diff;
}

/**
 * Blocking keys of every name touched by a diff: an account needs rescreening only if one of
 * its own name keys is among them (or one of its identifiers is in a changed entity).
 */
export function affectedNameKeys(diff: SnapshotDiff): Set<string> {
  const keys = new Set<string>();
  const entities = [
    ...diff.added,
    ...diff.removed,
    ...diff.changed.flatMap((change) => [change.before, change.after]),
  ];
  for (const entity of entities) {
    for (const name of [entity.primaryName, ...entity.aliases.map((alias) => alias.name)]) {
      for (const key of nameBlockingKeys(name)) keys.add(key);
    }
  }
  return keys;
}
