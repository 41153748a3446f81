// Near-duplicate bios. DPRK IT worker personas reuse resume templates with the name and a few
// skills swapped (Mandiant, Okta reports); MinHash estimates the Jaccard similarity of two bios'
// word shingles from short signatures, and LSH bands turn "similar" into "share a bucket key".

import { avalanche32, hash32, toHex32 } from './stable-hash';

export const MINHASH_SIZE = 64;
/** 16 bands of 4 rows: pairs at Jaccard 0.5 share a band ~64 % of the time, at 0.8 ~100 %, at 0.2 ~3 %. */
export const LSH_BANDS = 16;
export const LSH_ROWS = MINHASH_SIZE / LSH_BANDS;
const SHINGLE_WORDS = 3;
/** Fewer shingles than this and a bio is too generic ("Full-stack developer") to link anyone. */
export const MIN_SHINGLES = 8;

// Fixed seeds: signatures must be comparable across processes and years.
const SEEDS: readonly number[] = Array.from({ length: MINHASH_SIZE }, (_, index) =>
  avalanche32(Math.imul(index + 1, 0x9e3779b9)),
);

export function normaliseText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function wordShingles(text: string, size = SHINGLE_WORDS): string[] {
  const words = normaliseText(text).split(' ').filter(Boolean);
  const shingles = new Set<string>();
  for (let start = 0; start + size <= words.length; start++) {
    shingles.add(words.slice(start, start + size).join(' '));
  }
  return [...shingles];
}

/** The MinHash signature as 64 × 8 hex chars, or null when the text is too short to compare. */
export function minHashSignature(text: string): string | null {
  const shingles = wordShingles(text);
  if (shingles.length < MIN_SHINGLES) return null;
  const minima = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    const base = hash32(shingle);
    for (let slot = 0; slot < MINHASH_SIZE; slot++) {
      const value = avalanche32(base ^ SEEDS[slot]);
      if (value < minima[slot]) minima[slot] = value;
    }
  }
  return minima.map(toHex32).join('');
}

function slotsOf(signature: string): string[] {
  return signature.match(/.{8}/g) ?? [];
}

const SLOT_CHARS = 8;

/**
 * Share of equal slots: an unbiased estimate of the Jaccard similarity of the shingle sets.
 * Compared in place (no slot strings): the graph compares every candidate pair on every pass.
 */
export function estimatedJaccard(signatureA: string, signatureB: string): number {
  if (Math.floor(signatureA.length / SLOT_CHARS) !== MINHASH_SIZE || Math.floor(signatureB.length / SLOT_CHARS) !== MINHASH_SIZE) return 0;
  let equal = 0;
  for (let start = 0; start < MINHASH_SIZE * SLOT_CHARS; start += SLOT_CHARS) {
    let same = true;
    for (let at = start; at < start + SLOT_CHARS && same; at++) same = signatureA.charCodeAt(at) === signatureB.charCodeAt(at);
    if (same) equal++;
  }
  return equal / MINHASH_SIZE;
}

/** One key per band; two bios sharing any key are candidates, confirmed with estimatedJaccard. */
export function lshBandKeys(signature: string): string[] {
  const slots = slotsOf(signature);
  if (slots.length !== MINHASH_SIZE) return [];
  const keys: string[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    const rows = slots.slice(band * LSH_ROWS, (band + 1) * LSH_ROWS).join('');
    keys.push(`${band}:${toHex32(hash32(rows))}`);
  }
  return keys;
}

/** Similarity above which two bios count as one template. */
export const NEAR_DUPLICATE_BIO_JACCARD = 0.5;
