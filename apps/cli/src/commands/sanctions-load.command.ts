import { isSanctionsListFormat, SANCTIONS_LIST_FORMATS } from '@tns/sanctions-lists';
import type { DataSource } from 'typeorm';
import { UsageError } from '../cli-arguments';
import { loadSanctionsListUseCase, type SanctionsLoadResult } from './load-sanctions-list.use-case';

const USAGE = `usage: sanctions load <${SANCTIONS_LIST_FORMATS.join('|')}> <file...>`;

/** `sanctions load <source> <file…>` (contract §6): the edge; the work is LoadSanctionsListUseCase. */
export async function sanctionsLoadCommand(args: string[], dataSource: DataSource): Promise<string[]> {
  const [source, ...files] = args;
  if (!source || files.length === 0) throw new UsageError(USAGE);
  if (!isSanctionsListFormat(source)) {
    throw new UsageError(
      `unknown sanctions list source "${source}"; expected one of ${SANCTIONS_LIST_FORMATS.join(', ')}`,
    );
  }
  const result = await loadSanctionsListUseCase(dataSource).execute(source, files);
  return summarise(result);
}

const shortVersion = (version: string) => version.slice(0, 12);

export function summarise(result: SanctionsLoadResult): string[] {
  const { snapshot, previous } = result;
  if (result.outcome === 'unchanged') {
    return [
      `${result.source}: version ${shortVersion(snapshot.version)} is already the active list (${snapshot.entityCount} entities); nothing loaded, no rescreen needed`,
    ];
  }
  const verb = result.outcome === 'reactivated' ? 'reactivated stored' : 'loaded';
  return [
    `${result.source}: ${verb} version ${shortVersion(snapshot.version)} as snapshot ${snapshot.id} (${snapshot.entityCount} entities)`,
    `diff against ${previous ? `version ${shortVersion(previous.version)}` : 'no previous snapshot'}: ${result.added} added, ${result.removed} removed, ${result.changed} changed`,
    result.rescreenRequestId
      ? `rescreen requested (${result.rescreenRequestId}): ${result.affectedNameKeys} name keys, ${result.affectedIdentifiers} identifiers affected`
      : 'no entity changed; no rescreen needed',
  ];
}
