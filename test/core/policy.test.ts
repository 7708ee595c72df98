import {
  DEADLINE_STAGES,
  defaultPolicy,
  describeKey,
  NUMBER_SETTINGS,
  policyFromEntries,
  policyFromJson,
  policySchema,
  policyToEntries,
  type PolicyError,
  type PolicyResult,
} from '../../src/core/policy';
import { EN } from '../../src/core/messages/en';
import { messageIn, registerCatalogue } from '../../src/core/messages';
import { REASON_CODES } from '../../src/core/types';

function errorsOf(result: PolicyResult): { key: string; message: string }[] {
  return result.ok ? [] : result.errors;
}

describe('defaults', () => {
  it('are valid', () => {
    expect(policySchema.safeParse(defaultPolicy()).success).toBe(true);
    expect(policyFromEntries([])).toEqual({ ok: true, policy: defaultPolicy() });
  });

  it("are the seed's values", () => {
    expect(defaultPolicy()).toMatchObject({
      criterionMinPercent: 95,
      ratingCompletedMinPercent: 100,
      ratingGoodMinPercent: 80,
      excellentCapPercent: 20,
      attendanceMinPercent: 85,
      absenceMaxStreak: 3,
      speakersLargeMembersAbove: 20,
      speakersLarge: 7,
      speakersMediumMembersAbove: 10,
      speakersMedium: 5,
      speakersSmall: 3,
      durationRegular: 90,
      durationCombined: 120,
      durationSmall: 60,
      durationSmallMembersBelow: 10,
      modelTargetPercent: 50,
      deadlines: { dangKy: null, chiTieu: '31/01', deNghi: '31/12', thamDinh: '15/02', congNhan: '15/03' },
      deadlineOverrides: { 'dangKy.2023': '10/07/2023', 'chiTieu.2023': '15/07/2023' },
    });
  });

  it('block on every code except the warnings EXCELLENT_CAP, MEETING_ATTENDANCE_LOW, MEETING_SELF_LOW and YEAR_NOT_OVER', () => {
    const severity = defaultPolicy().severity;
    for (const code of REASON_CODES) {
      expect([code, severity[code]]).toEqual([
        code,
        ['EXCELLENT_CAP', 'MEETING_ATTENDANCE_LOW', 'MEETING_SELF_LOW', 'YEAR_NOT_OVER'].includes(code) ? 'warn' : 'block',
      ]);
    }
  });

  it('give every setting a label and a source', () => {
    for (const entry of policyToEntries(defaultPolicy())) {
      const described = describeKey(entry.key);
      expect(described?.label).toBeTruthy();
      expect(described?.source).toBeTruthy();
    }
    expect(describeKey('nonsense')).toBeNull();
    expect(describeKey('deadline.thamDinh')?.label).toContain('năm sau');
    expect(describeKey('deadline.dangKy.2023')?.label).toContain('năm 2023');
  });

  it('are not shared between calls', () => {
    const a = defaultPolicy();
    a.severity.SPEAKERS_LOW = 'warn';
    a.deadlineOverrides['deNghi.2030'] = '01/12/2030';
    expect(defaultPolicy().severity.SPEAKERS_LOW).toBe('block');
    expect(defaultPolicy().deadlineOverrides['deNghi.2030']).toBeUndefined();
  });
});

describe('round trip', () => {
  it('entries of a policy give the same policy back', () => {
    const changed = policyFromEntries([
      { key: 'criterionMinPercent', value: 90 },
      { key: 'severity.EXCELLENT_CAP', value: 'block' },
      { key: 'deadline.dangKy', value: '30/06' },
      { key: 'deadline.thamDinh.2025', value: '20/02/2026' },
    ]);
    expect(changed.ok).toBe(true);
    if (changed.ok) expect(policyFromEntries(policyToEntries(changed.policy))).toEqual(changed);
  });
});

