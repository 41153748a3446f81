// Candidate generation for screening: names are reduced to blocking keys (folded spellings,
// Korean and Mandarin keys, consonant skeletons, surname families, trigrams); a query looks up
// only the postings of its own keys, ranks entries by shared rare keys, and fully scores the
// best few. No query ever visits every entry.
import { adjustForContext, MAX_CONTEXT_GAIN, type PartyAttributes } from './context-adjustment';
import { consonantSkeleton } from './latin-folding';
import { comparePreparedNames, DEFAULT_REVIEW_THRESHOLD, prepareForComparison } from './name-matcher';
import { makeTokenForm, prepareName, type PreparedName, type PreparedToken } from './name-normalisation';
import type { AliasStrength, SanctionedEntity } from './sanctioned-entity';
import { surnameFamilies } from './surname-equivalence';

export interface NameSearchOptions {
  /** hits below this score are not returned (default: the review threshold) */
  minScore?: number;
  /** at most this many entities returned */
  limit?: number;
  /** query-side attributes for date-of-birth / nationality / gender adjustment */
  context?: PartyAttributes;
}

export interface NameHit {
  entity: SanctionedEntity;
  matchedName: string;
  strength: AliasStrength;
  score: number;
  nameScore: number;
  reasons: string[];
}

export interface SearchStatistics {
  indexedNames: number;
  postingsVisited: number;
  candidatesScored: number;
}

/** A key's postings, frozen after the build with the vote each posting earns. */
interface Posting {
  ids: Int32Array;
  /** The key kind's weight × the key's rarity (idf): what sharing this key is worth. */
  weight: number;
  /** A trigram shared by too many names to be worth visiting. */
  skip: boolean;
}

interface ScoredCandidates {
  ids: Int32Array;
  nameScores: Float64Array;
  visited: number;
}

// Names whose scored candidates are kept (a few hundred bytes each).
const SCORED_CACHE_SIZE = 20_000;

interface IndexedName {
  entity: number;
  name: string;
  strength: AliasStrength;
  readings: PreparedName[];
}

// Trigram postings longer than this carry no information worth their cost.
const MAX_TRIGRAM_POSTING = 1200;
const CANDIDATES_TO_SCORE = 40;
// Names sharing less than this share of the best candidate's key weight cannot outscore it.
const MIN_RELATIVE_VOTE = 0.3;
// A weak alias (OFAC "low quality a.k.a.") is a weaker claim about who the person is.
const WEAK_ALIAS_FACTOR = 0.95;

const KEY_WEIGHT: Record<string, number> = { t: 3, k: 3, m: 2.5, j: 3, c: 1.5, s: 1, g: 0.4 };

function isIndexable(token: PreparedToken): boolean {
  return token.role === 'name' || token.role === 'number' || token.role === 'generic';
}

function trigrams(text: string): string[] {
  const padded = `^${text}$`;
  const grams: string[] = [];
  for (let index = 0; index + 3 <= padded.length; index++) grams.push(padded.slice(index, index + 3));
  return grams;
}

/** Blocking keys of one prepared reading; the same function serves entries and queries. */
export function readingKeys(reading: PreparedName): Set<string> {
  const keys = new Set<string>();
  const tokens = reading.tokens.some(isIndexable) ? reading.tokens.filter(isIndexable) : reading.tokens;
  for (const token of tokens) {
    for (const form of token.forms) {
      keys.add(`t:${form.spelling}`);
      if (form.collapsed !== form.spelling) keys.add(`t:${form.collapsed}`);
      if (form.korean) keys.add(`k:${form.korean.key}`);
      if (form.mandarin) keys.add(`m:${form.mandarin.key}`);
      const skeleton = consonantSkeleton(form.spelling);
      if (skeleton.length >= 2) keys.add(`c:${skeleton}`);
      for (const family of surnameFamilies(form.text)) keys.add(`s:${family}`);
      for (const gram of trigrams(form.spelling)) keys.add(`g:${gram}`);
    }
  }
  // Joined neighbours, so "Jongun" meets "Jong Un" and "Goodwill" meets "Good Will".
  for (let index = 0; index + 1 < reading.tokens.length; index++) {
    const joined = makeTokenForm(
      reading.tokens[index].forms[0].text + reading.tokens[index + 1].forms[0].text,
    );
    keys.add(`j:${joined.spelling}`);
    if (joined.korean) keys.add(`j:k${joined.korean.key}`);
  }
  // A single token may itself be the join of two on the other side.
  for (const token of tokens) {
    const form = token.forms[0];
    keys.add(`j:${form.spelling}`);
    if (form.korean) keys.add(`j:k${form.korean.key}`);
  }
  return keys;
}

