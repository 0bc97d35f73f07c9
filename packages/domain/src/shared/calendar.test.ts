import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_YEAR_SCHEDULES,
  addCalendarDays,
  addMonths,
  addWorkingDays,
  checkIsoDate,
  createWorkingCalendar,
  dayOfWeek,
  dayType,
  isIsoDate,
  isWorkingDay,
  provisionalYearSchedule,
  rollToWorkingDay,
  scheduleStatus,
  workingDaysBetween,
  type WorkingCalendar,
  type YearSchedule,
} from './calendar.ts';

describe('dates', () => {
  it.each(['2026-02-10', '2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31'])('%s is a date', (d) => expect(isIsoDate(d)).toBe(true));
  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-2-10',
    '10/02/2026',
    '',
    '1899-12-31',
    '2200-01-01',
  ])('%s is not', (d) => {
    expect(isIsoDate(d)).toBe(false);
    expect(checkIsoDate(d)).toEqual({ ok: false, code: 'VALIDATION_FAILED', params: { rule: 'INVALID_DATE', date: d } });
  });
  it('knows the day of the week (0 = Sunday)', () => {
    expect(['2026-02-08', '2026-02-10', '2026-02-14'].map(dayOfWeek)).toEqual([0, 2, 6]);
  });
  it('throws on a malformed date passed to the arithmetic', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-10', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-10', 1.5)).toThrow(RangeError);
  });
});

// calendar.md §5, with the default policies (receipt day not counted, rollover on).
describe('worked examples of calendar.md §5', () => {
  it.each([
    ['#3 10 working days from Tue 10/02/2026, across Tết', '2026-02-10', 10, '2026-03-03'],
    ['#4 25 working days from Mon 13/01/2025, across Tết', '2025-01-13', 25, '2025-02-24'],
    ['#5 5 working days from Tue 06/01/2026, make-up Saturday 10/1', '2026-01-06', 5, '2026-01-12'],
    ['#6 5 working days from Fri 25/04/2025, swap both ways', '2025-04-25', 5, '2025-05-06'],
    ['#7 2 working days from Fri 24/04/2026, compensatory Monday 27/4', '2026-04-24', 2, '2026-04-29'],
    ['#10 10 working days of public comment from Mon 03/11/2025', '2025-11-03', 10, '2025-11-17'],
    ['#11 15 working days from Mon 22/04/2024, swap and make-up Saturday 4/5', '2024-04-22', 15, '2024-05-15'],
  ])('%s → %s', (_name, from, n, due) => {
    expect(addWorkingDays(from, n)).toBe(due);
    expect(workingDaysBetween(from, due)).toBe(n);
  });

  it('#4 and #10 with the receipt day counted: one working day earlier', () => {
    expect(addWorkingDays('2025-01-13', 24)).toBe('2025-02-21');
    expect(addWorkingDays('2025-11-03', 9)).toBe('2025-11-14');
  });

  it.each([
    ['#1 10 calendar days from Wed 05/03/2025 (day 10 a Saturday)', '2025-03-05', 10, '2025-03-17'],
    ['#2 30 calendar days from Fri 16/01/2026 (day 30 in Tết)', '2026-01-16', 30, '2026-02-23'],
    ['#3 10 calendar days from Tue 10/02/2026 (day 10 a Tết holiday)', '2026-02-10', 10, '2026-02-23'],
    ['#11 15 calendar days from Mon 22/04/2024', '2024-04-22', 15, '2024-05-07'],
  ])('%s → %s', (_name, from, n, due) => {
    expect(addCalendarDays(from, n)).toBe(due);
  });

  it.each([
    ['#8 due Wed 02/09/2026 (National Day)', '2026-09-02', '2026-09-03'],
    ['#8 due Fri 31/01/2025 (Tết)', '2025-01-31', '2025-02-03'],
    ['#8 due Sun 15/02/2026 (Tết break)', '2026-02-15', '2026-02-23'],
    ['#12 limit ending Fri 02/01/2026 (swapped off)', '2026-01-02', '2026-01-05'],
    ['a working day stays', '2026-03-03', '2026-03-03'],
    ['a make-up Saturday stays', '2026-08-22', '2026-08-22'],
  ])('%s → %s', (_name, due, rolled) => {
    expect(rollToWorkingDay(due)).toBe(rolled);
  });

  it('#9 within one month from Sat 31/01/2026: no 31 February, 28/2 a Saturday → Mon 02/03/2026', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-03-02');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-03-02'); // 28/2/2026 is a Saturday
  });

  it('the task example: 5 working days from 10/02/2026, and the days up to 02/03/2026', () => {
    expect(addWorkingDays('2026-02-10', 5)).toBe('2026-02-24'); // 11, 12, 13, then 23, 24 after Tết
    expect(workingDaysBetween('2026-02-10', '2026-03-02')).toBe(9);
    expect(workingDaysBetween('2026-03-02', '2026-02-10')).toBe(-9);
    expect(workingDaysBetween('2026-02-10', '2026-02-10')).toBe(0);
  });
});

