// Small composable checks for one JSON value each. A check returns the (possibly normalised)
// value or an `Invalid` describing why not. Hand-written rather than a schema library because
// validation sits on the ingest hot path (≥ 50k signals/s on one core) and the messages are part
// of the public contract.

import { isCountryCode } from './country-codes.constants';
import { parseIpAddress } from './ip-address.parser';
import { isLanguageTag } from './language-tag.validator';
import { isCalendarDate } from './rfc3339.parser';
import { isIanaTimeZone } from './time-zone.validator';

export class Invalid {
  /** @param subPath appended to the field's path, e.g. `[3]` for an array element. */
  constructor(
    readonly detail: string,
    readonly subPath = '',
  ) {}
}

export type Check<T> = (value: unknown) => T | Invalid;

// PostgreSQL text and jsonb refuse NUL and unpaired surrogates: one such string would fail the
// whole batch insert, so it is refused here for the one signal that carries it.
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Single-line fields (ids, names, e-mails) have no business carrying C0/C1 control characters;
// free text keeps tab, line feed and carriage return. Both sets include NUL.
/* eslint-disable no-control-regex -- matching control characters is the point of these two */
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/* eslint-enable no-control-regex */
// Ids must also be free of invisible format characters (zero-width, bidi overrides) and line
// separators: two ids an operator cannot tell apart on screen must not be two different ids.
const ID_FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

interface TextOptions {
  /** Minimum length; 1 (non-empty) unless stated. Free text such as a bio may be cleared with `''`. */
  min?: number;
  multiline?: boolean;
  /** Printable characters only: no control, format or line-separator characters (for ids). */
  printable?: boolean;
}

export function text(max: number, options: TextOptions = {}): Check<string> {
  const min = options.min ?? 1;
  const forbidden = options.printable
    ? ID_FORBIDDEN
    : options.multiline
      ? MULTI_LINE_FORBIDDEN
      : SINGLE_LINE_FORBIDDEN;
  const expected = new Invalid(
    min > 0
      ? `expected a non-empty string of at most ${max} characters`
      : `expected a string of at most ${max} characters`,
  );
  const hasControl = new Invalid(
    options.printable
      ? 'must contain printable characters only'
      : options.multiline
        ? 'must not contain control characters other than tab and line breaks'
        : 'must not contain control characters',
  );
  const unpaired = new Invalid('must be valid Unicode (unpaired surrogate)');
  return (value) => {
    if (typeof value !== 'string' || value.length < min || value.length > max) return expected;
    if (forbidden.test(value)) return hasControl;
    if (ANY_SURROGATE.test(value) && UNPAIRED_SURROGATE.test(value)) return unpaired;
    return value;
  };
}

/** A string check followed by a shape test on the accepted string. */
export function shapedText(
  base: Check<string>,
  isValid: (value: string) => boolean,
  detail: string,
): Check<string> {
  const invalid = new Invalid(detail);
  return (value) => {
    const result = base(value);
    if (result instanceof Invalid) return result;
    return isValid(result) ? result : invalid;
  };
}

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  const allowed: ReadonlySet<string> = new Set(values);
  const invalid = new Invalid(`expected one of ${values.map((v) => `"${v}"`).join(', ')}`);
  return (value) => (typeof value === 'string' && allowed.has(value) ? (value as T) : invalid);
}

export const countryCode: Check<string> = (() => {
  const invalid = new Invalid(
    'expected an assigned ISO 3166-1 alpha-2 country code in upper case, e.g. "DE"',
  );
  return (value: unknown) => (typeof value === 'string' && isCountryCode(value) ? value : invalid);
})();

export const timeZone: Check<string> = (() => {
  const invalid = new Invalid('expected an IANA time zone name, e.g. "Europe/Berlin"');
  return (value: unknown) => (typeof value === 'string' && isIanaTimeZone(value) ? value : invalid);
})();

export const languageTag: Check<string> = (() => {
  const invalid = new Invalid('expected a BCP 47 language tag of at most 35 characters, e.g. "en-US"');
  return (value: unknown) =>
    typeof value === 'string' && value.length <= 35 && isLanguageTag(value) ? value : invalid;
})();

/** Returns the canonical text of the address (see ip-address.parser.ts). */
export const ipAddress: Check<string> = (() => {
  const invalid = new Invalid('expected an IPv4 or IPv6 address');
  return (value: unknown) => {
    const canonical = typeof value === 'string' ? parseIpAddress(value) : null;
    return canonical ?? invalid;
  };
})();

export const calendarDate: Check<string> = (() => {
  const invalid = new Invalid('expected a calendar date as YYYY-MM-DD');
  return (value: unknown) => (typeof value === 'string' && isCalendarDate(value) ? value : invalid);
})();

const HEX_64_BIT = /^[0-9a-fA-F]{16}$/;
/** Lower-cased so that equal hashes compare equal as text. */
export const perceptualHash: Check<string> = (() => {
  const invalid = new Invalid('expected 16 hexadecimal characters (a 64-bit perceptual hash)');
  return (value: unknown) =>
    typeof value === 'string' && HEX_64_BIT.test(value) ? value.toLowerCase() : invalid;
})();

/** ISO 4217 or a crypto ticker; upper-cased so `usdt` and `USDT` are one currency. */
export function currencyCode(maxLength: number): Check<string> {
  const shape = new RegExp(`^[A-Za-z0-9]{2,${maxLength}}$`);
  const invalid = new Invalid(
    `expected a currency code of 2–${maxLength} letters or digits, e.g. "USD" or "USDT"`,
  );
  return (value) => (typeof value === 'string' && shape.test(value) ? value.toUpperCase() : invalid);
}

export const boolean: Check<boolean> = (() => {
  const invalid = new Invalid('expected true or false');
  return (value: unknown) => (typeof value === 'boolean' ? value : invalid);
})();

interface NumberOptions {
  min: number;
  max: number;
  integer?: boolean;
  /** The minimum itself is not allowed (amounts must be positive). */
  exclusiveMin?: boolean;
}

export function numberIn(options: NumberOptions): Check<number> {
  const { min, max, integer = false, exclusiveMin = false } = options;
  const kind = integer ? 'an integer' : 'a number';
  const lower = exclusiveMin ? `greater than ${min}` : `from ${min}`;
  const invalid = new Invalid(`expected ${kind} ${lower} ${exclusiveMin ? 'and at most' : 'to'} ${max}`);
  return (value) => {
    // typeof excludes numeric strings; the range test also excludes NaN and ±Infinity.
    if (typeof value !== 'number' || !(value <= max) || !(exclusiveMin ? value > min : value >= min))
      return invalid;
    if (integer && !Number.isInteger(value)) return invalid;
    return value;
  };
}

export function arrayOf<T>(element: Check<T>, maxItems: number): Check<T[]> {
  const invalid = new Invalid(`expected an array of at most ${maxItems} items`);
  return (value) => {
    if (!Array.isArray(value) || value.length > maxItems) return invalid;
    const items: T[] = new Array<T>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = element(value[i]);
      if (item instanceof Invalid) return new Invalid(item.detail, `[${i}]${item.subPath}`);
      items[i] = item;
    }
    return items;
  };
}
