import { describe, expect, it } from 'vitest';
import { lunarHolidayAnchors } from './calendar.ts';
import { fromJulianDayNumber, julianDayNumber, lunarToSolar, solarToLunar } from './lunar.ts';

// calendar.md §3.2: Tết (mùng 1), the last day of the old year with its number (29 or 30 Chạp), Hùng Kings' day.
const TABLE: Array<[number, string, string, 29 | 30, string]> = [
  [2020, '2020-01-25', '2020-01-24', 30, '2020-04-02'],
  [2021, '2021-02-12', '2021-02-11', 30, '2021-04-21'],
  [2022, '2022-02-01', '2022-01-31', 29, '2022-04-10'],
  [2023, '2023-01-22', '2023-01-21', 30, '2023-04-29'],
  [2024, '2024-02-10', '2024-02-09', 30, '2024-04-18'],
  [2025, '2025-01-29', '2025-01-28', 29, '2025-04-07'],
  [2026, '2026-02-17', '2026-02-16', 29, '2026-04-26'],
  [2027, '2027-02-06', '2027-02-05', 29, '2027-04-16'],
  [2028, '2028-01-26', '2028-01-25', 29, '2028-04-04'],
  [2029, '2029-02-13', '2029-02-12', 29, '2029-04-23'],
  [2030, '2030-02-02', '2030-02-01', 29, '2030-04-12'],
  [2031, '2031-01-23', '2031-01-22', 29, '2031-04-01'],
  [2032, '2032-02-11', '2032-02-10', 29, '2032-04-19'],
  [2033, '2033-01-31', '2033-01-30', 30, '2033-04-09'],
  [2034, '2034-02-19', '2034-02-18', 30, '2034-04-28'],
  [2035, '2035-02-08', '2035-02-07', 30, '2035-04-17'],
  [2036, '2036-01-28', '2036-01-27', 30, '2036-04-06'],
  [2037, '2037-02-15', '2037-02-14', 30, '2037-04-24'],
  [2038, '2038-02-04', '2038-02-03', 30, '2038-04-13'],
  [2039, '2039-01-24', '2039-01-23', 29, '2039-04-03'],
  [2040, '2040-02-12', '2040-02-11', 29, '2040-04-20'],
];

const solar = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

describe('Vietnamese lunar calendar (UTC+7), calendar.md §3.2', () => {
  it.each(TABLE)('%i: Tết %s, eve %s (%i Chạp), Hùng Kings %s', (year, tet, eve, eveDay, hung) => {
    expect(lunarHolidayAnchors(year)).toEqual({ tet, lunarNewYearsEve: eve, hungKings: hung });
    expect(solarToLunar(solar(tet))).toEqual({ day: 1, month: 1, year, leap: false });
    expect(solarToLunar(solar(eve))).toEqual({ day: eveDay, month: 12, year: year - 1, leap: false });
    expect(solarToLunar(solar(hung))).toEqual({ day: 10, month: 3, year, leap: false });
  });

  it.each([
    ['2020-05-23', 4, 2020],
    ['2023-03-22', 2, 2023],
    ['2025-07-25', 6, 2025],
    ['2028-06-23', 5, 2028],
    ['2031-04-21', 3, 2031],
    ['2033-12-22', 11, 2033],
    ['2036-07-23', 6, 2036],
    ['2039-06-22', 5, 2039],
  ])('leap month: %s is the first day of leap month %i of %i', (date, month, year) => {
    expect(solarToLunar(solar(date))).toEqual({ day: 1, month, year, leap: true });
    expect(lunarToSolar({ day: 1, month, year, leap: true })).toEqual(solar(date));
  });

  it('differs from the Chinese (UTC+8) calendar where the new moon is just before midnight in Hanoi', () => {
    expect(lunarToSolar({ day: 1, month: 1, year: 2030, leap: false }, 8)).toEqual(solar('2030-02-03'));
    expect(lunarToSolar({ day: 10, month: 3, year: 2037, leap: false }, 8)).toEqual(solar('2037-04-25'));
    expect(lunarToSolar({ day: 10, month: 3, year: 2038, leap: false }, 8)).toEqual(solar('2038-04-14'));
  });

  it('refuses lunar dates that do not exist', () => {
    expect(lunarToSolar({ day: 1, month: 3, year: 2024, leap: true })).toBeUndefined(); // 2024 has no leap month
    expect(lunarToSolar({ day: 1, month: 5, year: 2025, leap: true })).toBeUndefined(); // 2025's leap month is 6
    expect(lunarToSolar({ day: 30, month: 12, year: 2025, leap: false })).toBeUndefined(); // Chạp Ất Tỵ has 29 days
    expect(lunarToSolar({ day: 0, month: 1, year: 2025, leap: false })).toBeUndefined();
    expect(lunarToSolar({ day: 1, month: 13, year: 2025, leap: false })).toBeUndefined();
  });

  it('round-trips every day of 2019–2041 and the Julian day numbers', () => {
    const start = julianDayNumber(2019, 1, 1);
    const end = julianDayNumber(2041, 12, 31);
    for (let jd = start; jd <= end; jd++) {
      const date = fromJulianDayNumber(jd);
      expect(julianDayNumber(date.year, date.month, date.day)).toBe(jd);
      expect(lunarToSolar(solarToLunar(date))).toEqual(date);
    }
  });
});
