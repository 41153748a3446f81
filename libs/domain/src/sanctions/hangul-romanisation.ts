// Hangul syllable → Latin by Unicode jamo arithmetic (no lookup table of syllables):
// every precomposed syllable is 0xAC00 + (initial × 21 + medial) × 28 + final.
// Output follows Revised Romanisation per syllable, which the Korean folding then
// maps to the same key as McCune–Reischauer and DPRK spellings.

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const MEDIAL_COUNT = 21;
const FINAL_COUNT = 28;

const INITIALS = [
  'g',
  'kk',
  'n',
  'd',
  'tt',
  'r',
  'm',
  'b',
  'pp',
  's',
  'ss',
  '',
  'j',
  'jj',
  'ch',
  'k',
  't',
  'p',
  'h',
];
const MEDIALS = [
  'a',
  'ae',
  'ya',
  'yae',
  'eo',
  'e',
  'yeo',
  'ye',
  'o',
  'wa',
  'wae',
  'oe',
  'yo',
  'u',
  'wo',
  'we',
  'wi',
  'yu',
  'eu',
  'ui',
  'i',
];
// Finals as pronounced at the end of a syllable (neutralised), the way names are romanised.
const FINALS = [
  '',
  'k',
  'k',
  'k',
  'n',
  'n',
  'n',
  't',
  'l',
  'k',
  'm',
  'l',
  'l',
  'l',
  'p',
  'l',
  'm',
  'p',
  'p',
  't',
  't',
  'ng',
  't',
  't',
  'k',
  't',
  'p',
  't',
];

export function isHangulSyllable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return code >= HANGUL_FIRST && code <= HANGUL_LAST;
}

export function containsHangul(text: string): boolean {
  for (const char of text) if (isHangulSyllable(char)) return true;
  return false;
}

export function romaniseHangulSyllable(char: string): string {
  const offset = (char.codePointAt(0) ?? 0) - HANGUL_FIRST;
  if (offset < 0 || offset > HANGUL_LAST - HANGUL_FIRST) return char;
  const initial = Math.floor(offset / (MEDIAL_COUNT * FINAL_COUNT));
  const medial = Math.floor((offset % (MEDIAL_COUNT * FINAL_COUNT)) / FINAL_COUNT);
  const final = offset % FINAL_COUNT;
  return INITIALS[initial] + MEDIALS[medial] + FINALS[final];
}

/**
 * A Hangul word becomes one Latin token per syllable ("김정은" → ["gim","jeong","eun"]):
 * the matcher joins adjacent tokens itself, so "Jong Un" and "Jongun" both align.
 */
export function romaniseHangulWord(word: string): string[] {
  const tokens: string[] = [];
  let latinRun = '';
  for (const char of word) {
    if (isHangulSyllable(char)) {
      if (latinRun) tokens.push(latinRun);
      latinRun = '';
      tokens.push(romaniseHangulSyllable(char));
    } else {
      latinRun += char;
    }
  }
  if (latinRun) tokens.push(latinRun);
  return tokens;
}
