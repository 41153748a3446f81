// Contract §6 (sanctions score-pairs): every input row, plus `score` and `match`, computed with
// exactly the comparison screening uses.
import { compareNames } from './name-matcher';
import { REVIEW_THRESHOLD } from './review-threshold';

export type PairRow = Record<string, string> & { query: string; candidate: string };
export type ScoredPairRow = PairRow & { score: string; match: 'true' | 'false' };

export function scorePairs(rows: PairRow[], threshold: number = REVIEW_THRESHOLD): ScoredPairRow[] {
  return rows.map((row) => {
    const { score } = compareNames(row.query ?? '', row.candidate ?? '');
    return { ...row, score: score.toFixed(4), match: score >= threshold ? 'true' : 'false' };
  });
}
