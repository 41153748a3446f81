// Korean romanisation folding: McCune–Reischauer (breves and apostrophes already stripped),
// Revised Romanisation, the DPRK official system and common anglicisations all fold to one
// phonetic key per syllable, so Kim Jong Un / Gim Jeong-eun / Kim Chŏng-ŭn share a key.
//
// Key alphabet — onsets: k t p c s h m n ; vowels: a e i o u with glides y w ;
// codas: k n g(=ng) l m p t. Plain/aspirated/tense consonants merge because apostrophes
// (the MR aspiration mark) are lost in most real-world spellings.

interface Part {
  spelling: string;
  key: string;
}

// Longest spellings first so 'tch' wins over 't'.
const ONSETS: Part[] = [
  ['tch', 'c'],
  ['cch', 'c'],
  ['kk', 'k'],
  ['gg', 'k'],
  ['tt', 't'],
  ['dd', 't'],
  ['pp', 'p'],
  ['bb', 'p'],
  ['jj', 'c'],
  ['ss', 's'],
  ['ch', 'c'],
  ['sh', 's'],
  ['rh', 'r'],
  ['kh', 'k'],
  ['th', 't'],
  ['ph', 'p'],
  ['ts', 'c'],
  ['g', 'k'],
  ['k', 'k'],
  ['n', 'n'],
  ['d', 't'],
  ['t', 't'],
  ['r', 'r'],
  ['l', 'r'],
  ['m', 'm'],
  ['b', 'p'],
  ['p', 'p'],
  ['s', 's'],
  ['j', 'c'],
  ['c', 'c'],
  ['h', 'h'],
].map(([spelling, key]) => ({ spelling, key }));

const VOWELS: Part[] = [
  ['yeo', 'yo'],
  ['yae', 'ye'],
  ['yoo', 'yu'],
  ['you', 'yo'],
  ['wae', 'we'],
  ['weo', 'wo'],
  ['eui', 'ui'],
  ['eo', 'o'],
  ['eu', 'u'],
  ['ae', 'e'],
  ['oe', 'we'],
  ['oi', 'we'],
  ['oo', 'u'],
  ['ee', 'i'],
  ['ya', 'ya'],
  ['yo', 'yo'],
  ['yu', 'yu'],
  ['ye', 'ye'],
  ['yi', 'i'],
  ['wa', 'wa'],
  ['we', 'we'],
  ['wi', 'wi'],
  ['wo', 'wo'],
  ['ui', 'ui'],
  ['ai', 'e'],
  ['a', 'a'],
  ['e', 'e'],
  ['i', 'i'],
  ['o', 'o'],
  ['u', 'u'],
].map(([spelling, key]) => ({ spelling, key }));

// 'rk' is the anglicised Park; a final 'h' is the anglicised Roh/Noh/Oh and is silent.
const CODAS: Part[] = [
  ['ng', 'g'],
  ['ck', 'k'],
  ['rk', 'k'],
  ['k', 'k'],
  ['g', 'k'],
  ['n', 'n'],
  ['l', 'l'],
  ['m', 'm'],
  ['p', 'p'],
  ['b', 'p'],
  ['t', 't'],
  ['h', ''],
].map(([spelling, key]) => ({ spelling, key }));

export interface KoreanKey {
  /** concatenated folded syllables, e.g. "kimcogun" for "Kim Jong Un" */
  key: string;
  syllables: string[];
}

/**
 * The initial-sound law (두음법칙) and its DPRK non-application: ㄹ is written r/l in the North
 * and n or nothing in the South (Ri/Yi/Lee, Ro/No, Ryu/Yu), ㄴ drops before i/y (Nyo/Yo).
 * Folding every syllable onset the Southern way makes both spellings meet.
 */
function applyInitialSoundLaw(onset: string, vowel: string): string {
  const beforeIOrY = vowel.startsWith('i') || vowel.startsWith('y');
  if (onset === 'r') return beforeIOrY ? '' : 'n';
  if (onset === 'n' && beforeIOrY) return '';
  return onset;
}

function parseSyllables(text: string, position: number, depth: number): string[] | undefined {
  if (position === text.length) return [];
  if (depth > 6) return undefined;
  const onsets = [
    ...ONSETS.filter((onset) => text.startsWith(onset.spelling, position)),
    { spelling: '', key: '' },
  ];
  for (const onset of onsets) {
    const vowelAt = position + onset.spelling.length;
    for (const vowel of VOWELS.filter((candidate) => text.startsWith(candidate.spelling, vowelAt))) {
      const codaAt = vowelAt + vowel.spelling.length;
      const syllableStart = applyInitialSoundLaw(onset.key, vowel.key) + vowel.key;
      // Prefer 'ng' as a coda, then leaving consonants to the next syllable's onset.
      const codas = CODAS.filter((coda) => text.startsWith(coda.spelling, codaAt));
      const ordered = [
        ...codas.filter((coda) => coda.spelling === 'ng'),
        { spelling: '', key: '' },
        ...codas.filter((coda) => coda.spelling !== 'ng'),
      ];
      for (const coda of ordered) {
        const next = codaAt + coda.spelling.length;
        const rest = parseSyllables(text, next, depth + 1);
        if (rest) return [syllableStart + coda.key, ...rest];
      }
    }
  }
  return undefined;
}

/** Korean key of one Latin token, or undefined when the token cannot be Korean romanisation. */
export function koreanKey(token: string): KoreanKey | undefined {
  if (!/^[a-z]+$/.test(token) || /[fqvxz]/.test(token) || token.length > 16) return undefined;
  const syllables = parseSyllables(token, 0, 0);
  if (!syllables || syllables.length === 0) return undefined;
  return { key: syllables.join(''), syllables };
}

/** Vowel pairs that anglicised spellings confuse (Sung/Song, Chul/Chol, Hyuk/Hyok, Pak/Paek). */
export function koreanSubstitutionCost(a: string, b: string): number {
  if ((a === 'o' && b === 'u') || (a === 'u' && b === 'o')) return 0.35;
  // ㅏ/ㅐ: "ae" is often written plain "a" (Paek/Pak, Chae/Cha).
  if ((a === 'a' && b === 'e') || (a === 'e' && b === 'a')) return 0.4;
  return 1;
}
