// OFAC SDN remarks: a '; '-separated list of facts. Weak aliases, dates of birth, nationality,
// gender, identity documents, e-mails, websites, phones and wallet addresses live here.
import type { EntityIdentifier, Gender, SanctionedAlias, WalletAddress } from '@tns/domain/sanctions';
import { countryCode } from './country-codes';

export interface OfacRemarkFacts {
  weakAliases: SanctionedAlias[];
  datesOfBirth: string[];
  nationalities: string[];
  gender?: Gender;
  identifiers: EntityIdentifier[];
  wallets: WalletAddress[];
  emails: string[];
  websites: string[];
  phones: string[];
}

const MONTHS: Record<string, string> = {
  jan: '01',
  feb: '02',
  mar: '03',
  apr: '04',
  may: '05',
  jun: '06',
  jul: '07',
  aug: '08',
  sep: '09',
  oct: '10',
  nov: '11',
  dec: '12',
};

/** "07 May 1966" → 1966-05-07, "May 1966" → 1966-05, "circa 1966" → 1966, "… to …" → "1937/1938". */
export function parseOfacDate(text: string): string | undefined {
  const cleaned = text.replace(/^circa\s+/i, '').trim();
  const range = /^(.+?)\s+to\s+(.+)$/i.exec(cleaned);
  if (range) {
    const from = parseOfacDate(range[1]);
    const to = parseOfacDate(range[2]);
    return from && to ? `${from.slice(0, 4)}/${to.slice(0, 4)}` : undefined;
  }
  const full = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(cleaned);
  if (full && MONTHS[full[2].toLowerCase()])
    return `${full[3]}-${MONTHS[full[2].toLowerCase()]}-${full[1].padStart(2, '0')}`;
  const month = /^([A-Za-z]{3})[a-z]*\s+(\d{4})$/.exec(cleaned);
  if (month && MONTHS[month[1].toLowerCase()]) return `${month[2]}-${MONTHS[month[1].toLowerCase()]}`;
  const year = /^(\d{4})$/.exec(cleaned);
  return year ? year[1] : undefined;
}

// Document labels → identifier types. Anything else ending in No./Number/ID is kept by its own label.
const DOCUMENT_TYPES: Array<[RegExp, string]> = [
  [/^passport$/i, 'passport'],
  [/^(diplomatic|official|service) passport$/i, 'passport'],
  [/^national id no\.?$/i, 'national-id'],
  [
    /^(personal id card|identification number|national foreign id number|citizen's card number|cedula no\.?|d\.n\.i\.?|kenyan id no\.?)$/i,
    'national-id',
  ],
  [/^(tax id no\.?|rfc|nit #|c\.u\.i\.t\.?|italian fiscal code|tin)$/i, 'tax-id'],
  [
    /^(registration number|registration id|company number|uk company number|business registration number|business number|legal entity number|unified social credit code \(uscc\)|trade license no\.?|commercial registry number)$/i,
    'registration-number',
  ],
  [/^ssn$/i, 'ssn'],
  [/^driver'?s license no\.?$/i, 'driving-licence'],
  [/^(vessel registration identification|imo|mmsi)$/i, 'vessel-id'],
];

function documentType(label: string): string | undefined {
  for (const [pattern, type] of DOCUMENT_TYPES) if (pattern.test(label)) return type;
  if (/(\bno\.?|number|\bid|card|code|licen[cs]e)$/i.test(label))
    return label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return undefined;
}

function emptyFacts(): OfacRemarkFacts {
  return {
    weakAliases: [],
    datesOfBirth: [],
    nationalities: [],
    identifiers: [],
    wallets: [],
    emails: [],
    websites: [],
    phones: [],
  };
}

export function parseOfacRemarks(remarks: string | undefined): OfacRemarkFacts {
  const facts = emptyFacts();
  if (!remarks) return facts;
  const segments = remarks.split(/;\s+/).map((segment) =>
    segment
      .trim()
      .replace(/^alt\.\s+/i, '')
      .replace(/\.$/, ''),
  );
  for (const segment of segments) {
    let match: RegExpExecArray | null;
    if ((match = /^(?:a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+['‘’"](.+?)['‘’"]?$/i.exec(segment))) {
      facts.weakAliases.push({ name: match[1].replace(/['’]$/, ''), strength: 'weak' });
    } else if ((match = /^DOB\s+(.+)$/i.exec(segment))) {
      const date = parseOfacDate(match[1]);
      if (date) facts.datesOfBirth.push(date);
    } else if ((match = /^(?:nationality|citizen)\s+(.+)$/i.exec(segment))) {
      const code = countryCode(match[1]);
      const value = code ?? match[1].trim();
      if (!facts.nationalities.includes(value)) facts.nationalities.push(value);
    } else if ((match = /^Gender\s+(Male|Female)$/i.exec(segment))) {
      facts.gender = match[1].toLowerCase() as Gender;
    } else if ((match = /^Email Address\s+(\S+)$/i.exec(segment))) {
      facts.emails.push(match[1]);
    } else if ((match = /^Website\s+(\S+)$/i.exec(segment))) {
      facts.websites.push(match[1]);
    } else if ((match = /^(?:Phone Number|Telephone|Telephone Number|Phone)\s+(.+)$/i.exec(segment))) {
      facts.phones.push(match[1].trim());
    } else if ((match = /^Digital Currency Address\s*-\s*([A-Za-z0-9]+)\s+(\S+)$/i.exec(segment))) {
      facts.wallets.push({ chain: match[1].toUpperCase(), address: match[2] });
    } else if (
      (match = /^(.+?)\s+([A-Za-z0-9][A-Za-z0-9\-/.]*[0-9][A-Za-z0-9\-/.]*)(?:\s+\(([^)]+)\))?(?:\s|$)/.exec(
        segment,
      ))
    ) {
      const type = documentType(match[1].trim());
      if (type) {
        const country = match[3] ? countryCode(match[3]) : undefined;
        facts.identifiers.push({ type, value: match[2].replace(/\.$/, ''), ...(country ? { country } : {}) });
      }
    }
  }
  return facts;
}
