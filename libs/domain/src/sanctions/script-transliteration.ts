// Cyrillic, Greek and Arabic-script names → Latin, so they meet list entries written in Latin.
// Arabic script carries no short vowels, so its tokens are flagged and compared by consonants.

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ѕ: 'dz',
};

const GREEK_DIGRAPHS: Array<[string, string]> = [
  ['ου', 'ou'],
  ['αι', 'ai'],
  ['ει', 'i'],
  ['οι', 'i'],
  ['μπ', 'b'],
  ['ντ', 'nt'],
  ['γγ', 'ng'],
  ['γκ', 'gk'],
  ['αυ', 'av'],
  ['ευ', 'ev'],
];
const GREEK: Record<string, string> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
};

// Long vowels (ا و ي) are kept as vowels; the comparison drops vowels anyway.
const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
  ى: 'a',
  ة: 'a',
  ء: '',
  ئ: 'y',
  ؤ: 'w',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ی: 'y',
  ۀ: 'h',
};

export type SourceScript = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hangul' | 'han' | 'other';

export function detectScript(word: string): SourceScript {
  for (const char of word) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x0400 && code <= 0x052f) return 'cyrillic';
    if (code >= 0x0370 && code <= 0x03ff) return 'greek';
    if ((code >= 0x0600 && code <= 0x06ff) || (code >= 0x0750 && code <= 0x077f)) return 'arabic';
    if (code >= 0xac00 && code <= 0xd7a3) return 'hangul';
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return 'han';
    if (code > 0x024f && !(code >= 0x1e00 && code <= 0x1eff)) return 'other';
  }
  return 'latin';
}

function mapChars(word: string, table: Record<string, string>): string {
  let out = '';
  for (const char of word) out += table[char] ?? (/[a-z0-9]/.test(char) ? char : '');
  return out;
}

export function transliterateCyrillic(word: string): string {
  return mapChars(word.toLowerCase(), CYRILLIC);
}

export function transliterateGreek(word: string): string {
  let text = word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  for (const [digraph, latin] of GREEK_DIGRAPHS) text = text.split(digraph).join(latin);
  return mapChars(text, GREEK);
}

export function transliterateArabic(word: string): string {
  // Harakat (short-vowel marks) and tatweel carry nothing a Latin spelling reliably shows.
  const bare = word.replace(/[\u064b-\u065f\u0670\u0640\u200c\u200d]/g, '');
  return mapChars(bare, ARABIC);
}

/** Greek names carry nominative endings (-os, -as, -is) their English forms drop. */
export function greekNameStem(latin: string): string | undefined {
  const match = /^(.{3,}?)(os|as|is|es)$/.exec(latin);
  return match ? match[1] : undefined;
}
