// compareNames: the one name comparison used by screening, the index and contract §6.
// Tokens are aligned (allowing a token on one side to be two joined tokens on the other),
// and the score is the weighted share of both names that found a counterpart, then
// penalised for unexplained reordering and for conflicting leftovers.
import { weightedEditDistance } from './edit-distance';
import { spellingKey } from './latin-folding';
import { makeTokenForm, prepareName, type PreparedName, type PreparedToken } from './name-normalisation';
import { compareTokens, type TokenSimilarity } from './token-similarity';
import { adjustForContext, type MatchContext } from './context-adjustment';

/** Default score at or above which a pair goes to human review. */
export const DEFAULT_REVIEW_THRESHOLD = 0.85;

/** Below this a token pair is not evidence of the same name, so it earns nothing. */
const MIN_TOKEN_CREDIT = 0.81;
const UNEXPLAINED_REORDER_FACTOR = 0.8;
const UNMATCHED_NUMBER_FACTOR = 0.85;
const CONFLICT_FACTOR = 0.9;
const INITIALS_ONLY_FACTOR = 0.6;
// Patronymics are routinely left out by the person; missing one costs a fraction of its weight.
const MISSING_PATRONYMIC_WEIGHT = 0.25;

export interface NameComparison {
  score: number;
  reasons: string[];
}

interface AlignmentOption {
  query: number[];
  candidate: number[];
  similarity: TokenSimilarity;
  weight: number;
}

function joinTokens(first: PreparedToken, second: PreparedToken): PreparedToken {
  const forms = [];
  for (const a of first.forms)
    for (const b of second.forms)
      if (forms.length < MAX_JOINED_FORMS) forms.push(makeTokenForm(a.text + b.text));
  return {
    forms,
    role: 'name',
    weight: first.weight + second.weight,
    consonantal: first.consonantal || second.consonantal,
    surnamePosition: false,
    patronymic: false,
  };
}

// Joining tokens that each have several readings multiplies forms; a few are enough.
const MAX_JOINED_FORMS = 4;

/**
 * What the comparison derives from a name, kept on the name itself. (WeakMaps keyed by every
 * prepared name — the index's and each query's — made every young-generation GC walk their
 * ephemeron tables: slow scavenges were the bulk of the screening latency tail.)
 */
interface ComparisonCache {
  joins?: PreparedToken[];
  concatenations?: string[];
  /** Per ordering: position of each token index in it. */
  positions?: number[][];
}

const cacheOf = (name: PreparedName): ComparisonCache => name as PreparedName & ComparisonCache;

export function adjacentJoins(name: PreparedName): PreparedToken[] {
  const cache = cacheOf(name);
  let joins = cache.joins;
  if (!joins) {
    joins = [];
    for (let index = 0; index + 1 < name.tokens.length; index++) {
      const [first, second] = [name.tokens[index], name.tokens[index + 1]];
      const joinable = (token: PreparedToken) =>
        token.role === 'name' || token.role === 'initial' || token.role === 'generic';
      joins.push(
        joinable(first) && joinable(second)
          ? joinTokens(first, second)
          : (undefined as unknown as PreparedToken),
      );
    }
    cache.joins = joins;
  }
  return joins;
}

function alignmentOptions(query: PreparedName, candidate: PreparedName): AlignmentOption[] {
  const options: AlignmentOption[] = [];
  const push = (q: number[], c: number[], a: PreparedToken, b: PreparedToken) => {
    const similarity = compareTokens(a, b);
    if (similarity.score >= MIN_TOKEN_CREDIT || (similarity.basis === 'initial' && similarity.score > 0)) {
      options.push({ query: q, candidate: c, similarity, weight: a.weight + b.weight });
    }
  };
  query.tokens.forEach((q, i) => candidate.tokens.forEach((c, j) => push([i], [j], q, c)));
  const queryJoins = adjacentJoins(query);
  const candidateJoins = adjacentJoins(candidate);
  queryJoins.forEach((joined, i) => {
    if (joined) candidate.tokens.forEach((c, j) => c.role === 'name' && push([i, i + 1], [j], joined, c));
  });
  candidateJoins.forEach((joined, j) => {
    if (joined) query.tokens.forEach((q, i) => q.role === 'name' && push([i], [j, j + 1], q, joined));
  });
  // Best evidence first; on ties prefer tokens in corresponding places, then the option that
  // explains more of the names (so "Jang Chang Ha" pairs its two Changs in order).
  const place = (option: AlignmentOption) =>
    Math.abs(option.query[0] / query.tokens.length - option.candidate[0] / candidate.tokens.length);
  return options.sort(
    (a, b) => b.similarity.score - a.similarity.score || place(a) - place(b) || b.weight - a.weight,
  );
}

