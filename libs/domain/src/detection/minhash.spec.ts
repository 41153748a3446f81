import { estimatedJaccard, lshBandKeys, minHashSignature, NEAR_DUPLICATE_BIO_JACCARD, wordShingles } from './minhash';

const TEMPLATE =
  'I am a senior full stack developer with over eight years of experience building scalable web applications using React, Node.js, TypeScript and AWS. I have delivered projects for startups and enterprises in fintech, e-commerce and healthcare, and I always communicate clearly and deliver on time.';
const PERSONA_B = TEMPLATE.replace('eight years', 'seven years').replace('healthcare', 'logistics').replace('AWS', 'Google Cloud');
const UNRELATED =
  'Illustrator and children’s book author based in Lyon. I paint with gouache and ink, design picture-book characters, and teach weekend workshops on visual storytelling for beginners and school groups.';

describe('MinHash bios', () => {
  it('estimates near-duplicate resume templates as similar and unrelated bios as different', () => {
    const [a, b, c] = [TEMPLATE, PERSONA_B, UNRELATED].map((bio) => minHashSignature(bio) as string);
    expect(estimatedJaccard(a, b)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_BIO_JACCARD);
    expect(estimatedJaccard(a, c)).toBeLessThan(0.1);
    expect(estimatedJaccard(a, a)).toBe(1);
  });

  it('puts near duplicates in a shared LSH bucket and unrelated bios in none', () => {
    const bands = (bio: string) => new Set(lshBandKeys(minHashSignature(bio) as string));
    const shared = (x: Set<string>, y: Set<string>) => [...x].filter((key) => y.has(key)).length;
    expect(shared(bands(TEMPLATE), bands(PERSONA_B))).toBeGreaterThan(0);
    expect(shared(bands(TEMPLATE), bands(UNRELATED))).toBe(0);
  });

  it('is deterministic and ignores case, punctuation and accents', () => {
    expect(minHashSignature(TEMPLATE)).toBe(minHashSignature(TEMPLATE.toUpperCase().replace(/,/g, ' ;')));
    expect(wordShingles('Crème brûlée, café!')).toEqual(['creme brulee cafe']);
  });

  it('refuses bios too short to tell anyone apart', () => {
    expect(minHashSignature('Full-stack developer, React and Node')).toBeNull();
  });
});
