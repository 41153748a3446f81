// The shape of a BCP 47 (RFC 5646 §2.1) `langtag` or private-use tag, case-insensitively.
// Only the syntax is checked, not the subtag registry: browsers send tags the registry has not
// caught up with, and a syntactically valid tag is enough to compare languages between sessions.
// Irregular grandfathered tags (`i-klingon`) and `*` are refused: no browser sends them.

const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})';
const SCRIPT = '(?:-[a-z]{4})?';
const REGION = '(?:-(?:[a-z]{2}|\\d{3}))?';
const VARIANTS = '(?:-(?:[a-z\\d]{5,8}|\\d[a-z\\d]{3}))*';
const EXTENSIONS = '(?:-[a-wyz\\d](?:-[a-z\\d]{2,8})+)*';
const PRIVATE_USE = 'x(?:-[a-z\\d]{1,8})+';

const LANGUAGE_TAG = new RegExp(
  `^(?:${LANGUAGE}${SCRIPT}${REGION}${VARIANTS}${EXTENSIONS}(?:-${PRIVATE_USE})?|${PRIVATE_USE})$`,
  'i',
);

export function isLanguageTag(tag: string): boolean {
  return LANGUAGE_TAG.test(tag);
}
