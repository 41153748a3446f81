// Near-duplicate profile photos. Personas reuse (lightly edited) stock or AI-made photos; a
// 64-bit perceptual hash changes by a few bits under resizing and recompression.
// Pigeonhole: split the hash into 4 bands of 16 bits; two hashes within Hamming distance 3 differ
// in at most 3 bands, so they are equal in at least one band and meet in that band's bucket.

export const PHOTO_BANDS = 4;
export const NEAR_DUPLICATE_PHOTO_DISTANCE = 3;

export function isValidPhotoHash(hash: string): boolean {
  return /^[0-9a-f]{16}$/i.test(hash);
}

/** Flat images (blank, default avatar) hash to a repeated nibble: they say nothing about a person. */
export function isDegeneratePhotoHash(hash: string): boolean {
  return /^(.)\1{15}$/i.test(hash);
}

export function photoBandKeys(hash: string): string[] {
  if (!isValidPhotoHash(hash) || isDegeneratePhotoHash(hash)) return [];
  const lower = hash.toLowerCase();
  return Array.from({ length: PHOTO_BANDS }, (_, band) => `${band}:${lower.slice(band * 4, band * 4 + 4)}`);
}

export function hammingDistance64(hashA: string, hashB: string): number {
  if (!isValidPhotoHash(hashA) || !isValidPhotoHash(hashB)) return 64;
  let distance = 0;
  for (let band = 0; band < PHOTO_BANDS; band++) {
    let differing = Number.parseInt(hashA.slice(band * 4, band * 4 + 4), 16) ^ Number.parseInt(hashB.slice(band * 4, band * 4 + 4), 16);
    while (differing) {
      differing &= differing - 1;
      distance++;
    }
  }
  return distance;
}

export function isNearDuplicatePhoto(hashA: string, hashB: string): boolean {
  return (
    !isDegeneratePhotoHash(hashA) &&
    !isDegeneratePhotoHash(hashB) &&
    hammingDistance64(hashA, hashB) <= NEAR_DUPLICATE_PHOTO_DISTANCE
  );
}
