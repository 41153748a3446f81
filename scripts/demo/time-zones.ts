// Local wall-clock time in real IANA zones (with their DST rules, through Intl), so a person
// in Austin starts work at 09:00 Central both before and after the clocks change.

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes to add to UTC to get local time in `timeZone` at instant `ms`. */
export function utcOffsetMinutes(timeZone: string, ms: number): number {
  // Offsets change at most on the hour; caching per hour keeps the generator fast.
  const hourKey = `${timeZone}|${Math.floor(ms / 3_600_000)}`;
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    +parts.year,
    +parts.month - 1,
    +parts.day,
    +parts.hour,
    +parts.minute,
    +parts.second,
  );
  const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  offsetCache.set(hourKey, offset);
  return offset;
}

/** The UTC instant of local midnight starting the local calendar day that contains `ms`. */
export function localMidnight(timeZone: string, ms: number): number {
  const offset = utcOffsetMinutes(timeZone, ms) * 60_000;
  const localMs = ms + offset;
  const midnightLocal = localMs - (((localMs % 86_400_000) + 86_400_000) % 86_400_000);
  return midnightLocal - utcOffsetMinutes(timeZone, midnightLocal - offset) * 60_000;
}

/** UTC instant of a local wall-clock time `hours` after local midnight of `dayMidnightUtc`. */
export function atLocalHour(timeZone: string, dayMidnightUtc: number, hours: number): number {
  const guess = dayMidnightUtc + hours * 3_600_000;
  // Across a DST change the offset at the target differs from midnight's: correct once.
  const drift = utcOffsetMinutes(timeZone, dayMidnightUtc) - utcOffsetMinutes(timeZone, guess);
  return guess + drift * 60_000;
}

/** Local day of week (0 = Sunday) at instant `ms`. */
export function localWeekday(timeZone: string, ms: number): number {
  return new Date(ms + utcOffsetMinutes(timeZone, ms) * 60_000).getUTCDay();
}