describe('each bad value is refused with its setting named', () => {
  const numberCases = NUMBER_SETTINGS.flatMap((setting) => {
    const bad: [string, unknown][] = [
      [setting.key, setting.min - 1],
      [setting.key, setting.max + 1],
      [setting.key, 'abc'],
      [setting.key, null],
      [setting.key, Number.NaN],
    ];
    if (setting.integer) bad.push([setting.key, setting.min + 0.5]);
    return bad;
  });

  it.each(numberCases)('%s = %p', (key, value) => {
    const errors = errorsOf(policyFromEntries([{ key, value }]));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.key).toBe(key);
    expect(errors[0]?.message).toContain(`"${key}"`);
    expect(errors[0]?.message).toContain(describeKey(key)?.label ?? '?');
    expect(errors[0]?.message).not.toMatch(/Invalid/);
  });

  it.each(NUMBER_SETTINGS.map((s) => [s.key, s.min, s.max] as const))('%s accepts its bounds %p and %p', (key, min, max) => {
    expect(policyFromEntries([{ key, value: min }]).ok).toBe(true);
    expect(policyFromEntries([{ key, value: max }]).ok).toBe(true);
  });

  it.each(REASON_CODES.map((code) => [`severity.${code}`]))('%s = "stop"', (key) => {
    const errors = errorsOf(policyFromEntries([{ key, value: 'stop' }]));
    expect(errors).toEqual([
      {
        key,
        message: expect.stringContaining('"block" (Không đạt) hoặc "warn" (Lưu ý)'),
        text: expect.objectContaining({ key: 'policy.invalidLabelled' }),
        reason: expect.stringMatching(/^Giá trị không hợp lệ: .*"warn"/),
      },
    ]);
  });

  it.each(
    DEADLINE_STAGES.flatMap((s) => ['32/01', '31/02', '1/13', 'cuối tháng', true, 45658].map((value) => [`deadline.${s.stage}`, value] as const)),
  )('%s = %p', (key, value) => {
    const errors = errorsOf(policyFromEntries([{ key, value }]));
    expect(errors).toEqual([
      { key, message: expect.stringContaining('dd/mm'), text: expect.anything(), reason: expect.stringMatching(/^Giá trị không hợp lệ: .*dd\/mm/) },
    ]);
  });

  it.each(['31/02/2025', '10/07', '2023-07-10', 'x'])('deadline.dangKy.2025 = %p', (value) => {
    const key = 'deadline.dangKy.2025';
    expect(errorsOf(policyFromEntries([{ key, value }]))).toEqual([
      {
        key,
        message: expect.stringContaining('dd/mm/yyyy'),
        text: expect.anything(),
        reason: expect.stringMatching(/^Giá trị không hợp lệ: .*dd\/mm\/yyyy/),
      },
    ]);
  });

  it.each(['unknown', 'severity.NOPE', 'deadline.nope', 'deadline.dangKy.23', 'criterionMinPercent.x'])('unknown key %p', (key) => {
    expect(errorsOf(policyFromEntries([{ key, value: 1 }]))).toEqual([
      { key, message: expect.stringContaining(`"${key}" không tồn tại`), text: { key: 'policy.unknownKey', params: { key } } },
    ]);
  });

  it('reports every bad setting at once', () => {
    const errors = errorsOf(
      policyFromEntries([
        { key: 'criterionMinPercent', value: 101 },
        { key: 'severity.DISCIPLINE', value: 'x' },
        { key: 'deadline.deNghi', value: '40/12' },
      ]),
    );
    expect(errors.map((e) => e.key).sort()).toEqual(['criterionMinPercent', 'deadline.deNghi', 'severity.DISCIPLINE']);
  });
});

describe('what people type', () => {
  it.each<[unknown, number]>([
    ['92,5', 92.5],
    ['92.5', 92.5],
    [' 90 ', 90],
    ['85 %', 85],
    ['85%', 85],
    [80, 80],
  ])('criterionMinPercent = %p → %p', (value, number) => {
    const result = policyFromEntries([{ key: 'criterionMinPercent', value }]);
    expect(result.ok && result.policy.criterionMinPercent).toBe(number);
  });

  it('reads severities in any case', () => {
    const result = policyFromEntries([{ key: 'severity.SPEAKERS_LOW', value: ' WARN ' }]);
    expect(result.ok && result.policy.severity.SPEAKERS_LOW).toBe('warn');
  });

  it('a blank deadline removes it, a blank override removes the override', () => {
    const result = policyFromEntries([
      { key: 'deadline.congNhan', value: '' },
      { key: 'deadline.dangKy.2023', value: null },
    ]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.policy.deadlines.congNhan).toBeNull();
      expect(result.policy.deadlineOverrides['dangKy.2023']).toBeUndefined();
    }
  });
});

