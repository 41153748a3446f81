/**
 * The PostgreSQL array literal of `values` (`{"a","b"}`), for a `$n::text[]` (or any array type
 * read from text) parameter: the signal store sends its times so (text arrays go in binary,
 * see binary-text-parameters.ts). pg builds the same literal from a JS array, but escapes every
 * element with two regular-expression passes; this checks first and escapes only when it must.
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
