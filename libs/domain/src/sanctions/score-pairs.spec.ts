import { compareNames } from './name-matcher';
import { resolveReviewThreshold, REVIEW_THRESHOLD } from './review-threshold';
import { scorePairs } from './score-pairs';

describe('scorePairs (contract §6)', () => {
  const rows = [
    { id: '1', query: 'Gim Jeong-eun', candidate: 'KIM, Jong Un' },
    { id: '2', query: 'Kim Yo Jong', candidate: 'KIM, Jong Un' },
  ];

  it('repeats every row and adds score and match at the review threshold', () => {
    const scored = scorePairs(rows);
    expect(scored).toHaveLength(2);
    expect(scored[0]).toMatchObject({ id: '1', query: 'Gim Jeong-eun', match: 'true' });
    expect(scored[1]).toMatchObject({ id: '2', match: 'false' });
  });

  it('uses exactly the screening comparison', () => {
    const [first] = scorePairs(rows);
    expect(Number(first.score)).toBeCloseTo(compareNames(rows[0].query, rows[0].candidate).score, 4);
  });

  it('honours a configured threshold', () => {
    expect(scorePairs(rows, 0.5)[1].match).toBe('true');
    expect(resolveReviewThreshold('0.9')).toBe(0.9);
    expect(resolveReviewThreshold('nonsense')).toBe(REVIEW_THRESHOLD);
  });
});
