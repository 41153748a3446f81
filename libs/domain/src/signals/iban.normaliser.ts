// IBANs are printed in groups of four and in either case; `de89 3704 0044 0532 0130 00` and
// `DE89370400440532013000` are one account. The ISO 7064 mod-97 checksum is verified so an
// operator can see a mistyped or made-up IBAN, but an invalid one is still linked: a ring that
// reuses the same bogus IBAN is still one ring.

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const SEPARATORS = /[\s-]/g;

export interface NormalisedIban {
  normalised: string;
  checksumValid: boolean;
}

function compactUpper(raw: string): string {
  return raw.replace(SEPARATORS, '').toUpperCase();
}

/** Whether `raw` has the shape of an IBAN (country, check digits, 11–30 alphanumerics). */
export function looksLikeIban(raw: string): boolean {
  return IBAN_SHAPE.test(compactUpper(raw));
}

export function normaliseIban(raw: string): NormalisedIban {
  const normalised = compactUpper(raw);
  return { normalised, checksumValid: IBAN_SHAPE.test(normalised) && ibanMod97(normalised) === 1 };
}

/** Mod 97 of the IBAN rearranged (first four characters moved to the end, letters as 10–35). */
function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    // Digits contribute one decimal digit, letters two (A = 10 … Z = 35).
    if (code <= 57) remainder = (remainder * 10 + (code - 48)) % 97;
    else remainder = (remainder * 100 + (code - 55)) % 97;
  }
  return remainder;
}