/** Every blocking key of a raw name (used to find which accounts a list change can affect). */
export function nameBlockingKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const reading of prepareName(name))
    for (const key of readingKeys(reading)) if (!key.startsWith('g:')) keys.add(key);
  return [...keys];
}

export class SanctionsNameIndex {
  private readonly entities: SanctionedEntity[];
  private readonly names: IndexedName[] = [];
  private readonly building = new Map<string, number[]>();
  private postings = new Map<string, Posting>();
  private votes = new Float64Array(0);
  private readonly scoredCache = new Map<string, ScoredCandidates>();
  private cacheHits = 0;
  private cacheMisses = 0;
  lastSearch: SearchStatistics = { indexedNames: 0, postingsVisited: 0, candidatesScored: 0 };

  constructor(entities: Iterable<SanctionedEntity>) {
    this.entities = [...entities];
    this.entities.forEach((entity, entityIndex) => {
      const seen = new Set<string>();
      const names: Array<[string, AliasStrength]> = [
        [entity.primaryName, 'strong'],
        ...entity.aliases.map((alias): [string, AliasStrength] => [alias.name, alias.strength]),
      ];
      for (const [name, strength] of names) {
        const trimmed = name.trim();
        if (!trimmed || seen.has(trimmed.toLowerCase())) continue;
        seen.add(trimmed.toLowerCase());
        this.addName({ entity: entityIndex, name: trimmed, strength, readings: prepareName(trimmed) });
      }
    });
    this.freezePostings();
  }

  /** Weights depend on the final name count, so they are computed once, after the build. */
  private freezePostings(): void {
    const total = this.names.length;
    for (const [key, ids] of this.building) {
      const kind = key.slice(0, key.indexOf(':'));
      this.postings.set(key, {
        ids: Int32Array.from(ids),
        weight: (KEY_WEIGHT[kind] ?? 1) * Math.log(1 + total / ids.length),
        skip: kind === 'g' && ids.length > MAX_TRIGRAM_POSTING,
      });
    }
    this.building.clear();
    this.votes = new Float64Array(total);
  }

  private ensureVoteBuffer(): void {
    if (this.votes.length < this.names.length) this.votes = new Float64Array(this.names.length);
  }

  get entityCount(): number {
    return this.entities.length;
  }

  get nameCount(): number {
    return this.names.length;
  }

  private addName(indexed: IndexedName): void {
    const id = this.names.length;
    this.names.push(indexed);
    const keys = new Set<string>();
    for (const reading of indexed.readings) {
      for (const key of readingKeys(reading)) keys.add(key);
      prepareForComparison(reading); // now, so that no search pays for it
    }
    for (const key of keys) {
      const posting = this.building.get(key);
      if (posting) posting.push(id);
      else this.building.set(key, [id]);
    }
  }

  /** Ranks names by the rare keys they share with the query; only their postings are visited. */
  private candidateNames(readings: PreparedName[]): { ids: number[]; visited: number } {
    const keys = new Set<string>();
    for (const reading of readings) for (const key of readingKeys(reading)) keys.add(key);
    const votes = this.votes;
    const touched: number[] = [];
    let visited = 0;
    for (const key of keys) {
      const posting = this.postings.get(key);
      if (!posting || posting.skip) continue;
      const { ids, weight } = posting;
      visited += ids.length;
      for (let index = 0; index < ids.length; index++) {
        const id = ids[index];
        if (votes[id] === 0) touched.push(id);
        votes[id] += weight;
      }
    }
    // Keep the best few: a bounded insertion list beats sorting every touched name.
    const best: number[] = [];
    for (const id of touched) {
      const vote = votes[id];
      if (best.length === CANDIDATES_TO_SCORE && vote <= votes[best[best.length - 1]]) continue;
      let position = best.length;
      while (position > 0 && votes[best[position - 1]] < vote) position--;
      best.splice(position, 0, id);
      if (best.length > CANDIDATES_TO_SCORE) best.pop();
    }
    const floor = best.length > 0 ? votes[best[0]] * MIN_RELATIVE_VOTE : 0;
    const kept = best.filter((id) => votes[id] >= floor);
    for (const id of touched) votes[id] = 0;
    return { ids: kept, visited };
  }

