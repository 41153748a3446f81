// The one building block of AccountFeatures: a list bounded to `limit` entries, one per key,
// kept sorted by a total order, from which the lowest-ranked entries fall off.
//
// Why it makes features order-independent and idempotent: the final list is always
// "the `limit` best entries of all entries ever offered, one per key", whatever the order in
// which they were offered, and offering the same entry twice changes nothing. That holds when
// either
//   - `join` is absent: for one key the better-ranked entry wins outright (latest-wins lists), or
//   - the rank depends on the key alone (hash samples, hour slots): a key that fell off can never
//     come back, so `join` may combine entries freely as long as it is idempotent and commutative.

export interface BoundedListSpec<T> {
  keyOf(entry: T): string | number;
  /** Negative when `a` ranks before (is kept in preference to) `b`. Must be a total order. */
  order(a: T, b: T): number;
  limit: number;
  /** Combine two entries of the same key; only for lists whose rank is a function of the key. */
  join?(existing: T, offered: T): T;
}

export function offerToBoundedList<T>(list: readonly T[], offered: T, spec: BoundedListSpec<T>): T[] {
  const key = spec.keyOf(offered);
  const index = list.findIndex((entry) => spec.keyOf(entry) === key);
  let entry = offered;
  const rest = list.slice();
  if (index >= 0) {
    const existing = list[index];
    entry = spec.join ? spec.join(existing, offered) : spec.order(offered, existing) < 0 ? offered : existing;
    if (entry === existing) return rest;
    rest.splice(index, 1);
  }
  // `list` is kept sorted, so a binary search finds the place of the new entry.
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spec.order(rest[middle], entry) <= 0) low = middle + 1;
    else high = middle;
  }
  if (low >= spec.limit) return rest;
  rest.splice(low, 0, entry);
  return rest.length > spec.limit ? rest.slice(0, spec.limit) : rest;
}

export function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A latest-wins value: ties on time are broken by event id so that arrival order never decides. */
export interface Latest<T> {
  value: T;
  at: number;
  eventId: string;
}

export function latestOf<T>(current: Latest<T> | undefined, offered: Latest<T>): Latest<T> {
  if (!current) return offered;
  const byTime = compareNumbers(offered.at, current.at) || compareStrings(offered.eventId, current.eventId);
  return byTime > 0 ? offered : current;
}
