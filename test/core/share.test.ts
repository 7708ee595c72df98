import { modelShare, targetMet } from '../../src/core/share';
import { policy } from './fixtures';

describe('modelShare', () => {
  it('is the share of non-blank entries recognised', () => {
    expect(modelShare(['Có', 'Không', null, '', '  ', 'Đạt'])).toBeCloseTo(2 / 3, 12);
  });

  it.each<[unknown]>([['Có'], ['có'], ['CO'], ['Đạt'], ['dat'], ['TRUE'], [true], ['x'], ['X'], [1], ['Co\u0301']])(
    'reads %p as recognised',
    (status) => {
      expect(modelShare([status])).toBe(1);
    },
  );

  it.each<[unknown]>([['Không'], ['Không đạt'], [false], ['FALSE'], [0], ['Chưa'], ['không rõ']])('reads %p as not recognised', (status) => {
    expect(modelShare([status])).toBe(0);
  });

  it('is null when every entry is blank', () => {
    expect(modelShare([null, '', undefined, ' '])).toBeNull();
    expect(modelShare([])).toBeNull();
  });
});

describe('targetMet', () => {
  it.each([
    [0.5, true],
    [0.4999, false],
    [1, true],
    [0, false],
  ])('share %p against 50 %% → %p', (share, met) => {
    expect(targetMet(share, policy())).toBe(met);
  });

  it('compares without binary noise (29 % of 100 meets a 29 % target)', () => {
    expect(0.29 * 100).toBeLessThan(29); // the trap
    expect(targetMet(29 / 100, policy({ modelTargetPercent: 29 }))).toBe(true);
    expect(targetMet(28 / 100, policy({ modelTargetPercent: 29 }))).toBe(false);
  });
});
