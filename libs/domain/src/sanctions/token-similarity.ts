// Similarity of two prepared tokens, with the reason it was judged so.
import { weightedEditDistance, type EditCosts } from './edit-distance';
import { consonantSkeleton } from './latin-folding';
import { koreanSubstitutionCost } from './korean-romanisation';
import type { PreparedToken, TokenForm } from './name-normalisation';
import { areEquivalentSurnames } from './surname-equivalence';

export type SimilarityBasis =
  | 'exact'
  | 'spelling'
  | 'korean-romanisation'
  | 'mandarin-romanisation'
  | 'surname-equivalence'
  | 'consonants'
  | 'initial'
  | 'typo'
  | 'none';

export interface TokenSimilarity {
  score: number;
  basis: SimilarityBasis;
}

const NO_MATCH: TokenSimilarity = { score: 0, basis: 'none' };

// A swapped pair of letters is the commonest typing slip; make it cheaper than a substitution.
const TYPO_COSTS: EditCosts = { substitution: () => 1, insertion: 1, transposition: 0.5 };
const KOREAN_COSTS: EditCosts = { substitution: koreanSubstitutionCost, insertion: 1, transposition: 0.6 };

/** Similarity 1 − distance/length, or 0 once it cannot reach `floor` (which earns no credit anyway). */
function distanceSimilarity(a: string, b: string, costs: EditCosts, floor = 0.8): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  const distance = weightedEditDistance(a, b, costs, (1 - floor) * longest);
  return Number.isFinite(distance) ? Math.max(0, 1 - distance / longest) : 0;
}

/** More than one typing slip in a token is more likely another name than a typo. */
const MAX_TYPO_EDITS = 1;

function typoSimilarity(a: TokenForm, b: TokenForm): TokenSimilarity {
  let best = 0;
  for (const [x, y] of [
    [a.spelling, b.spelling],
    [a.collapsed, b.collapsed],
  ]) {
    const longest = Math.max(x.length, y.length);
    if (longest === 0) continue;
    const distance = weightedEditDistance(x, y, TYPO_COSTS, MAX_TYPO_EDITS);
    if (Number.isFinite(distance)) best = Math.max(best, 1 - distance / longest);
  }
  return { score: best, basis: 'typo' };
}

function better(a: TokenSimilarity, b: TokenSimilarity): TokenSimilarity {
  return b.score > a.score ? b : a;
}

/**
 * Both tokens are single syllables of one romanisation: an edit that still leaves a valid
 * syllable is a different syllable — a different name (Yong/Song, Mun/Min) — not a typo.
 */
function singleSyllablesOfOneSystem(a: TokenForm, b: TokenForm): boolean {
  return (
    (a.korean?.syllables.length === 1 && b.korean?.syllables.length === 1) ||
    (a.mandarin?.syllables.length === 1 && b.mandarin?.syllables.length === 1 && !a.korean && !b.korean)
  );
}

function compareForms(a: TokenForm, b: TokenForm, consonantal: boolean, surnames: boolean): TokenSimilarity {
  if (a.text === b.text) return { score: 1, basis: 'exact' };
  if ((a.spelling === b.spelling && a.spelling.length > 0) || a.collapsed === b.collapsed) {
    return { score: 0.98, basis: 'spelling' };
  }
  if (surnames && areEquivalentSurnames(a.text, b.text)) return { score: 0.95, basis: 'surname-equivalence' };
  let best = NO_MATCH;
  if (a.korean && b.korean) {
    const score =
      a.korean.key === b.korean.key
        ? 0.97
        : 0.97 * distanceSimilarity(a.korean.key, b.korean.key, KOREAN_COSTS, 0.83);
    best = better(best, { score, basis: 'korean-romanisation' });
  }
  if (a.mandarin && b.mandarin) {
    const score =
      a.mandarin.key === b.mandarin.key
        ? 0.96
        : 0.96 * distanceSimilarity(a.mandarin.key, b.mandarin.key, TYPO_COSTS, 0.83);
    best = better(best, { score, basis: 'mandarin-romanisation' });
  }
  if (consonantal) {
    const skeletonA = consonantSkeleton(a.spelling);
    const skeletonB = consonantSkeleton(b.spelling);
    if (skeletonA.length > 0 && skeletonA === skeletonB)
      best = better(best, { score: 0.93, basis: 'consonants' });
  }
  if (singleSyllablesOfOneSystem(a, b)) return best;
  return better(best, typoSimilarity(a, b));
}

