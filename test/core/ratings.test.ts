import { ratingShares, shareAtLeast } from '../../src/core/ratings';
import type { RatingLevel } from '../../src/core/types';
import { repeat } from './fixtures';

describe('ratingShares', () => {
  it('counts every level and leaves KXL and blanks out of the denominators', () => {
    const levels: (RatingLevel | null)[] = ['HTXSNV', 'HTTNV', 'HTTNV', 'HTNV', 'KHTNV', 'KXL', 'KXL', null];
    const shares = ratingShares(levels);
    expect(shares.counts).toEqual({ HTXSNV: 1, HTTNV: 2, HTNV: 1, KHTNV: 1, KXL: 2, missing: 1 });
    expect(shares.completedShare).toBe(4 / 5);
    expect(shares.goodShare).toBe(3 / 5);
    expect(shares.excellentShare).toBe(1 / 3);
  });

  it('is null where nothing is rated', () => {
    const shares = ratingShares(['KXL', null]);
    expect(shares).toMatchObject({ completedShare: null, goodShare: null, excellentShare: null });
    expect(ratingShares(['HTNV']).excellentShare).toBeNull(); // no one at HTTNV or above
  });
});

describe('shareAtLeast', () => {
  it.each([
    ['HTXSNV', 0.1],
    ['HTTNV', 0.8],
    ['HTNV', 0.9],
    ['KHTNV', 1],
  ] as const)('at least %s → %p', (floor, share) => {
    const levels: RatingLevel[] = ['HTXSNV', ...repeat<RatingLevel>('HTTNV', 7), 'HTNV', 'KHTNV', 'KXL'];
    expect(shareAtLeast(levels, floor)).toBeCloseTo(share, 12);
  });

  it('is null without a rated entry', () => {
    expect(shareAtLeast(['KXL', null], 'HTNV')).toBeNull();
  });
});