describe('policyFromJson', () => {
  it('reads nested and flat keys', () => {
    const result = policyFromJson({
      severity: { SPEAKERS_LOW: 'warn' },
      deadline: { thamDinh: '20/02', 'dangKy.2025': '01/07/2025' },
      'severity.DISCIPLINE': 'warn',
      criterionMinPercent: 90,
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.policy.severity.SPEAKERS_LOW).toBe('warn');
      expect(result.policy.severity.DISCIPLINE).toBe('warn');
      expect(result.policy.deadlines.thamDinh).toBe('20/02');
      expect(result.policy.deadlineOverrides['dangKy.2025']).toBe('01/07/2025');
      expect(result.policy.criterionMinPercent).toBe(90);
    }
  });

  it('reads the keys of the policy object itself (deadlines, deadlineOverrides)', () => {
    const result = policyFromJson({ deadlines: { deNghi: '15/12' }, deadlineOverrides: { 'chiTieu.2024': '01/03/2024' } });
    expect(result.ok && [result.policy.deadlines.deNghi, result.policy.deadlineOverrides['chiTieu.2024']]).toEqual(['15/12', '01/03/2024']);
  });

  it.each([null, 5, 'x', [1, 2]])('refuses %p', (json) => {
    expect(errorsOf(policyFromJson(json))).toEqual([
      { key: '', message: expect.stringContaining('đối tượng JSON'), text: { key: 'policy.notObject' } },
    ]);
  });

  it('names a bad nested setting', () => {
    expect(errorsOf(policyFromJson({ severity: { SPEAKERS_LOW: 'maybe' } })).map((e) => e.key)).toEqual(['severity.SPEAKERS_LOW']);
  });
});

describe('policy errors and labels in English', () => {
  registerCatalogue('en', EN);
  const vietnamese = /[ạảãàáâậầấẩẫăắằặẳẵệềếểễẹẽẻéèịỉĩìíọỏõòóôộồốổỗơớờợởỡụủũùúưựừứửữỵỷỹỳýđ]/i;

  it.each<[string, unknown]>([
    ['criterionMinPercent', 101],
    ['speakersSmall', 2.5],
    ['attendanceMinPercent', 'abc'],
    ['severity.SPEAKERS_LOW', 'stop'],
    ['deadline.thamDinh', '40/02'],
    ['deadline.dangKy.2025', 'x'],
    ['nope', 1],
  ])('%s = %p reads in English, naming the setting, with no Vietnamese word', (key, value) => {
    const errors = errorsOf(policyFromEntries([{ key, value }])) as PolicyError[];
    expect(errors).toHaveLength(1);
    const english = messageIn(errors[0] as PolicyError, 'en');
    expect(english).toContain(`"${key}"`);
    expect(english).not.toMatch(vietnamese);
  });

  it('says the bounds of a number in English', () => {
    const [error] = errorsOf(policyFromEntries([{ key: 'criterionMinPercent', value: 101 }])) as PolicyError[];
    expect(messageIn(error as PolicyError, 'en')).toBe(
      'The setting "criterionMinPercent" (Each criterion 1.1–1.4 reaches at least (%)) is invalid: it must be at most 100.',
    );
  });

  it('the JSON shape error', () => {
    const [error] = errorsOf(policyFromJson([1])) as PolicyError[];
    expect(messageIn(error as PolicyError, 'en')).toBe('The policy file must be a JSON object { "key": value }.');
  });

  it("describes every key with the plan's words, never SPEC, a code or block/warn alone", () => {
    for (const { key } of policyToEntries(defaultPolicy())) {
      for (const lang of ['vi', 'en'] as const) {
        const described = describeKey(key, lang);
        expect(described).not.toBeNull();
        expect(described?.source).not.toMatch(/SPEC|§/);
        expect(described?.label).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
      }
    }
    expect(describeKey('criterionMinPercent')?.source).toBe('Kế hoạch của Thành ủy, mục II.2.2');
    expect(describeKey('severity.EXCELLENT_CAP')?.source).toBe('Quy định 366-QĐ/TW');
    expect(describeKey('severity.DATA_INVALID')?.source).toMatch(/^Quy tắc của Bốn Tốt/);
    expect(describeKey('severity.SPEAKERS_LOW', 'en')?.label).toBe(
      'Severity of the reason "Too few speakers at a meeting": Not met (write block) or Note (write warn)',
    );
  });
});