// Screening compares the same spellings again and again (al, bin, kim, mohammed…); the
// comparison is a pure function of the two spellings and four flags, so it is memoised — in a
// direct-mapped cache of typed arrays: a newer pair evicts whatever shared its slot. A Map of
// the results allocated on every miss and kept it alive; those survivors made young-generation
// collections slow, and collection pauses were most of the screening latency tail.
const MEMO_BITS = 20;
const MEMO_SLOTS = 1 << MEMO_BITS;
const BASES: readonly SimilarityBasis[] = [
  'exact',
  'spelling',
  'korean-romanisation',
  'mandarin-romanisation',
  'surname-equivalence',
  'consonants',
  'initial',
  'typo',
  'none',
];
const BASIS_CODE = new Map(BASES.map((basis, code) => [basis, code]));
const memoFirst = new Int32Array(MEMO_SLOTS).fill(-1);
const memoSecond = new Int32Array(MEMO_SLOTS);
const memoScore = new Float64Array(MEMO_SLOTS);
const memoBasis = new Uint8Array(MEMO_SLOTS);

export function compareTokens(a: PreparedToken, b: PreparedToken): TokenSimilarity {
  if (a.forms.length !== 1 || b.forms.length !== 1 || a.role === 'number' || b.role === 'number')
    return compareTokensUncached(a, b);
  // The form ids and the four flags that change the outcome.
  const flags =
    (a.role === 'initial' ? 1 : 0) |
    (b.role === 'initial' ? 2 : 0) |
    (a.consonantal || b.consonantal ? 4 : 0) |
    (a.surnamePosition && b.surnamePosition ? 8 : 0);
  const first = a.forms[0].id;
  const second = (b.forms[0].id << 4) | flags;
  const slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca77)) >>> (32 - MEMO_BITS);
  if (memoFirst[slot] === first && memoSecond[slot] === second) {
    const score = memoScore[slot];
    return score === 0 && memoBasis[slot] === NONE_CODE ? NO_MATCH : { score, basis: BASES[memoBasis[slot]] };
  }
  const similarity = compareTokensUncached(a, b);
  memoFirst[slot] = first;
  memoSecond[slot] = second;
  memoScore[slot] = similarity.score;
  memoBasis[slot] = BASIS_CODE.get(similarity.basis)!;
  return similarity;
}

const NONE_CODE = BASES.indexOf('none');

function compareTokensUncached(a: PreparedToken, b: PreparedToken): TokenSimilarity {
  if (a.role === 'number' || b.role === 'number') {
    return a.role === b.role && a.forms[0].text === b.forms[0].text ? { score: 1, basis: 'exact' } : NO_MATCH;
  }
  if (a.role === 'initial' || b.role === 'initial') {
    const initialA = a.forms[0].text[0];
    const initialB = b.forms[0].text[0];
    if (a.role === 'initial' && b.role === 'initial')
      return initialA === initialB ? { score: 1, basis: 'exact' } : NO_MATCH;
    return initialA === initialB ? { score: 0.9, basis: 'initial' } : NO_MATCH;
  }
  const consonantal = a.consonantal || b.consonantal;
  const surnames = a.surnamePosition && b.surnamePosition;
  let best = NO_MATCH;
  for (const formA of a.forms) {
    for (const formB of b.forms) {
      best = better(best, compareForms(formA, formB, consonantal, surnames));
      if (best.score === 1) return best;
    }
  }
  return best;
}
