import { deadlineDate, deadlinesFor } from '../../src/core/deadlines';
import { DEADLINE_STAGES } from '../../src/core/policy';
import { policy } from './fixtures';

describe('deadlineDate', () => {
  it.each([
    ['chiTieu', 2025, '2025-01-31'],
    ['deNghi', 2025, '2025-12-31'],
    ['thamDinh', 2025, '2026-02-15'],
    ['congNhan', 2025, '2026-03-15'],
    ['dangKy', 2025, null],
    // the seed's own dates for 2023
    ['dangKy', 2023, '2023-07-10'],
    ['chiTieu', 2023, '2023-07-15'],
    ['deNghi', 2023, '2023-12-31'],
  ] as const)('%s of %d → %p', (stage, year, date) => {
    expect(deadlineDate(stage, year, policy())).toBe(date);
  });

  it('lets the policy set a stage, and an override for one year win', () => {
    const p = policy({
      deadlines: { ...policy().deadlines, dangKy: '30/06' },
      deadlineOverrides: { 'thamDinh.2025': '20/02/2026' },
    });
    expect(deadlineDate('dangKy', 2025, p)).toBe('2025-06-30');
    expect(deadlineDate('thamDinh', 2025, p)).toBe('2026-02-20');
    expect(deadlineDate('thamDinh', 2024, p)).toBe('2025-02-15');
  });

  it('is null when the policy removes a stage', () => {
    const p = policy({ deadlines: { ...policy().deadlines, congNhan: null } });
    expect(deadlineDate('congNhan', 2025, p)).toBeNull();
  });

  it('puts 29/02 on 28/02 in a year without it', () => {
    const p = policy({ deadlines: { ...policy().deadlines, thamDinh: '29/02' } });
    expect(deadlineDate('thamDinh', 2023, p)).toBe('2024-02-29');
    expect(deadlineDate('thamDinh', 2024, p)).toBe('2025-02-28');
  });
});

describe('deadlinesFor', () => {
  it('lists every stage in order with days left and overdue', () => {
    const list = deadlinesFor(2025, policy(), '2025-12-31');
    expect(list.map((d) => d.stage)).toEqual(DEADLINE_STAGES.map((s) => s.stage));
    const byStage = Object.fromEntries(list.map((d) => [d.stage, d]));
    expect(byStage.dangKy).toMatchObject({ date: null, daysLeft: null, overdue: false });
    expect(byStage.chiTieu).toMatchObject({ date: '2025-01-31', daysLeft: -334, overdue: true });
    expect(byStage.deNghi).toMatchObject({ date: '2025-12-31', daysLeft: 0, overdue: false });
    expect(byStage.thamDinh).toMatchObject({ date: '2026-02-15', daysLeft: 46, overdue: false });
    expect(byStage.congNhan?.label).toBe('Hoàn thành công nhận và báo cáo');
  });

  it('is overdue the day after', () => {
    const deNghi = deadlinesFor(2025, policy(), '2026-01-01').find((d) => d.stage === 'deNghi');
    expect(deNghi).toMatchObject({ daysLeft: -1, overdue: true });
  });
});
