import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatVnd, sortByVietnamese } from './format.ts';

describe('dates', () => {
  it.each([
    ['vi', '27/03/2024'],
    ['en', '27/03/2024'],
    ['ru', '27.03.2024'],
    ['pt', '27/03/2024'],
  ] as const)('%s shows 2024-03-27 as %s', (lang, expected) => {
    expect(formatDate('2024-03-27', lang)).toBe(expected);
  });
  it('leaves empty values empty', () => expect(formatDate(null, 'vi')).toBe(''));
  it('shows moments in Vietnam time', () => {
    // 20:30 UTC on 31 Dec is already 1 January in Hanoi
    expect(formatDateTime('2024-12-31T20:30:00Z', 'vi')).toBe('01/01/2025 03:30');
  });
});

describe('Vietnamese sorting', () => {
  it('puts Đ after D, Ă and Â after A (byte order would put them after Z), and numbers in number order', () => {
    const names = ['Đông Sơn', 'Zeta', 'Ân Thi', 'Bắc Sông Mã', 'Dung', 'An Khánh', 'Cụm 18', 'Cụm 9'];
    expect(sortByVietnamese(names, (n) => n)).toEqual(['An Khánh', 'Ân Thi', 'Bắc Sông Mã', 'Cụm 9', 'Cụm 18', 'Dung', 'Đông Sơn', 'Zeta']);
  });
});

describe('money', () => {
  it.each([
    ['vi', '702.000 ₫'],
    ['en', '₫702,000'],
    ['ru', '702 000 ₫'],
    ['pt', '702 000 ₫'],
  ] as const)('%s shows 702000 đồng as %s', (lang, expected) => {
    expect(formatVnd(702_000, lang)).toBe(expected);
  });
  it('shows nothing for no amount', () => expect(formatVnd(null, 'vi')).toBe(''));
});
