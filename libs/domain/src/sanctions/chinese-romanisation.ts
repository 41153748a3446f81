// Chinese romanisation folding: Hanyu Pinyin and Wade–Giles (apostrophes stripped) fold to one
// key per syllable, so Xi Jinping / Hsi Chin-p'ing meet. Unaspirated/aspirated pairs merge
// because the Wade–Giles apostrophe is usually lost.

interface Part {
  spelling: string;
  key: string;
}

const INITIALS: Part[] = [
  ['zh', 'j'],
  ['ch', 'j'],
  ['sh', 'S'],
  ['hs', 'x'],
  ['ts', 'z'],
  ['tz', 'z'],
  ['ss', 's'],
  ['b', 'b'],
  ['p', 'b'],
  ['m', 'm'],
  ['f', 'f'],
  ['d', 'd'],
  ['t', 'd'],
  ['n', 'n'],
  ['l', 'l'],
  ['g', 'g'],
  ['k', 'g'],
  ['h', 'h'],
  ['j', 'j'],
  ['q', 'j'],
  ['x', 'x'],
  ['r', 'r'],
  ['z', 'z'],
  ['c', 'z'],
  ['s', 's'],
  ['y', 'y'],
  ['w', 'w'],
].map(([spelling, key]) => ({ spelling, key }));

// Wade–Giles finals first where they differ from pinyin (ieh/ien/ung/ih), then pinyin.
const FINALS: Part[] = [
  ['iung', 'iong'],
  ['iang', 'iang'],
  ['iong', 'iong'],
  ['uang', 'uang'],
  ['ueng', 'ong'],
  ['ieh', 'ie'],
  ['ueh', 'ue'],
  ['ien', 'ian'],
  ['iao', 'iao'],
  ['ian', 'ian'],
  ['ing', 'ing'],
  ['uai', 'uai'],
  ['uan', 'uan'],
  ['uei', 'ui'],
  ['iou', 'iu'],
  ['ang', 'ang'],
  ['eng', 'eng'],
  ['ong', 'ong'],
  ['ung', 'ong'],
  ['ai', 'ai'],
  ['ei', 'ei'],
  ['ao', 'ao'],
  ['ou', 'ou'],
  ['an', 'an'],
  ['en', 'en'],
  ['er', 'er'],
  ['ia', 'ia'],
  ['ie', 'ie'],
  ['iu', 'iu'],
  ['in', 'in'],
  ['ua', 'ua'],
  ['uo', 'uo'],
  ['ui', 'ui'],
  ['un', 'un'],
  ['ue', 'ue'],
  ['ih', 'i'],
  ['eh', 'e'],
  ['a', 'a'],
  ['o', 'o'],
  ['e', 'e'],
  ['i', 'i'],
  ['u', 'u'],
  ['v', 'u'],
].map(([spelling, key]) => ({ spelling, key }));

export interface MandarinKey {
  key: string;
  syllables: string[];
}

function parseSyllables(text: string, position: number): string[] | undefined {
  if (position === text.length) return [];
  const initials = [
    ...INITIALS.filter((initial) => text.startsWith(initial.spelling, position)),
    { spelling: '', key: '' },
  ];
  for (const initial of initials) {
    const finalAt = position + initial.spelling.length;
    for (const final of FINALS.filter((candidate) => text.startsWith(candidate.spelling, finalAt))) {
      const rest = parseSyllables(text, finalAt + final.spelling.length);
      if (rest) return [initial.key + final.key, ...rest];
    }
  }
  return undefined;
}

/** Mandarin key of a Latin token, or undefined when it cannot be pinyin / Wade–Giles. */
export function mandarinKey(token: string): MandarinKey | undefined {
  if (!/^[a-z]+$/.test(token) || token.length > 18) return undefined;
  const syllables = parseSyllables(token, 0);
  if (!syllables || syllables.length === 0 || syllables.length > 4) return undefined;
  return { key: syllables.join(''), syllables };
}

/** Spellings only Mandarin romanisation produces — a sign a name is a Mandarin reading. */
export function looksDistinctlyMandarin(token: string): boolean {
  return /^(zh|x|q|c[^h])|^z|eng$|ian$|iu$|uo$|ou$|ei$|ao$|^[bdghjklmnrstwyz]h?e$|^(ch|sh)?e$|^(j|sh|ch|zh|w)en$/.test(
    token,
  );
}
