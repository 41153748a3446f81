/**
 * The PostgreSQL array literal of `values` (`{"a","b"}`), for a `$n::text[]` (or any array type
 * read from text) parameter. pg builds the same literal from a JS array, but escapes every
 * element with two regular-expression passes; batch writes send thousands of ids and
 * pseudonyms that need no escaping, so this checks first and escapes only when it must.
 */
export function textArrayLiteral(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  for (const value of values) {
    if (value.includes('"') || value.includes('\\')) {
      return `{${values.map((element) => `"${element.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
    }
  }
  return `{"${values.join('","')}"}`;
}
