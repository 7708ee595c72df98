/**
 * Sample chi bộ workbooks for the Office.js fake, of any size: plain TypeScript (no Node, no Jest)
 * so the browser tests can load them too.
 *
 *   chiBoWorkbook(members, meetings = 24)   Thông tin, Đảng viên (title row above the header),
 *     Sinh hoạt (two meetings a month), Điểm danh (starting at B2), Tiêu chí, an empty sheet
 *     "Trống" and the hidden Cấu hình with the default policy.
 */
import { defaultPolicy } from '../../src/core/policy';
import { policyLayout } from '../../src/workbook/layout/policySheet';
import { CRITERIA_HEADERS, INFO_HEADERS, MEETING_HEADERS, MEMBER_HEADERS } from '../../scripts/sheetHeaders';
import type { FakeSheetInit } from './office';

const EPOCH = Date.UTC(1899, 11, 30);
const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - EPOCH) / 86_400_000;
const ddmmyyyy = (y: number, m: number, d: number): string => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;

/** A chi bộ workbook with `members` members and `meetings` meetings (two a month). */
export function chiBoWorkbook(members: number, meetings = 24): FakeSheetInit[] {
  const dates = Array.from({ length: meetings }, (_, i) => ({ y: 2025, m: (Math.floor(i / 2) % 12) + 1, d: i % 2 === 0 ? 5 : 20 }));
  return [
    {
      name: 'Thông tin',
      values: [
        [...INFO_HEADERS],
        ['Tên tổ chức', 'Chi bộ Khu phố 3'],
        ['Loại tổ chức', 'Chi bộ trực thuộc'],
        ['Loại hình', 'Thôn, khu phố, phường, xã'],
        ['Năm đánh giá', 2025],
        ['Có chi ủy', 'Có'],
      ],
    },
    {
      // A title row above the header, as people make.
      name: 'Đảng viên',
      values: [
        ['DANH SÁCH ĐẢNG VIÊN'],
        [...MEMBER_HEADERS],
        ...Array.from({ length: members }, (_, i) => [
          i + 1,
          `Nguyễn Văn ${i + 1}`,
          `0${String(1_000_000 + i)}`,
          serial(2000 + (i % 20), (i % 12) + 1, (i % 28) + 1),
          'Không',
          i % 10 === 0 ? 'Hoàn thành xuất sắc nhiệm vụ' : 'Hoàn thành tốt nhiệm vụ',
          '',
          i % 7 === 0 ? 'Chuyển đến năm 2024' : '',
        ]),
      ],
    },
    {
      name: 'Sinh hoạt',
      values: [
        [...MEETING_HEADERS],
        ...dates.map((date, i) => [
          i + 1,
          serial(date.y, date.m, date.d),
          i % 6 === 5 ? 'Kết hợp' : 'Thường kỳ',
          members,
          members - (i % 3 === 0 ? 1 : 0),
          i % 3 === 0 ? 1 : 0,
          0,
          7,
          130,
          'Có',
          'Có',
          'Tốt',
        ]),
      ],
    },
    {
      // Starts at B2: the origin must come back.
      name: 'Điểm danh',
      origin: 'B2',
      values: [
        ['Họ và tên', 'Số thẻ đảng viên', ...dates.map((date) => ddmmyyyy(date.y, date.m, date.d))],
        ...Array.from({ length: members }, (_, r) => [
          `Nguyễn Văn ${r + 1}`,
          `0${String(1_000_000 + r)}`,
          ...dates.map((_, i) => (i % 3 === 0 && r === 0 ? 'P' : 'C')),
        ]),
      ],
    },
    {
      name: 'Tiêu chí',
      values: [
        [...CRITERIA_HEADERS],
        ['1.1', 'Hoàn thành tốt nhiệm vụ chính trị', 100, 98, ''],
        ['1.2', 'Chất lượng sinh hoạt tốt', 100, 97, ''],
        ['1.3', 'Đoàn kết, kỷ luật tốt', 100, 100, ''],
        ['1.4', 'Cán bộ, đảng viên tốt', 100, 96, ''],
      ],
    },
    { name: 'Trống', values: [] },
    { name: 'Cấu hình', visibility: 'Hidden', values: policyLayout(defaultPolicy()).values },
  ];
}
