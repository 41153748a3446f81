// UN Security Council consolidated list (XML): INDIVIDUAL and ENTITY records with aliases
// (QUALITY good / a.k.a. = strong, low = weak), dates of birth, nationalities, documents, addresses.
import { XMLParser } from 'fast-xml-parser';
import { emptySanctionedEntity, type SanctionedEntity } from '@tns/domain/sanctions';
import { countryCode } from './country-codes';

type XmlNode = Record<string, unknown>;

const REPEATED = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'INDIVIDUAL_ADDRESS',
  'ENTITY_ADDRESS',
  'VALUE',
  'INDIVIDUAL_PLACE_OF_BIRTH',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim() || undefined;
  if (typeof node === 'number') return String(node);
  return undefined;
}

function nodes(node: unknown): XmlNode[] {
  return Array.isArray(node) ? (node.filter((item) => item && typeof item === 'object') as XmlNode[]) : [];
}

function values(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const list = (node as XmlNode).VALUE;
  return (Array.isArray(list) ? list : [list]).map(text).filter((item): item is string => !!item);
}

function dateOfBirth(node: XmlNode): string | undefined {
  const type = text(node.TYPE_OF_DATE)?.toUpperCase();
  const from = text(node.FROM_YEAR);
  const to = text(node.TO_YEAR);
  if (type === 'BETWEEN' && from && to) return `${from}/${to}`;
  return text(node.DATE)?.slice(0, 10) ?? text(node.YEAR);
}

function address(node: XmlNode): string | undefined {
  const parts = [node.STREET, node.CITY, node.STATE_PROVINCE, node.ZIP_CODE, node.COUNTRY]
    .map(text)
    .filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function aliasesOf(entity: SanctionedEntity, aliasNodes: XmlNode[]): void {
  for (const alias of aliasNodes) {
    const name = text(alias.ALIAS_NAME)?.replace(/^"|"$/g, '');
    if (!name) continue;
    const quality = text(alias.QUALITY)?.toLowerCase() ?? '';
    entity.aliases.push({ name, strength: quality === 'low' ? 'weak' : 'strong' });
  }
}

function individual(node: XmlNode): SanctionedEntity | undefined {
  const name = [node.FIRST_NAME, node.SECOND_NAME, node.THIRD_NAME, node.FOURTH_NAME]
    .map(text)
    .filter(Boolean)
    .join(' ');
  const id = text(node.REFERENCE_NUMBER) ?? text(node.DATAID);
  if (!name || !id) return undefined;
  const entity = emptySanctionedEntity('un', id, name, 'person');
  entity.programs = [text(node.UN_LIST_TYPE)].filter((item): item is string => !!item);
  aliasesOf(entity, nodes(node.INDIVIDUAL_ALIAS));
  const original = text(node.NAME_ORIGINAL_SCRIPT);
  if (original) entity.aliases.push({ name: original, strength: 'strong' });
  entity.datesOfBirth = nodes(node.INDIVIDUAL_DATE_OF_BIRTH)
    .map(dateOfBirth)
    .filter((item): item is string => !!item);
  entity.nationalities = values(node.NATIONALITY).map((country) => countryCode(country) ?? country);
  const gender = text(node.GENDER)?.toLowerCase();
  if (gender === 'male' || gender === 'female') entity.gender = gender;
  for (const document of nodes(node.INDIVIDUAL_DOCUMENT)) {
    const number = text(document.NUMBER);
    if (!number) continue;
    const issuer = text(document.ISSUING_COUNTRY) ?? text(document.COUNTRY_OF_ISSUE);
    const country = issuer ? countryCode(issuer) : undefined;
    const type = (text(document.TYPE_OF_DOCUMENT) ?? 'document').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    entity.identifiers.push({ type, value: number, ...(country ? { country } : {}) });
  }
  entity.addresses = nodes(node.INDIVIDUAL_ADDRESS)
    .map(address)
    .filter((item): item is string => !!item);
  const comments = text(node.COMMENTS1);
  if (comments) entity.remarks = comments;
  return entity;
}

function organisation(node: XmlNode): SanctionedEntity | undefined {
  const name = text(node.FIRST_NAME);
  const id = text(node.REFERENCE_NUMBER) ?? text(node.DATAID);
  if (!name || !id) return undefined;
  const entity = emptySanctionedEntity('un', id, name, 'organisation');
  entity.programs = [text(node.UN_LIST_TYPE)].filter((item): item is string => !!item);
  aliasesOf(entity, nodes(node.ENTITY_ALIAS));
  entity.addresses = nodes(node.ENTITY_ADDRESS)
    .map(address)
    .filter((item): item is string => !!item);
  const comments = text(node.COMMENTS1);
  if (comments) entity.remarks = comments;
  return entity;
}

export function parseUnConsolidatedXml(xml: string): SanctionedEntity[] {
  const document = parser.parse(xml) as XmlNode;
  const list = (document.CONSOLIDATED_LIST ?? {}) as XmlNode;
  const individuals = nodes(((list.INDIVIDUALS ?? {}) as XmlNode).INDIVIDUAL);
  const entities = nodes(((list.ENTITIES ?? {}) as XmlNode).ENTITY);
  return [...individuals.map(individual), ...entities.map(organisation)].filter(
    (entity): entity is SanctionedEntity => !!entity,
  );
}
