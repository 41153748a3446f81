// IANA time zone names, as Node's ICU knows them.
// `Intl.supportedValuesOf('timeZone')` on Node 20 lists only ICU's canonical ids (418 of them): it
// leaves out `UTC`, `Etc/*` and links such as `Europe/Kyiv` or `US/Eastern` that browsers report.
// So a name outside that list is tried on `Intl.DateTimeFormat`, which accepts every IANA link.
// The shape check comes first because newer V8 versions also accept offsets like `+05:00`,
// which are not IANA names.

const TIME_ZONE_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;
const MAX_TIME_ZONE_LENGTH = 64;
// Positive answers only are cached: the set of real names is finite, junk is not.
const MAX_CACHED_LINKS = 2048;

const canonicalNames: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));
const acceptedLinks = new Set<string>();

export function isIanaTimeZone(name: string): boolean {
  if (canonicalNames.has(name) || acceptedLinks.has(name)) return true;
  if (name.length > MAX_TIME_ZONE_LENGTH || !TIME_ZONE_SHAPE.test(name)) return false;
  if (!isKnownToIntl(name)) return false;
  if (acceptedLinks.size < MAX_CACHED_LINKS) acceptedLinks.add(name);
  return true;
}

function isKnownToIntl(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