/** Position of each token in each of the name's orderings, computed once per name. */
function orderingPositions(name: PreparedName): number[][] {
  const cache = cacheOf(name);
  let positions = cache.positions;
  if (!positions) {
    positions = name.orderings.map((order) => {
      const position: number[] = new Array<number>(name.tokens.length).fill(-1);
      order.forEach((token, index) => (position[token] = index));
      return position;
    });
    cache.positions = positions;
  }
  return positions;
}

function isMonotone(picked: AlignmentOption[], queryPosition: number[], candidatePosition: number[]): boolean {
  const sorted = [...picked].sort((a, b) => queryPosition[a.query[0]] - queryPosition[b.query[0]]);
  let last = -1;
  for (const option of sorted) {
    const position = candidatePosition[option.candidate[0]];
    if (position < last) return false;
    last = position;
  }
  return true;
}

function orderIsExplained(picked: AlignmentOption[], query: PreparedName, candidate: PreparedName): boolean {
  const meaningful = picked.filter((option) => option.similarity.score > 0);
  if (meaningful.length < 2) return true;
  const candidatePositions = orderingPositions(candidate);
  return orderingPositions(query).some((queryPosition) =>
    candidatePositions.some((candidatePosition) => isMonotone(meaningful, queryPosition, candidatePosition)),
  );
}

function countsAsEvidence(token: PreparedToken): boolean {
  return (
    token.role === 'name' || token.role === 'number' || token.role === 'initial' || token.role === 'generic'
  );
}

/** The spelling key of each ordering's letters run together, computed once per name. */
function concatenatedSpellings(name: PreparedName): string[] {
  const cache = cacheOf(name);
  let spellings = cache.concatenations;
  if (!spellings) {
    spellings = name.orderings.map((order) =>
      spellingKey(
        order
          .map((index) => name.tokens[index])
          .filter((token) => token.role !== 'stopword')
          .map((token) => token.forms[0].text)
          .join(''),
      ),
    );
    cache.concatenations = spellings;
  }
  return spellings;
}

const BOUNDARY_SHIFT_SCORE = 0.92;
const BOUNDARY_SHIFT_COSTS = { substitution: () => 2, insertion: 1, transposition: 0.5 };

/** Word boundaries typed in the wrong place ("Lauren Tnkunda") leave the letters intact. */
function boundaryShiftScore(query: PreparedName, candidate: PreparedName): number {
  if (query.tokens.length < 2 && candidate.tokens.length < 2) return 0;
  let best = 0;
  for (const a of concatenatedSpellings(query)) {
    for (const b of concatenatedSpellings(candidate)) {
      if (Math.min(a.length, b.length) < 8) continue;
      const distance = weightedEditDistance(a, b, BOUNDARY_SHIFT_COSTS, 0.5);
      if (distance <= 0.5) best = Math.max(best, BOUNDARY_SHIFT_SCORE - distance * 0.06);
    }
  }
  return best;
}

/** Computes once what comparing a name needs beyond its tokens (the index does it at build time). */
export function prepareForComparison(name: PreparedName): void {
  adjacentJoins(name);
  concatenatedSpellings(name);
  orderingPositions(name);
}

function describe(option: AlignmentOption, query: PreparedName, candidate: PreparedName): string {
  const text = (name: PreparedName, indices: number[]) =>
    indices.map((index) => name.tokens[index].forms[0].text).join('+');
  return `${text(query, option.query)}~${text(candidate, option.candidate)} (${option.similarity.basis} ${option.similarity.score.toFixed(2)})`;
}

