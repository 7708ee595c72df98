/**
 * The `Kỷ luật` column (SPEC §2): the closed forms of discipline of the Điều lệ Đảng and their year.
 * Apart from vocabulary.ts so that the custom functions' bundle, which never reads this column,
 * does not carry it.
 */
import { msg, type MessageRef } from './messages';
import { foldText } from './text';

/** The forms of discipline of the Điều lệ Đảng for a party member, lightest first. */
export const DISCIPLINE_FORMS = ['Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ'] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];

/** What a `Kỷ luật` cell says: nothing, a form of discipline and its year, or text that is neither. */
export type DisciplineReading =
  { kind: 'none' } | { kind: 'form'; form: DisciplineForm; year: number | null } | { kind: 'invalid'; message: string; text: MessageRef };

const DISCIPLINE_FOLDED: readonly [string, DisciplineForm][] = DISCIPLINE_FORMS.map((form) => [foldText(form), form]);

/** Measures that are not forms of discipline (folded): a reminder or a criticism is no "vi phạm kỷ luật". */
const NOT_DISCIPLINE = ['nhac nho', 'phe binh', 'kiem diem', 'rut kinh nghiem', 'dinh chi sinh hoat'];

/** Words a clerk writes before the form: "Bị cảnh cáo", "Kỷ luật khiển trách", "Hình thức: khai trừ". */
const DISCIPLINE_LEAD = /^(?:(?:bi|ky luat|hinh thuc|hinh thuc ky luat)\b[\s:,.-]*)+/;

/**
 * The year of a discipline text: the first complete date dd/mm/yyyy, else the first four-digit
 * year 1950–2100 that is not part of a document number (not right after "số", not joined to "/"
 * or "-": "QĐ số 2021", "12/2021/QĐ", "2021-QĐ" are numbers). null when none.
 */
export function disciplineYear(text: string): number | null {
  // dd/mm/yyyy, also written dd-mm-yyyy or dd.mm.yyyy (the same separator twice).
  const date = /(?:^|[^\d])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/.exec(text);
  if (date) return Number(date[4]);
  const folded = foldText(text);
  const pattern = /\d+/g;
  for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
    const digits = match[0];
    if (digits.length !== 4) continue;
    const year = Number(digits);
    if (year < 1950 || year > 2100) continue;
    const before = folded.slice(0, match.index);
    const after = folded.slice(match.index + digits.length);
    if (/[/-]\s*$/.test(before) || /^\s*[/-]/.test(after)) continue;
    if (/(?:^|[^a-z])so\s*[:.]?\s*$/.test(before)) continue;
    return year;
  }
  return null;
}

/**
 * Reads a `Kỷ luật` cell (SPEC §2): a form of the Điều lệ Đảng at the start, after an optional
 * "bị", "kỷ luật" or "hình thức", with its year; "Không…", "Chưa…", "0", dashes and measures that
 * are not discipline (Nhắc nhở, Phê bình, Kiểm điểm, Rút kinh nghiệm, Đình chỉ sinh hoạt) are none.
 * Anything else is refused: a guess either way could block a chi bộ that is fine or pass one that
 * is not.
 */
export function parseDiscipline(text: string): DisciplineReading {
  const folded = foldText(text);
  if (folded === '' || /^[0\-–—.\s]+$/.test(folded) || /^(khong|chua)\b/.test(folded) || folded === 'false' || folded === 'no') {
    return { kind: 'none' };
  }
  const rest = folded.replace(DISCIPLINE_LEAD, '');
  for (const measure of NOT_DISCIPLINE) if (rest.startsWith(measure)) return { kind: 'none' };
  for (const [form, label] of DISCIPLINE_FOLDED) {
    if (rest === form || (rest.startsWith(form) && !/^[a-z0-9]/.test(rest.slice(form.length)))) {
      return { kind: 'form', form: label, year: disciplineYear(text) };
    }
  }
  return { kind: 'invalid', ...msg('parse.discipline', { text, options: DISCIPLINE_FORMS.join(', ') }) };
}
