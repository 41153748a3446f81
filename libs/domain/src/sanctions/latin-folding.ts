// Latin-script folding shared by every token: accents, special letters, and a spelling key
// that absorbs spelling conventions that do not change how a name sounds.

const SPECIAL_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ı: 'i',
  þ: 'th',
  ŋ: 'ng',
  ħ: 'h',
};

/** Lower-case ASCII: NFKD with combining marks removed (ŏ → o, é → e, ü → u). */
export function foldToAscii(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  let out = '';
  for (const char of lower.normalize('NFKD')) {
    if (/\p{M}/u.test(char)) continue;
    out += SPECIAL_LETTERS[char] ?? char;
  }
  return out;
}

// Ordered rewrite rules; each maps spellings of one sound onto a single spelling.
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/dj/g, 'j'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c(?!h)/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/y/g, 'i'],
  [/ou/g, 'u'],
  [/oo/g, 'u'],
  [/ee/g, 'i'],
  [/ie/g, 'i'],
  [/ae/g, 'e'],
  [/gh/g, 'g'],
  [/dh/g, 'd'],
  [/th/g, 't'],
  [/(.)\1+/g, '$1'],
];

/** Spelling key of a lower-case ASCII token ("Mohammed" and "Muhamad" stay distinct, "Yusiip" → "iusip"). */
export function spellingKey(token: string): string {
  let key = token.replace(/[^a-z0-9]/g, '');
  for (const [pattern, replacement] of SPELLING_RULES) key = key.replace(pattern, replacement);
  return key;
}

/** Consonant skeleton, for scripts that do not write short vowels (Arabic, Persian). */
export function consonantSkeleton(key: string): string {
  return key.replace(/[aeiouvy]/g, '').replace(/(.)\1+/g, '$1');
}
