// EU Financial Sanctions Files, consolidated list, CSV 1.1: ';'-separated, one row per
// sub-record (a name alias, an address, a birth date, an identification, a citizenship),
// each row repeating the entity columns. Columns are read by header name, so the parser
// tolerates the file's many columns we do not use and their order.
import { emptySanctionedEntity, type SanctionedEntity } from '@tns/domain/sanctions';
import { countryCode } from './country-codes';
import { readCsvRecords } from './csv-reader';

type Row = Record<string, string>;

const IDENTIFICATION_TYPES: Record<string, string> = {
  passport: 'passport',
  id: 'national-id',
  regnumber: 'registration-number',
  fiscalcode: 'tax-id',
  tin: 'tax-id',
  other: 'other',
};

function field(row: Row, name: string): string | undefined {
  const value = row[name]?.trim();
  return value ? value : undefined;
}

function pushUnique(list: string[], value: string | undefined): void {
  if (value && !list.includes(value)) list.push(value);
}

function wholeName(row: Row): string | undefined {
  return (
    field(row, 'NameAlias_WholeName') ??
    ([field(row, 'NameAlias_FirstName'), field(row, 'NameAlias_MiddleName'), field(row, 'NameAlias_LastName')]
      .filter(Boolean)
      .join(' ') ||
      undefined)
  );
}

function birthDate(row: Row): string | undefined {
  const date = field(row, 'BirthDate_BirthDate');
  if (date) return date.slice(0, 10);
  const from = field(row, 'BirthDate_YearRangeFrom');
  const to = field(row, 'BirthDate_YearRangeTo');
  if (from && to) return `${from}/${to}`;
  return field(row, 'BirthDate_Year');
}

function applyRow(entity: SanctionedEntity, row: Row): void {
  pushUnique(entity.programs, field(row, 'Entity_Regulation_Programme'));
  const name = wholeName(row);
  if (name && name !== entity.primaryName && !entity.aliases.some((alias) => alias.name === name)) {
    const strong = (field(row, 'NameAlias_Strong') ?? 'true').toLowerCase() !== 'false';
    entity.aliases.push({ name, strength: strong ? 'strong' : 'weak' });
  }
  const gender = field(row, 'NameAlias_Gender');
  if (gender === 'M') entity.gender = 'male';
  if (gender === 'F') entity.gender = 'female';
  pushUnique(entity.datesOfBirth, birthDate(row));
  pushUnique(entity.nationalities, field(row, 'Citizenship_CountryIso2Code')?.toUpperCase());
  const number = field(row, 'Identification_Number');
  if (number) {
    const typeCode = field(row, 'Identification_TypeCode')?.toLowerCase() ?? 'other';
    const country = field(row, 'Identification_CountryIso2Code')?.toUpperCase();
    entity.identifiers.push({
      type: IDENTIFICATION_TYPES[typeCode] ?? typeCode,
      value: number,
      ...(country ? { country } : {}),
    });
  }
  const addressParts = [
    'Address_Street',
    'Address_City',
    'Address_ZipCode',
    'Address_Region',
    'Address_CountryDescription',
  ]
    .map((name) => field(row, name))
    .filter(Boolean);
  if (field(row, 'Address_Street') || field(row, 'Address_City'))
    pushUnique(entity.addresses, addressParts.join(', '));
  const contact = field(row, 'Address_ContactInfo');
  if (contact) {
    for (const email of contact.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])
      pushUnique(entity.emails, email);
    for (const web of contact.match(/\bWEB:\s*(\S+?)(?:;|$|\s)/gi) ?? [])
      pushUnique(
        entity.websites,
        web
          .replace(/^WEB:\s*/i, '')
          .replace(/;$/, '')
          .trim(),
      );
    for (const phone of contact.match(/\b(?:PHONE|TEL)[^:]*:\s*([+\d][\d\s()-]{6,})/gi) ?? []) {
      pushUnique(entity.phones, phone.replace(/^[^:]*:\s*/, '').trim());
    }
  }
}

export function parseEuConsolidatedCsv(csv: string): SanctionedEntity[] {
  const { records } = readCsvRecords(csv, { separator: ';' });
  const byId = new Map<string, SanctionedEntity>();
  for (const row of records) {
    const logicalId = field(row, 'Entity_LogicalId');
    if (!logicalId) continue;
    let entity = byId.get(logicalId);
    if (!entity) {
      const name = wholeName(row);
      if (!name) continue; // the first row of an entity carries its first name alias
      const classification = (
        field(row, 'Entity_SubjectType_ClassificationCode') ??
        field(row, 'Entity_SubjectType') ??
        ''
      ).toLowerCase();
      const kind =
        classification === 'p' || classification === 'person'
          ? 'person'
          : classification
            ? 'organisation'
            : 'unknown';
      entity = emptySanctionedEntity('eu', field(row, 'Entity_EU_ReferenceNumber') ?? logicalId, name, kind);
      const remark = field(row, 'Entity_Remark');
      if (remark) entity.remarks = remark;
      byId.set(logicalId, entity);
    }
    applyRow(entity, row);
  }
  for (const entity of byId.values()) {
    entity.nationalities = entity.nationalities.map((code) => countryCode(code) ?? code);
  }
  return [...byId.values()];
}
