// Legal name + date of birth as one linking key: the same person verified on two accounts.
// Name order is not stable (Korean, Chinese and Hungarian names are written family name first or
// last depending on the form), so the words are sorted; case, diacritics and punctuation go.
// The name alone is not a key: too many people share one.

const DIACRITICS = /\p{M}/gu;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

export function normaliseLegalName(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(DIACRITICS, '')
      // Upper then lower is full case folding (`ß` → `ss`), as passports print names in capitals.
      .toUpperCase()
      .toLowerCase()
      .split(NOT_LETTER_OR_DIGIT)
      .filter((word) => word !== '')
      .sort()
      .join(' ')
  );
}

/** `sorted name words|YYYY-MM-DD`, e.g. `jong kim un|1984-01-08`. */
export function normaliseLegalNameWithDob(name: string, dateOfBirth: string): string {
  return `${normaliseLegalName(name)}|${dateOfBirth}`;
}