  /**
   * The candidates of a name and their name scores (weak-alias factor included), which depend on
   * the name alone: context and threshold are applied per call. Kept for the most recent names —
   * names repeat across accounts (popular given and family names) and across rescreens.
   */
  private scoredCandidates(name: string): ScoredCandidates {
    const cached = this.scoredCache.get(name);
    if (cached) {
      // Map order is insertion order: re-inserting keeps the most recently used names last.
      this.scoredCache.delete(name);
      this.scoredCache.set(name, cached);
      this.cacheHits++;
      return cached;
    }
    const readings = prepareName(name);
    this.ensureVoteBuffer();
    const { ids, visited } = this.candidateNames(readings);
    const nameScores = new Float64Array(ids.length);
    ids.forEach((id, position) => {
      const indexed = this.names[id];
      nameScores[position] = comparePreparedNames(readings, indexed.readings, false).score * (indexed.strength === 'weak' ? WEAK_ALIAS_FACTOR : 1);
    });
    const scored: ScoredCandidates = { ids: Int32Array.from(ids), nameScores, visited };
    if (this.scoredCache.size >= SCORED_CACHE_SIZE) this.scoredCache.delete(this.scoredCache.keys().next().value!);
    this.scoredCache.set(name, scored);
    this.cacheMisses++;
    return scored;
  }

  /** How often a search found its name's candidates already scored. */
  get cacheStatistics(): { hits: number; misses: number } {
    return { hits: this.cacheHits, misses: this.cacheMisses };
  }

  search(name: string, options: NameSearchOptions = {}): NameHit[] {
    const minScore = options.minScore ?? DEFAULT_REVIEW_THRESHOLD;
    const { ids, nameScores, visited } = this.scoredCandidates(name);
    const bestByEntity = new Map<number, NameHit & { nameId: number }>();
    for (let position = 0; position < ids.length; position++) {
      const id = ids[position];
      const indexed = this.names[id];
      const nameScore = nameScores[position];
      // Context moves a score by a few hundredths at most: a name far below the threshold is out.
      if (nameScore + (options.context ? MAX_CONTEXT_GAIN : 0) < minScore) continue;
      const entity = this.entities[indexed.entity];
      let score = nameScore;
      const reasons: string[] = indexed.strength === 'weak' ? ['matched a weak alias'] : [];
      if (options.context) {
        const adjusted = adjustForContext(nameScore, {
          query: options.context,
          candidate: {
            datesOfBirth: entity.datesOfBirth,
            nationalities: entity.nationalities,
            gender: entity.gender,
          },
        });
        score = adjusted.score;
        reasons.push(...adjusted.reasons);
      }
      // Only hits at the threshold are returned, so only they compete for their entity: the
      // best of an entity's names is the same among those as among all of them.
      if (score < minScore) continue;
      const previous = bestByEntity.get(indexed.entity);
      if (!previous || score > previous.score) {
        bestByEntity.set(indexed.entity, {
          entity,
          matchedName: indexed.name,
          strength: indexed.strength,
          score,
          nameScore,
          reasons,
          nameId: id,
        });
      }
    }
    // Explain only what is returned.
    if (bestByEntity.size > 0) {
      const readings = prepareName(name);
      for (const hit of bestByEntity.values()) {
        hit.reasons.unshift(...comparePreparedNames(readings, this.names[hit.nameId].readings, true).reasons);
      }
    }
    this.lastSearch = {
      indexedNames: this.names.length,
      postingsVisited: visited,
      candidatesScored: ids.length,
    };
    return [...bestByEntity.values()]
      .map(({ nameId: _nameId, ...hit }): NameHit => hit)
      .sort((a, b) => b.score - a.score)
      .slice(0, options.limit ?? 20);
  }
}
