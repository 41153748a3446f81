// A cheap pre-scan of JSON text for its nesting depth, run before JSON.parse. V8 parses
// `[[[[…` 100k deep without complaint, but everything after it that walks the value recursively
// (validation, JSON.stringify for storage, structured clone) would overflow the stack. The scan
// does not validate JSON: brackets inside strings are skipped, everything else is JSON.parse's job.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

export function exceedsNestingDepth(json: string, maxDepth: number): boolean {
  // Nesting deeper than maxDepth needs more than maxDepth opening brackets. Counting them with the
  // native indexOf is several times faster than the character loop, and settles typical lines.
  if (countUpTo(json, '{', maxDepth) + countUpTo(json, '[', maxDepth) <= maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_SQUARE || code === OPEN_CURLY) {
      if (++depth > maxDepth) return true;
    } else if (code === CLOSE_SQUARE || code === CLOSE_CURLY) {
      depth--;
    }
  }
  return false;
}

/** Occurrences of `char` in `text`, counting no further than `limit + 1`. */
function countUpTo(text: string, char: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1 && count <= limit; at = text.indexOf(char, at + 1)) count++;
  return count;
}
