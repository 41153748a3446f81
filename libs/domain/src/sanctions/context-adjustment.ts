// Date of birth, nationality and gender move a name score only when both sides state them.
import type { Gender } from './sanctioned-entity';

export interface PartyAttributes {
  /** YYYY, YYYY-MM, YYYY-MM-DD, or a year range "YYYY/YYYY" */
  datesOfBirth?: string[];
  /** ISO 3166 alpha-2 */
  nationalities?: string[];
  gender?: Gender;
}

export interface MatchContext {
  query?: PartyAttributes;
  candidate?: PartyAttributes;
}

/**
 * Nationalities a listed person is known to claim: DPRK workers abroad routinely present as
 * Chinese, Russian or another neighbour's national, so that claim is no evidence of a
 * different person.
 */
export const PLAUSIBLE_CLAIMED_NATIONALITIES: Record<string, string[]> = {
  KP: ['CN', 'RU', 'KR', 'JP', 'MN', 'LA', 'VN', 'KH', 'TH'],
};

interface DateRange {
  from: number;
  to: number;
  precision: 'day' | 'month' | 'year';
  text: string;
}

function parseDate(text: string): DateRange | undefined {
  const range = /^(\d{4})\s*\/\s*(\d{4})$/.exec(text);
  if (range) return { from: Number(range[1]), to: Number(range[2]), precision: 'year', text };
  const match = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  return {
    from: year,
    to: year,
    precision: match[3] ? 'day' : match[2] ? 'month' : 'year',
    text: text.trim(),
  };
}

function yearGap(a: DateRange, b: DateRange): number {
  if (a.to < b.from) return b.from - a.to;
  if (b.to < a.from) return a.from - b.to;
  return 0;
}

function dateOfBirthAdjustment(
  query: string[],
  candidate: string[],
): { delta: number; reason: string } | undefined {
  const queryDates = query.map(parseDate).filter((date): date is DateRange => !!date);
  const candidateDates = candidate.map(parseDate).filter((date): date is DateRange => !!date);
  if (queryDates.length === 0 || candidateDates.length === 0) return undefined;
  let smallestGap = Infinity;
  let exactDay = false;
  for (const a of queryDates) {
    for (const b of candidateDates) {
      smallestGap = Math.min(smallestGap, yearGap(a, b));
      if (a.precision === 'day' && b.precision === 'day' && a.text === b.text) exactDay = true;
    }
  }
  if (exactDay) return { delta: 0.05, reason: 'date of birth identical' };
  if (smallestGap === 0) return { delta: 0.02, reason: 'year of birth consistent' };
  // Listed dates are often approximate: one year apart is no evidence either way.
  if (smallestGap <= 1) return { delta: 0, reason: 'year of birth one year apart' };
  if (smallestGap <= 5) return { delta: -0.1, reason: `year of birth ${smallestGap} years apart` };
  return { delta: -0.2, reason: `year of birth ${smallestGap} years apart` };
}

function nationalityAdjustment(
  query: string[],
  candidate: string[],
): { delta: number; reason: string } | undefined {
  const queryCodes = query.map((code) => code.toUpperCase());
  const candidateCodes = candidate.map((code) => code.toUpperCase());
  if (queryCodes.length === 0 || candidateCodes.length === 0) return undefined;
  if (queryCodes.some((code) => candidateCodes.includes(code)))
    return { delta: 0.03, reason: 'nationality shared' };
  const plausible = candidateCodes.some((listed) =>
    queryCodes.some((claimed) => PLAUSIBLE_CLAIMED_NATIONALITIES[listed]?.includes(claimed)),
  );
  if (plausible)
    return { delta: 0, reason: 'claimed nationality is one a listed DPRK national is known to use' };
  return { delta: -0.08, reason: 'nationalities differ' };
}

/** The most context can add to a name score: an identical date of birth and a shared nationality. */
export const MAX_CONTEXT_GAIN = 0.05 + 0.03;

export function adjustForContext(
  nameScore: number,
  context: MatchContext,
): { score: number; reasons: string[] } {
  const query = context.query ?? {};
  const candidate = context.candidate ?? {};
  const adjustments = [
    dateOfBirthAdjustment(query.datesOfBirth ?? [], candidate.datesOfBirth ?? []),
    nationalityAdjustment(query.nationalities ?? [], candidate.nationalities ?? []),
    query.gender && candidate.gender
      ? query.gender === candidate.gender
        ? { delta: 0, reason: 'gender consistent' }
        : { delta: -0.15, reason: 'gender differs' }
      : undefined,
  ].filter((adjustment): adjustment is { delta: number; reason: string } => !!adjustment);
  // Context can confirm a name match but never creates one out of a weak name score.
  const total = adjustments.reduce((sum, adjustment) => sum + adjustment.delta, 0);
  const score = Math.max(0, Math.min(1, nameScore + (nameScore >= 0.5 ? total : Math.min(0, total))));
  return {
    score,
    reasons: adjustments.map(
      (adjustment) => `${adjustment.reason} (${adjustment.delta >= 0 ? '+' : ''}${adjustment.delta})`,
    ),
  };
}
