// A postal address as a linking key: `12 Main Street, Apt 4` and `12 main st #4` are one place.
// Laptop farms receive the company laptops of many "remote workers" at one address, so a shared
// address key across accounts is a strong link. Built from line1, postal code and country; line2
// (often the flat) and the city are left out on purpose: the city is spelt in too many ways to
// key on, and building-level matching is what reveals a farm.

const DIACRITICS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}/-]+/gu;
const POSTAL_SEPARATORS = /[\s-]/g;

// Common long and short forms, folded into one (USPS-style) abbreviation.
const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['street', 'st'],
  ['avenue', 'ave'],
  ['av', 'ave'],
  ['road', 'rd'],
  ['boulevard', 'blvd'],
  ['drive', 'dr'],
  ['lane', 'ln'],
  ['court', 'ct'],
  ['place', 'pl'],
  ['square', 'sq'],
  ['highway', 'hwy'],
  ['apartment', 'apt'],
  ['flat', 'apt'],
  ['unit', 'apt'],
  ['suite', 'ste'],
  ['floor', 'fl'],
]);

export interface AddressKeyParts {
  line1: string;
  postalCode?: string;
  country: string;
}

/** Lower-case, without diacritics or punctuation, with abbreviations folded and `#` read as "apt". */
export function normaliseAddressLine(line: string): string {
  return (
    line
      .normalize('NFKD')
      .replace(DIACRITICS, '')
      // Upper then lower is full case folding: `ß` → `SS` → `ss`, so Straße and Strasse agree.
      .toUpperCase()
      .toLowerCase()
      .replaceAll('#', ' apt ')
      .replace(NOT_WORD, ' ')
      .split(' ')
      .filter((word) => word !== '')
      .map((word) => ABBREVIATIONS.get(word) ?? word)
      .join(' ')
  );
}

export function normalisePostalCode(postalCode: string): string {
  return postalCode.replace(POSTAL_SEPARATORS, '').toUpperCase();
}

/** `country|postal code|line1`, e.g. `US|94105|12 main st apt 4`. */
export function normaliseAddressKey(parts: AddressKeyParts): string {
  const postal = parts.postalCode === undefined ? '' : normalisePostalCode(parts.postalCode);
  return `${parts.country}|${postal}|${normaliseAddressLine(parts.line1)}`;
}
