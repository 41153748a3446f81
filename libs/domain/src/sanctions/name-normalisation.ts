// Raw name → prepared tokens (one or more readings), ready for comparison and indexing.
// Everything here is computed once per name so that scoring a candidate is cheap.
import { foldToAscii, spellingKey } from './latin-folding';
import { koreanKey, type KoreanKey } from './korean-romanisation';
import { looksDistinctlyMandarin, mandarinKey, type MandarinKey } from './chinese-romanisation';
import { containsHan, koreanReadingsOfPinyin, readHanName } from './han-readings';
import { romaniseHangulWord } from './hangul-romanisation';
import {
  detectScript,
  greekNameStem,
  transliterateArabic,
  transliterateCyrillic,
  transliterateGreek,
} from './script-transliteration';
import { isKnownEastAsianSurname } from './surname-equivalence';
import {
  GENERIC_ORGANISATION_WORDS,
  HONORIFICS,
  LEGAL_FORM_PHRASES,
  LEGAL_FORMS,
  looksLikePatronymic,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  ROMAN_NUMERALS,
  STOPWORDS,
} from './name-vocabulary';

export type TokenRole = 'name' | 'generic' | 'particle' | 'stopword' | 'initial' | 'number';

/** One spelling of a token with every key the comparison needs, computed once. */
export interface TokenForm {
  /** stable small integer per distinct text, so comparisons can be memoised by number */
  id: number;
  text: string;
  /** the text with doubled letters collapsed: typed duplicates are the commonest slip */
  collapsed: string;
  spelling: string;
  korean?: KoreanKey;
  mandarin?: MandarinKey;
}

export interface PreparedToken {
  /** alternative spellings: more than one only for readings of Han characters */
  forms: TokenForm[];
  role: TokenRole;
  weight: number;
  /** written without vowels (Arabic script): compare consonants only */
  consonantal: boolean;
  /** in a position where a surname is written (first, before a comma, or last in Western order) */
  surnamePosition: boolean;
  patronymic: boolean;
}

export interface PreparedName {
  original: string;
  tokens: PreparedToken[];
  /** token orders the writer may have meant (as written, rotated at a comma, surname moved) */
  orderings: number[][];
  /** how this reading was obtained, e.g. 'as written', 'hangul', 'han:korean' */
  reading: string;
  /** score multiplier for indirect readings (a reading table is less certain than the text) */
  confidence: number;
  legalForms: string[];
}

const ROLE_WEIGHT: Record<TokenRole, number> = {
  name: 1,
  number: 1,
  generic: 0.6,
  particle: 0.3,
  initial: 0.45,
  stopword: 0.1,
};

// Forms are pure functions of their text; screening sees the same syllables over and over.
const FORM_CACHE_LIMIT = 100_000;
const formCache = new Map<string, TokenForm>();

export function makeTokenForm(text: string): TokenForm {
  let form = formCache.get(text);
  if (!form) {
    if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
    form = computeTokenForm(text);
    formCache.set(text, form);
  }
  return form;
}

let nextFormId = 1;

function computeTokenForm(text: string): TokenForm {
  return {
    id: nextFormId++,
    text,
    collapsed: text.replace(/(.)\1+/g, '$1'),
    spelling: spellingKey(text),
    korean: koreanKey(text),
    mandarin: mandarinKey(text),
  };
}

function tokenWeight(role: TokenRole, forms: TokenForm[]): number {
  const length = Math.min(10, Math.max(...forms.map((form) => form.spelling.length)));
  const base = role === 'name' || role === 'number' || role === 'generic' ? 1 + length / 5 : 1;
  return base * ROLE_WEIGHT[role];
}

interface RawWord {
  text: string;
  consonantal: boolean;
  afterComma: boolean;
  /** a Hangul syllable: even a one-letter reading (이 → i) is a name, not an initial */
  syllabic?: boolean;
}

/** Splits a name into Latin words, transliterating other scripts; records where the comma was. */
function toLatinWords(raw: string): { words: RawWord[]; legalForms: string[] } {
  const words: RawWord[] = [];
  let afterComma = false;
  for (const chunk of raw.normalize('NFKC').split(/(,)|\s+/)) {
    if (chunk === undefined || chunk === '') continue;
    if (chunk === ',') {
      afterComma = true;
      continue;
    }
    const script = detectScript(chunk);
    if (script === 'hangul') {
      for (const syllable of romaniseHangulWord(chunk))
        words.push({ text: syllable, consonantal: false, afterComma, syllabic: true });
      continue;
    }
    let latin: string;
    if (script === 'cyrillic') latin = transliterateCyrillic(chunk);
    else if (script === 'greek') latin = transliterateGreek(chunk);
    else if (script === 'arabic') latin = transliterateArabic(chunk);
    else latin = foldToAscii(chunk);
    words.push({ text: latin, consonantal: script === 'arabic', afterComma });
  }
  return { words, legalForms: [] };
}

