import { describe, expect, it } from 'vitest';
import {
  formatDateLine,
  formatDocumentNumber,
  formatTenths,
  formatVietnameseDate,
  formatVnd,
  parseCalendarDate,
  upperVi,
} from './format.ts';

describe('document numbers (Decree 30: a leading zero below 10)', () => {
  it.each([
    [7, 'QĐ-UBND', '07/QĐ-UBND'],
    [1, 'QĐ-UBND', '01/QĐ-UBND'],
    [9, 'QĐ-SNV', '09/QĐ-SNV'],
    [10, 'QĐ-UBND', '10/QĐ-UBND'],
    [125, 'QĐ-UBND', '125/QĐ-UBND'],
    [1197, 'QĐ-UBND', '1197/QĐ-UBND'],
    [null, 'QĐ-UBND', '     /QĐ-UBND'],
    [3, 'BB-HĐTĐKT', '03/BB-HĐTĐKT'],
  ] as const)('%s %s → "%s"', (n, symbol, expected) => {
    expect(formatDocumentNumber(n, symbol)).toBe(expected);
  });
  it.each([0, -1, 2.5])('refuses %s', (n) => expect(() => formatDocumentNumber(n, 'QĐ-UBND')).toThrow(RangeError));
});

describe('date lines (days 1–9 and months 1–2 padded, months 3–12 not)', () => {
  it.each([
    ['Thanh Hóa', '2026-02-05', 2026, 'Thanh Hóa, ngày 05 tháng 02 năm 2026'],
    ['Thanh Hóa', '2026-03-15', 2026, 'Thanh Hóa, ngày 15 tháng 3 năm 2026'],
    ['Hà Nội', '2026-01-09', 2026, 'Hà Nội, ngày 09 tháng 01 năm 2026'],
    ['Hà Nội', '2025-12-31', 2025, 'Hà Nội, ngày 31 tháng 12 năm 2025'],
    ['Cà Mau', '2025-10-01', 2025, 'Cà Mau, ngày 01 tháng 10 năm 2025'],
    ['Huế', '2024-02-29', 2024, 'Huế, ngày 29 tháng 02 năm 2024'],
    ['Thanh Hóa', null, 2026, 'Thanh Hóa, ngày      tháng      năm 2026'],
  ] as const)('%s %s → "%s"', (place, date, year, expected) => {
    expect(formatDateLine(place, date, year)).toBe(expected);
  });
  it.each(['2026-2-5', '2025-02-29', '2026-13-01', '05/02/2026', ''])('refuses "%s"', (d) => {
    expect(() => parseCalendarDate(d)).toThrow(RangeError);
  });
  it('writes a cited date the same way', () => expect(formatVietnameseDate('2023-12-31')).toBe('ngày 31 tháng 12 năm 2023'));
});

describe('money and coefficients', () => {
  it.each([
    [2_340_000, '2.340.000'],
    [702_000, '702.000'],
    [28_080_000, '28.080.000'],
    [1_234_567_890, '1.234.567.890'],
    [999, '999'],
    [0, '0'],
    [-1500, '-1.500'],
  ])('%d → %s', (n, s) => expect(formatVnd(n)).toBe(s));
  it.each([
    [15, '1,5'],
    [3, '0,3'],
    [80, '8'],
    [120, '12'],
  ])('%d tenths → %s', (t, s) => expect(formatTenths(t)).toBe(s));
  it('upper-cases Vietnamese letters', () =>
    expect(upperVi('Phó Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa')).toBe('PHÓ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA'));
});