/** Compares two prepared readings; both already normalised. */
export function compareReadings(
  query: PreparedName,
  candidate: PreparedName,
  explain = true,
): NameComparison {
  if (query.tokens.length === 0 || candidate.tokens.length === 0)
    return { score: 0, reasons: ['empty name'] };
  // Flags per token index (names are a handful of tokens): cheaper than Sets in the hot path.
  const usedQuery = new Uint8Array(query.tokens.length);
  const usedCandidate = new Uint8Array(candidate.tokens.length);
  const picked: AlignmentOption[] = [];
  for (const option of alignmentOptions(query, candidate)) {
    if (option.query.some((i) => usedQuery[i] === 1) || option.candidate.some((j) => usedCandidate[j] === 1))
      continue;
    for (const i of option.query) usedQuery[i] = 1;
    for (const j of option.candidate) usedCandidate[j] = 1;
    picked.push(option);
  }
  let matched = 0;
  for (const option of picked) matched += option.similarity.score * option.weight;
  // A patronymic missing from one side is routine; two different patronymics are a conflict.
  const unmatchedPatronymic = (name: PreparedName, used: Uint8Array) =>
    name.tokens.some((token, index) => token.patronymic && used[index] === 0);
  const patronymicsConflict =
    unmatchedPatronymic(query, usedQuery) && unmatchedPatronymic(candidate, usedCandidate);
  const unmatchedWeight = (name: PreparedName, used: Uint8Array) =>
    name.tokens.reduce((sum, token, index) => {
      if (used[index] === 1) return sum;
      const discounted = token.patronymic && !patronymicsConflict;
      return sum + token.weight * (discounted ? MISSING_PATRONYMIC_WEIGHT : 1);
    }, 0);
  const matchedWeight = picked.reduce((sum, option) => sum + option.weight, 0);
  const total = matchedWeight + unmatchedWeight(query, usedQuery) + unmatchedWeight(candidate, usedCandidate);
  let score = total > 0 ? matched / total : 0;
  // Reasons are only built when asked: screening scores many candidates and explains few.
  const reasons = explain ? picked.map((option) => describe(option, query, candidate)) : [];
  const note = (reason: () => string) => explain && reasons.push(reason());

  const leftover = (name: PreparedName, used: Uint8Array) =>
    name.tokens.filter(
      (token, index) =>
        used[index] === 0 && countsAsEvidence(token) && (!token.patronymic || patronymicsConflict),
    );
  const queryLeftover = leftover(query, usedQuery);
  const candidateLeftover = leftover(candidate, usedCandidate);
  if (queryLeftover.length > 0)
    note(() => `unmatched in query: ${queryLeftover.map((t) => t.forms[0].text).join(' ')}`);
  if (candidateLeftover.length > 0)
    note(() => `unmatched in candidate: ${candidateLeftover.map((t) => t.forms[0].text).join(' ')}`);
  if (queryLeftover.length > 0 && candidateLeftover.length > 0) {
    score *= CONFLICT_FACTOR;
    note(() => 'conflicting tokens on both sides');
  }
  if ([...queryLeftover, ...candidateLeftover].some((token) => token.role === 'number')) {
    score *= UNMATCHED_NUMBER_FACTOR;
    note(() => 'a number or series marker has no counterpart');
  }
  if (!orderIsExplained(picked, query, candidate)) {
    score *= UNEXPLAINED_REORDER_FACTOR;
    note(() => 'token order differs and no comma or surname position explains it');
  }
  const initialsOnly = (name: PreparedName) => {
    const evidence = name.tokens.filter(countsAsEvidence);
    return (
      evidence.length > 0 &&
      evidence.every(
        (token) => token.role === 'initial' || (token.forms[0].text.length <= 2 && !token.forms[0].korean),
      )
    );
  };
  if (initialsOnly(query) || initialsOnly(candidate)) {
    score *= INITIALS_ONLY_FACTOR;
    note(() => 'a name made only of initials');
  }
  const shifted = score < BOUNDARY_SHIFT_SCORE ? boundaryShiftScore(query, candidate) : 0;
  if (shifted > score) {
    score = shifted;
    note(() => 'same letters with word boundaries moved');
  }
  score *= Math.min(query.confidence, candidate.confidence);
  if (explain && query.reading !== 'as written') reasons.unshift(`query read as ${query.reading}`);
  if (explain && candidate.reading !== 'as written')
    reasons.unshift(`candidate read as ${candidate.reading}`);
  return { score: Math.max(0, Math.min(1, score)), reasons };
}

/** Best comparison over every reading of each name; reasons only when `explain` is set. */
export function comparePreparedNames(
  query: PreparedName[],
  candidate: PreparedName[],
  explain = true,
): NameComparison {
  let best = { score: 0, query: -1, candidate: -1 };
  search: for (const [queryIndex, queryReading] of query.entries()) {
    for (const [candidateIndex, candidateReading] of candidate.entries()) {
      const { score } = compareReadings(queryReading, candidateReading, false);
      if (score > best.score) best = { score, query: queryIndex, candidate: candidateIndex };
      if (best.score >= 0.999) break search;
    }
  }
  if (best.query < 0) return { score: 0, reasons: explain ? ['no comparable reading'] : [] };
  return explain
    ? compareReadings(query[best.query], candidate[best.candidate], true)
    : { score: best.score, reasons: [] };
}

/**
 * Scores how likely two names denote the same person or organisation (0–1) and says why.
 * With a context, date of birth, nationality and gender adjust the name score.
 */
export function compareNames(query: string, candidate: string, context?: MatchContext): NameComparison {
  const comparison = comparePreparedNames(prepareName(query), prepareName(candidate));
  if (!context) return { score: round(comparison.score), reasons: comparison.reasons };
  const adjusted = adjustForContext(comparison.score, context);
  return { score: round(adjusted.score), reasons: [...comparison.reasons, ...adjusted.reasons] };
}

function round(score: number): number {
  return Math.round(score * 10000) / 10000;
}
