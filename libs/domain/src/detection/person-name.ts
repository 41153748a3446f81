// Comparing people's names as written by different systems: a verification provider's
// "SMITH, John Robert" and a bank's "John R Smith" are the same person.

import { normaliseText } from './minhash';

export function nameTokens(name: string): string[] {
  return [...new Set(normaliseText(name).split(' ').filter((token) => token.length >= 2))];
}

/** Two names plausibly belong to one person: they share two tokens, or every token of the shorter one. */
export function namesPlausiblyMatch(nameA: string, nameB: string): boolean {
  const a = nameTokens(nameA);
  const b = new Set(nameTokens(nameB));
  if (a.length === 0 || b.size === 0) return true; // nothing to compare is not a mismatch
  const shared = a.filter((token) => b.has(token)).length;
  return shared >= Math.min(2, a.length, b.size);
}
