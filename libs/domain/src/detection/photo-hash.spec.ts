import { seededRandom } from './observation.fixtures';
import { hammingDistance64, isNearDuplicatePhoto, photoBandKeys } from './photo-hash';

function randomHash(random: () => number): string {
  return Array.from({ length: 16 }, () => Math.floor(random() * 16).toString(16)).join('');
}

function flipBits(hash: string, bits: number[]): string {
  const nibbles = hash.split('').map((nibble) => Number.parseInt(nibble, 16));
  for (const bit of bits) nibbles[Math.floor(bit / 4)] ^= 1 << (3 - (bit % 4));
  return nibbles.map((nibble) => nibble.toString(16)).join('');
}

describe('photo hashes', () => {
  it('measures Hamming distance', () => {
    expect(hammingDistance64('0123456789abcdef', '0123456789abcdef')).toBe(0);
    expect(hammingDistance64('0000000000000000', '000000000000000f')).toBe(4);
    expect(hammingDistance64('ffffffffffffffff', '0000000000000000')).toBe(64);
  });

  it('puts every pair within distance 3 in a common band (pigeonhole), for random hashes', () => {
    const random = seededRandom(42);
    for (let trial = 0; trial < 500; trial++) {
      const original = randomHash(random);
      const bits = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * 64)))];
      const edited = flipBits(original, bits);
      expect(hammingDistance64(original, edited)).toBe(bits.length);
      const common = photoBandKeys(original).filter((key) => photoBandKeys(edited).includes(key));
      if (!/^(.)\1{15}$/.test(original) && !/^(.)\1{15}$/.test(edited)) expect(common.length).toBeGreaterThan(0);
      expect(isNearDuplicatePhoto(original, edited)).toBe(true);
    }
  });

  it('does not call distant hashes near duplicates even when a band matches', () => {
    expect(isNearDuplicatePhoto('1234abcdabcdabcd', '12345432fedc0123')).toBe(false);
  });

  it('gives no keys for blank or default-avatar hashes', () => {
    expect(photoBandKeys('0000000000000000')).toEqual([]);
    expect(photoBandKeys('not-a-hash')).toEqual([]);
  });
});