function classify(token: string, organisationLike: boolean, syllabic: boolean): TokenRole {
  if (/^\d+$/.test(token)) return 'number';
  if (organisationLike && ROMAN_NUMERALS.has(token)) return 'number';
  if (STOPWORDS.has(token)) return 'stopword';
  if (token.length === 1 && !syllabic) return 'initial';
  if (NAME_PARTICLES.has(token)) return 'particle';
  if (GENERIC_ORGANISATION_WORDS.has(token)) return 'generic';
  return 'name';
}

interface DraftToken {
  text: string;
  consonantal: boolean;
  afterComma: boolean;
  syllabic?: boolean;
}

function splitWords(words: RawWord[]): { tokens: DraftToken[]; legalForms: string[] } {
  // Work on one lower-case string per comma side so multi-word legal forms can be found.
  const legalForms: string[] = [];
  const tokens: DraftToken[] = [];
  for (const word of words) {
    // Apostrophes are MR breve/aspiration marks or Arabic ayn: drop them without splitting.
    const cleaned = word.text.replace(/['’‘`ʼʻ´"“”]/g, '');
    // Initialisms: "J.P." and "L.X.C" become one token before punctuation splits them.
    const initialism = /^([a-z0-9]\.){2,}[a-z0-9]?\.?$/.test(cleaned) ? cleaned.replace(/\./g, '') : cleaned;
    for (const part of initialism.split(/[^\p{L}\p{N}]+/u)) {
      if (part)
        tokens.push({
          text: part,
          consonantal: word.consonantal,
          afterComma: word.afterComma,
          syllabic: word.syllabic,
        });
    }
  }
  // Multi-word legal forms, matched on the joined text.
  let joined = ` ${tokens.map((token) => token.text).join(' ')} `;
  for (const [pattern, replacement] of LEGAL_FORM_PHRASES) {
    joined = joined.replace(pattern, (match) => {
      legalForms.push(match.trim());
      return replacement ? ` ${replacement} ` : ' ';
    });
  }
  const rebuilt = joined.trim().split(/\s+/).filter(Boolean);
  if (rebuilt.length !== tokens.length) {
    // Phrase replacement changed token count: recover comma/script flags positionally where possible.
    const commaAt = tokens.findIndex((token) => token.afterComma);
    const consonantal = tokens.some((token) => token.consonantal);
    return {
      tokens: rebuilt.map((text, index) => ({
        text,
        consonantal,
        afterComma: commaAt >= 0 && index >= Math.min(commaAt, rebuilt.length - 1),
      })),
      legalForms,
    };
  }
  return { tokens, legalForms };
}

/** Runs of single letters ("n n", "a b c") are an initialism written with spaces or dots. */
function joinSingleLetterRuns(tokens: DraftToken[]): DraftToken[] {
  const out: DraftToken[] = [];
  let previousWasLetterRun = false;
  for (const token of tokens) {
    const isLetter = token.text.length === 1 && /[a-z]/.test(token.text) && !token.syllabic;
    if (isLetter && previousWasLetterRun) {
      out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text + token.text };
      continue;
    }
    out.push({ ...token });
    previousWasLetterRun = isLetter;
  }
  return out;
}

function orderingsFor(tokens: PreparedToken[], commaAt: number): number[][] {
  const identity = tokens.map((_, index) => index);
  const orderings = [identity];
  if (commaAt > 0 && commaAt < tokens.length) {
    orderings.push([...identity.slice(commaAt), ...identity.slice(0, commaAt)]);
  }
  // East Asian names move the surname between first and last place.
  if (commaAt < 0 && tokens.length >= 2) {
    const lastIndex = tokens.length - 1;
    if (tokens[lastIndex].forms.some((form) => isKnownEastAsianSurname(form.text))) {
      orderings.push([lastIndex, ...identity.slice(0, lastIndex)]);
    }
    if (tokens[0].forms.some((form) => isKnownEastAsianSurname(form.text)))
      orderings.push([...identity.slice(1), 0]);
  }
  return orderings;
}

function buildPreparedName(
  original: string,
  drafts: Array<DraftToken & { forms?: string[] }>,
  reading: string,
  confidence: number,
  legalForms: string[],
): PreparedName {
  const organisationLike =
    legalForms.length > 0 ||
    drafts.some((draft) => GENERIC_ORGANISATION_WORDS.has(draft.text) || LEGAL_FORMS.has(draft.text));
  const kept = drafts.filter((draft, index) => {
    if (LEGAL_FORMS.has(draft.text) && drafts.length > 1) {
      legalForms.push(draft.text);
      return false;
    }
    if (!organisationLike && index === 0 && HONORIFICS.has(draft.text) && drafts.length > 2) return false;
    if (!organisationLike && index > 0 && NAME_SUFFIXES.has(draft.text)) return false;
    return true;
  });
  const commaAt = kept.findIndex((draft) => draft.afterComma);
  const firstIsSurname = kept.length > 0 && isKnownEastAsianSurname(kept[0].text);
  const tokens: PreparedToken[] = kept.map((draft, index) => {
    const forms = (draft.forms ?? [draft.text]).map(makeTokenForm);
    const role = classify(draft.text, organisationLike, draft.syllabic === true || !!draft.forms);
    const surnamePosition =
      index === 0 ||
      (commaAt > 0 && index === commaAt - 1) ||
      (commaAt < 0 && index === kept.length - 1 && !firstIsSurname);
    return {
      forms,
      role,
      weight: tokenWeight(role, forms),
      consonantal: draft.consonantal,
      surnamePosition,
      patronymic: looksLikePatronymic(draft.text),
    };
  });
  return { original, tokens, orderings: orderingsFor(tokens, commaAt), reading, confidence, legalForms };
}

/** A Latin name that reads as Mandarin pinyin also gets the Korean readings of the same characters. */
function mandarinToKoreanReading(
  original: string,
  drafts: DraftToken[],
  legalForms: string[],
): PreparedName | undefined {
  if (drafts.length < 2 || drafts.length > 4) return undefined;
  const parsed = drafts.map((draft) => mandarinKey(draft.text));
  if (parsed.some((key) => !key)) return undefined;
  if (!drafts.some((draft) => looksDistinctlyMandarin(draft.text))) return undefined;
  const syllableDrafts: Array<DraftToken & { forms: string[] }> = [];
  for (const [index, draft] of drafts.entries()) {
    for (const syllable of splitPinyin(draft.text)) {
      const readings = koreanReadingsOfPinyin(syllable);
      if (readings.length === 0) return undefined;
      syllableDrafts.push({
        ...draft,
        text: readings[0],
        forms: readings,
        afterComma: drafts[index].afterComma,
      });
    }
  }
  return buildPreparedName(original, syllableDrafts, 'pinyin:korean', 0.92, [...legalForms]);
}

const PINYIN_SYLLABLE =
  /(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(iang|iong|uang|ian|iao|ing|uai|uan|ang|eng|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|v)(?![aeiouv])/g;

function splitPinyin(token: string): string[] {
  const syllables = token.match(PINYIN_SYLLABLE) ?? [];
  return syllables.join('') === token ? syllables : [token];
}

/** Every reading of a raw name that the comparison should try; the first is the name as written. */
export function prepareName(raw: string): PreparedName[] {
  const { words } = toLatinWords(raw);
  const { tokens: splitTokens, legalForms } = splitWords(words.filter((word) => !containsHan(word.text)));
  const drafts = joinSingleLetterRuns(splitTokens);
  const readings: PreparedName[] = [];
  const hasHangul = /[\uac00-\ud7a3]/.test(raw);
  if (drafts.length > 0)
    readings.push(buildPreparedName(raw, drafts, hasHangul ? 'hangul' : 'as written', 1, [...legalForms]));

  if (containsHan(raw)) {
    for (const reading of readHanName(raw.split(/\s+/))) {
      const hanDrafts = reading.tokens.map((forms) => ({
        text: forms[0],
        forms,
        consonantal: false,
        afterComma: false,
      }));
      readings.push(buildPreparedName(raw, hanDrafts, `han:${reading.system}`, 0.97, []));
    }
  }
  const greekStems = words.some((word) => detectScript(raw) === 'greek' && greekNameStem(word.text));
  if (greekStems) {
    const stemmed = drafts.map((draft) => ({ ...draft, text: greekNameStem(draft.text) ?? draft.text }));
    readings.push(buildPreparedName(raw, stemmed, 'greek-stem', 0.97, [...legalForms]));
  }
  const bridged = mandarinToKoreanReading(raw, drafts, legalForms);
  if (bridged) readings.push(bridged);
  return readings;
}

