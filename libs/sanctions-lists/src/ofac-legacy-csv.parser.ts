// OFAC SDN legacy CSV set: sdn.csv (primary rows), alt.csv (strong aliases), add.csv
// (addresses), sdn_comments.csv (the remainder of remarks cut at 1,000 characters).
// No header rows; "-0-" means null; programs are written "DPRK4] [CYBER4".
import {
  emptySanctionedEntity,
  type SanctionedEntity,
  type SanctionedEntityKind,
} from '@tns/domain/sanctions';
import { readCsvRows } from './csv-reader';
import { parseOfacRemarks } from './ofac-remarks.parser';

export interface OfacLegacyCsvFiles {
  sdn: string;
  alt?: string;
  add?: string;
  comments?: string;
}

function value(field: string | undefined): string | undefined {
  const trimmed = field?.trim();
  return !trimmed || trimmed === '-0-' ? undefined : trimmed;
}

function kindOf(sdnType: string | undefined): SanctionedEntityKind {
  switch (sdnType?.toLowerCase()) {
    case 'individual':
      return 'person';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    case undefined:
      return 'organisation';
    default:
      return 'unknown';
  }
}

function programsOf(field: string | undefined): string[] {
  return (value(field) ?? '')
    .split(/\]\s*\[/)
    .map((program) => program.replace(/[[\]]/g, '').trim())
    .filter(Boolean);
}

function rowsByEntity(text: string | undefined): Map<string, string[][]> {
  const byEntity = new Map<string, string[][]>();
  for (const row of text ? readCsvRows(text) : []) {
    const id = value(row[0]);
    if (!id) continue;
    byEntity.set(id, [...(byEntity.get(id) ?? []), row]);
  }
  return byEntity;
}

export function parseOfacLegacyCsv(files: OfacLegacyCsvFiles): SanctionedEntity[] {
  const aliases = rowsByEntity(files.alt);
  const addresses = rowsByEntity(files.add);
  const comments = rowsByEntity(files.comments);
  const entities: SanctionedEntity[] = [];
  for (const row of readCsvRows(files.sdn)) {
    const id = value(row[0]);
    const name = value(row[1]);
    if (!id || !name) continue;
    const entity = emptySanctionedEntity('ofac-sdn', id, name, kindOf(value(row[2])));
    entity.programs = programsOf(row[3]);
    // Remarks are cut at 1,000 characters, possibly mid-word; the rest is in sdn_comments.csv.
    const continuation = (comments.get(id) ?? []).map((comment) => comment[1] ?? '').join('');
    const remarks = `${value(row[11]) ?? ''}${continuation}`.trim();
    if (remarks) entity.remarks = remarks;
    for (const alias of aliases.get(id) ?? []) {
      const aliasName = value(alias[3]);
      if (aliasName) entity.aliases.push({ name: aliasName, strength: 'strong' });
    }
    for (const address of addresses.get(id) ?? []) {
      const parts = [address[2], address[3], address[4]].map(value).filter((part): part is string => !!part);
      if (parts.length > 0) entity.addresses.push(parts.join(', '));
    }
    const facts = parseOfacRemarks(remarks);
    entity.aliases.push(...facts.weakAliases);
    entity.datesOfBirth = facts.datesOfBirth;
    entity.nationalities = facts.nationalities;
    if (facts.gender) entity.gender = facts.gender;
    entity.identifiers = facts.identifiers;
    entity.wallets = facts.wallets;
    entity.emails = facts.emails;
    entity.websites = facts.websites;
    entity.phones = facts.phones;
    entities.push(entity);
  }
  return entities;
}