describe('the official schedules 2024–2026 (calendar.md §2.2)', () => {
  it.each([
    [2024, 251],
    [2025, 250],
    [2026, 250],
  ])('%i has %i working days', (year, count) => {
    expect(workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(count);
  });

  it.each([
    ['2024-02-13', 'COMPENSATORY_OFF'],
    ['2024-04-29', 'SWAP_OFF'],
    ['2024-05-04', 'MAKEUP_WORKDAY'],
    ['2025-04-26', 'MAKEUP_WORKDAY'],
    ['2025-05-02', 'SWAP_OFF'],
    ['2026-01-02', 'SWAP_OFF'],
    ['2026-01-10', 'MAKEUP_WORKDAY'],
    ['2026-02-16', 'HOLIDAY'],
    ['2026-02-21', 'WEEKEND'],
    ['2026-04-27', 'COMPENSATORY_OFF'],
    ['2026-08-31', 'SWAP_OFF'],
    ['2026-09-03', 'WORKDAY'],
  ])('%s is %s', (date, type) => {
    expect(dayType(date)).toBe(type);
  });

  it('a Saturday made a working day is a working day; a swapped weekday is not', () => {
    expect(isWorkingDay('2026-01-10')).toBe(true);
    expect(isWorkingDay('2026-01-02')).toBe(false);
    expect(isWorkingDay('2026-01-17')).toBe(false);
  });

  it('2024–2026 are official; other years are provisional', () => {
    expect(scheduleStatus('2026-06-01')).toBe('official');
    expect(scheduleStatus('2027-06-01')).toBe('provisional');
    expect(scheduleStatus('2023-06-01')).toBe('provisional');
  });
});

describe('provisional years (no notice): Labour Code holidays and compensatory days', () => {
  it('2027: Tết 2 days before mùng 1 (Sat 6/2) + 3 after, with compensatory days; Hùng Kings Fri 16/4; 1/5 Sat → Mon 3/5', () => {
    const schedule = provisionalYearSchedule(2027);
    expect(schedule.status).toBe('provisional');
    expect(schedule.days.map((d) => `${d.date} ${d.type}`)).toEqual([
      '2027-01-01 HOLIDAY',
      '2027-02-04 HOLIDAY',
      '2027-02-05 HOLIDAY',
      '2027-02-06 HOLIDAY',
      '2027-02-07 HOLIDAY',
      '2027-02-08 HOLIDAY',
      '2027-02-09 COMPENSATORY_OFF',
      '2027-02-10 COMPENSATORY_OFF',
      '2027-04-16 HOLIDAY',
      '2027-04-30 HOLIDAY',
      '2027-05-01 HOLIDAY',
      '2027-05-03 COMPENSATORY_OFF',
      '2027-09-02 HOLIDAY',
      '2027-09-03 HOLIDAY',
    ]);
  });

  it('2023 derived from the law matches the observed Hùng Kings + 30/4 break (29/4–3/5)', () => {
    expect(['2023-04-28', '2023-05-02', '2023-05-03', '2023-05-04'].map((d) => isWorkingDay(d))).toEqual([true, false, false, true]);
  });

  it('the Tết split is a rule of the caller', () => {
    const one = createWorkingCalendar([], { tetDaysBefore: 1 });
    if (!one.ok) throw new Error('valid');
    expect(dayType('2027-02-04', one.value)).toBe('WORKDAY');
    expect(dayType('2027-02-05', one.value)).toBe('HOLIDAY');
  });
});

describe('schedules are data, validated', () => {
  const year = (days: YearSchedule['days'], y = 2027): YearSchedule => ({ year: y, status: 'official', sources: ['test'], days });

  it.each([
    ['impossible date', [year([{ date: '2026-02-30', type: 'HOLIDAY' }], 2026)], 'INVALID_DATE', '2026-02-30'],
    [
      'a day both off and working',
      [
        year([
          { date: '2027-02-06', type: 'HOLIDAY' },
          { date: '2027-02-06', type: 'MAKEUP_WORKDAY' },
        ]),
      ],
      'DAY_BOTH_OFF_AND_WORKING',
      '2027-02-06',
    ],
    [
      'a day twice',
      [
        year([
          { date: '2027-02-05', type: 'HOLIDAY' },
          { date: '2027-02-05', type: 'HOLIDAY' },
        ]),
      ],
      'DUPLICATE_DATE',
      '2027-02-05',
    ],
    ['a date of another year', [year([{ date: '2028-01-01', type: 'HOLIDAY' }])], 'DATE_OUTSIDE_YEAR', '2028-01-01'],
    ['a make-up Wednesday', [year([{ date: '2027-02-03', type: 'MAKEUP_WORKDAY' }])], 'MAKEUP_WORKDAY_NOT_WEEKEND', '2027-02-03'],
    ['a swapped Saturday', [year([{ date: '2027-02-13', type: 'SWAP_OFF' }])], 'DAY_OFF_ON_WEEKEND', '2027-02-13'],
    ['an unknown type', [year([{ date: '2027-02-03', type: 'PARTY' as 'HOLIDAY' }])], 'UNKNOWN_DAY_TYPE', '2027-02-03'],
    ['a year twice', [year([]), year([])], 'DUPLICATE_YEAR', '2027'],
    ['a year out of range', [year([], 1800)], 'YEAR_OUT_OF_RANGE', '1800'],
  ])('%s → VALIDATION_FAILED', (_name, schedules, rule, date) => {
    expect(createWorkingCalendar(schedules)).toEqual({ ok: false, code: 'VALIDATION_FAILED', params: { rule, date } });
  });

  it('an edited table changes the answers: a 2027 notice entered by an administrator', () => {
    const notice = year([
      { date: '2027-02-05', type: 'HOLIDAY' },
      { date: '2027-02-08', type: 'HOLIDAY' },
      { date: '2027-02-09', type: 'HOLIDAY' },
      { date: '2027-02-10', type: 'HOLIDAY' },
      { date: '2027-02-11', type: 'HOLIDAY' },
      { date: '2027-02-20', type: 'MAKEUP_WORKDAY' },
    ]);
    const calendar = createWorkingCalendar([...DEFAULT_YEAR_SCHEDULES, notice]);
    expect(calendar.ok).toBe(true);
    const c = (calendar as { value: WorkingCalendar }).value;
    expect(scheduleStatus('2027-03-01', c)).toBe('official');
    expect(isWorkingDay('2027-02-04', c)).toBe(true);
    expect(isWorkingDay('2027-02-20', c)).toBe(true);
    expect(isWorkingDay('2027-01-01', c)).toBe(true); // the entered table is the whole truth for its year
    expect(addWorkingDays('2027-02-04', 1, c)).toBe('2027-02-12');
    expect(addWorkingDays('2026-02-10', 10, c)).toBe('2026-03-03');
  });
});

describe('properties (fast-check)', () => {
  const day0 = Date.UTC(2023, 0, 1) / 86_400_000;
  const date = fc.integer({ min: 0, max: 365 * 5 }).map((i) => new Date((day0 + i) * 86_400_000).toISOString().slice(0, 10));
  const n = fc.integer({ min: 1, max: 300 });

  it('adding N ≥ 1 working days lands on a working day, and counting back gives N', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        const due = addWorkingDays(d, k);
        expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysBetween(d, due)).toBe(k);
        expect(workingDaysBetween(d, addWorkingDays(d, 0))).toBe(0);
      }),
    );
  });

  it('rollToWorkingDay is idempotent, lands on a working day and never moves a working day', () => {
    fc.assert(
      fc.property(date, (d) => {
        const rolled = rollToWorkingDay(d);
        expect(isWorkingDay(rolled)).toBe(true);
        expect(rollToWorkingDay(rolled)).toBe(rolled);
        expect(rolled >= d).toBe(true);
        if (isWorkingDay(d)) expect(rolled).toBe(d);
      }),
    );
  });

  it('workingDaysBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, c)).toBe(workingDaysBetween(a, c));
        expect(workingDaysBetween(a, b) + workingDaysBetween(b, a)).toBe(0);
      }),
    );
  });
});
