import { parseRfc3339 } from './rfc3339.parser';

describe('parseRfc3339', () => {
  it('reads the toISOString() shape exactly, across the calendar', () => {
    for (let ms = Date.UTC(1970, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 86_400_000 * 37 + 3_723_456) {
      const text = new Date(ms).toISOString();
      expect(parseRfc3339(text)).toBe(ms);
    }
    expect(parseRfc3339('2024-02-29T23:59:59.999Z')).toBe(Date.UTC(2024, 1, 29, 23, 59, 59, 999));
  });

  it('refuses impossible fields in that shape', () => {
    for (const text of [
      '2026-02-29T10:00:00.000Z',
      '2026-13-01T10:00:00.000Z',
      '2026-00-10T10:00:00.000Z',
      '2026-04-31T10:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
      '2026-01-01T10:60:00.000Z',
      '2026-01-01T10:00:61.000Z',
      '2026-01-0xT10:00:00.000Z',
      '2026-01-01T10:00:00.0a0Z',
      '2026-01-01 10:00:00.000Z',
      '2026-01-01T10:00:00.000+',
    ]) {
      expect(parseRfc3339(text)).toBeNull();
    }
  });

  it('keeps the special cases of that shape: a leap second, a year below 100', () => {
    expect(parseRfc3339('2016-12-31T23:59:60.000Z')).toBe(Date.UTC(2016, 11, 31, 23, 59, 59, 999));
    expect(parseRfc3339('0050-06-01T00:00:00.000Z')).toBe(new Date(Date.UTC(2000, 5, 1)).setUTCFullYear(50));
  });

  it('reads the other RFC 3339 forms: offsets, fractions of any length, lower-case separators', () => {
    expect(parseRfc3339('2026-11-20T13:45:00Z')).toBe(Date.UTC(2026, 10, 20, 13, 45));
    expect(parseRfc3339('2026-11-20t13:45:00.5z')).toBe(Date.UTC(2026, 10, 20, 13, 45, 0, 500));
    expect(parseRfc3339('2026-11-20T13:45:00.123456789+09:30')).toBe(Date.UTC(2026, 10, 20, 4, 15, 0, 123));
    expect(parseRfc3339('2026-11-20T13:45:00-05:00')).toBe(Date.UTC(2026, 10, 20, 18, 45));
  });

  it('refuses what is not RFC 3339', () => {
    for (const text of ['2026-11-20T13:45:00', '2026-11-20', '20 Nov 2026', '2026-11-20T13:45:00+2400', '']) {
      expect(parseRfc3339(text)).toBeNull();
    }
  });
});
