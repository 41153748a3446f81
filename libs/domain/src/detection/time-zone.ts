// UTC offsets of IANA zones from the runtime's time-zone database (Intl): no I/O, and the
// instant is always an argument so that daylight-saving rules are applied deterministically.

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      formatter = null; // unknown zone name: treated as "no claim" rather than an error
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Offsets by zone and quarter-hour: every offset in use, and so every transition instant, is a
 * whole number of quarter-hours, so an offset holds for its whole quarter-hour. Formatting is
 * slow and detection asks for the same few zones and hours again and again.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const offsetCache = new Map<string, number | undefined>();
const OFFSET_CACHE_LIMIT = 100_000;

/** Minutes east of UTC for `timeZone` at `atMs`, or undefined for an unknown zone. */
export function utcOffsetMinutes(timeZone: string, atMs: number): number | undefined {
  const key = `${timeZone}|${Math.floor(atMs / QUARTER_HOUR_MS)}`;
  if (offsetCache.has(key)) return offsetCache.get(key);
  const offset = formattedOffsetMinutes(timeZone, atMs);
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function formattedOffsetMinutes(timeZone: string, atMs: number): number | undefined {
  const formatter = formatterFor(timeZone);
  if (!formatter) return undefined;
  const label = formatter.formatToParts(atMs).find((part) => part.type === 'timeZoneName')?.value ?? '';
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(label);
  if (!match) return undefined;
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** UTC+8 (PRC, where most DPRK IT workers are based) and UTC+9 (Pyongyang). */
export const DPRK_WORKDAY_OFFSETS_MINUTES: readonly number[] = [8 * 60, 9 * 60];

export function isDprkAlignedOffset(offsetMinutes: number): boolean {
  return DPRK_WORKDAY_OFFSETS_MINUTES.includes(offsetMinutes);
}
