// RFC 3339 `date-time` (§5.6): a full date, `T`, a time with optional fraction, and a
// mandatory offset (`Z` or ±hh:mm). A timestamp without offset is ambiguous, so it is refused.
// `Date.parse` is not used: it accepts many non-RFC forms and silently rolls invalid dates over.

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch (UTC), or null when `text` is not a valid RFC 3339 date-time. */
export function parseRfc3339(text: string): number | null {
  return text.length === 24 ? (parseToIsoStringShape(text) ?? parseGeneral(text)) : parseGeneral(text);
}

/**
 * `YYYY-MM-DDTHH:MM:SS.sssZ`, the shape `toISOString()` writes and most senders use, read digit
 * by digit (no match groups to allocate: this runs for every signal). Null when the text is not
 * exactly that shape with valid fields; the general parser then decides.
 */
function parseToIsoStringShape(text: string): number | null {
  if (
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    text.charCodeAt(10) !== UPPER_T ||
    text.charCodeAt(13) !== COLON ||
    text.charCodeAt(16) !== COLON ||
    text.charCodeAt(19) !== DOT ||
    text.charCodeAt(23) !== UPPER_Z
  ) {
    return null;
  }
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const millis = digits(text, 20, 3);
  // A leap second (60) or a year below 100 takes the general path's special cases.
  if (millis < 0 || second < 0 || second > 59 || year < 100) return null;
  if (!isCalendarDay(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis);
}

const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const UPPER_T = 0x54;
const UPPER_Z = 0x5a;
const DIGIT_0 = 0x30;

/** The decimal number of `length` ASCII digits from `start`, or -1 if one is not a digit. */
function digits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function parseGeneral(text: string): number | null {
  const m = RFC3339.exec(text);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  // 60 is a leap second; it is counted as the last millisecond of :59 so the minute does not change.
  const second = Number(m[6]);
  if (!isCalendarDay(year, month, day) || hour > 23 || minute > 59 || second > 60) return null;
  const millis = second === 60 ? 999 : m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return null;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  let utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millis);
  // Date.UTC reads years 0–99 as 1900–1999.
  if (year < 100) utc = new Date(utc).setUTCFullYear(year);
  return utc - offsetMinutes * 60_000;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for `YYYY-MM-DD` naming a day that exists in the proleptic Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const m = CALENDAR_DATE.exec(text);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
