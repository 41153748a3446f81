// Weighted optimal-string-alignment distance (Levenshtein + adjacent transposition).
// Weights let folding-aware callers make a typo-like edit (swapped letters) cheaper than a
// substitution, which on a short name syllable usually means a different name.

export interface EditCosts {
  substitution: (a: string, b: string) => number;
  insertion: number;
  transposition: number;
}

export const UNIFORM_COSTS: EditCosts = { substitution: () => 1, insertion: 1, transposition: 1 };

// Rows reused across calls: names are short and this runs in the screening hot path.
let rows: Float64Array[] = [new Float64Array(64), new Float64Array(64), new Float64Array(64)];

/**
 * Distance between a and b; when it certainly exceeds `maxDistance` the search stops early
 * and returns Infinity (callers only care whether a pair is close).
 */
export function weightedEditDistance(
  a: string,
  b: string,
  costs: EditCosts = UNIFORM_COSTS,
  maxDistance = Infinity,
): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) * costs.insertion > maxDistance) return Infinity;
  if (a.length === 0) return b.length * costs.insertion;
  if (b.length === 0) return a.length * costs.insertion;
  const width = b.length + 1;
  if (rows[0].length < width)
    rows = [new Float64Array(width * 2), new Float64Array(width * 2), new Float64Array(width * 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j < width; j++) previous[j] = j * costs.insertion;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i * costs.insertion;
    let rowMinimum = current[0];
    const charA = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const charB = b[j - 1];
      const substitute = charA === charB ? 0 : costs.substitution(charA, charB);
      let best = Math.min(
        previous[j] + costs.insertion,
        current[j - 1] + costs.insertion,
        previous[j - 1] + substitute,
      );
      if (i > 1 && j > 1 && charA === b[j - 2] && a[i - 2] === charB && charA !== charB) {
        best = Math.min(best, before[j - 2] + costs.transposition);
      }
      current[j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > maxDistance) return Infinity;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}
