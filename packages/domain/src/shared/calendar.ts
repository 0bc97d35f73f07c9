// The civil-service working calendar of Vietnam, on 'YYYY-MM-DD' strings.
//
// A day is off when it is a Saturday or Sunday (Decision 188/1999/QĐ-TTg: five-day week), a public
// holiday of the Labour Code 2019 (Art. 112), a compensatory day (nghỉ bù, Art. 111(3): a holiday on a
// weekly rest day moves to the next working day) or a weekday swapped off by the Prime Minister's yearly
// notice; a Saturday the notice makes a working day (làm bù) is a working day. Which Tết days, which
// day next to 2 September and which swaps apply is decided every year, so each year is DATA: a
// `YearSchedule` with its provenance, seeded for 2024–2026 from the official notices (calendar.md §2.2)
// and editable by an administrator. A year without a schedule is derived from the Labour Code alone and
// marked `provisional`.
//
// Day arithmetic runs on Julian day numbers (integers): no Date, no time zone of the machine.
import { err, ok, type Result } from './result.ts';
import { LUNAR_MAX_YEAR, LUNAR_MIN_YEAR, fromJulianDayNumber, julianDayNumber, lunarToSolar } from './lunar.ts';

/** Kinds of scheduled days that are off. */
export type DayOffType =
  /** Ngày lễ, Tết: a statutory holiday (Labour Code Art. 112). */
  | 'HOLIDAY'
  /** Nghỉ bù: a holiday fell on a weekly rest day (Art. 111(3)). */
  | 'COMPENSATORY_OFF'
  /** Hoán đổi: a weekday made a rest day by the yearly notice. */
  | 'SWAP_OFF';
/** Làm bù: a Saturday (or Sunday) made a working day in exchange for a swap. */
export type MakeupWorkdayType = 'MAKEUP_WORKDAY';
export type ScheduledDayType = DayOffType | MakeupWorkdayType;
export type DayType = 'WORKDAY' | 'WEEKEND' | ScheduledDayType;
export const SCHEDULED_DAY_TYPES: readonly ScheduledDayType[] = ['HOLIDAY', 'COMPENSATORY_OFF', 'SWAP_OFF', 'MAKEUP_WORKDAY'];

export interface ScheduledDay {
  readonly date: string;
  readonly type: ScheduledDayType;
  readonly note?: string;
}

/** One year's days off and make-up working days, as a notice fixed them (or as derived, when provisional). */
export interface YearSchedule {
  readonly year: number;
  /** `official`: entered from the Government's notice; `provisional`: no notice yet, derived from the law. */
  readonly status: 'official' | 'provisional';
  /** The documents (number, and address where known) the days come from. */
  readonly sources: readonly string[];
  /** Every day that is not an ordinary Mon–Fri working day or Sat–Sun rest day. */
  readonly days: readonly ScheduledDay[];
}

/** A validated set of year schedules, ready for lookups. Build it with `createWorkingCalendar`. */
export interface WorkingCalendar {
  readonly schedules: readonly YearSchedule[];
  /** The schedule in force for a year: the table's, or the provisional one derived from the law. */
  scheduleFor(year: number): YearSchedule;
  /** The scheduled type of a day (Julian day number), if any. */
  scheduled(dayNumber: number): ScheduledDayType | undefined;
}

// ---------------------------------------------------------------------------------------------
// Dates

export const CALENDAR_MIN_YEAR = LUNAR_MIN_YEAR;
export const CALENDAR_MAX_YEAR = LUNAR_MAX_YEAR;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Julian day number of a 'YYYY-MM-DD' date, or undefined when the text is not a real date in range. */
function parseDayNumber(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return julianDayNumber(year, month, day);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = fromJulianDayNumber(dayNumber);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function dayNumberOf(date: string): number {
  const n = parseDayNumber(date);
  if (n === undefined)
    throw new RangeError(`not a date between ${CALENDAR_MIN_YEAR} and ${CALENDAR_MAX_YEAR} in the form YYYY-MM-DD: ${date}`);
  return n;
}

/** True for a real calendar date written 'YYYY-MM-DD' within the years the calendar covers. */
export function isIsoDate(date: string): boolean {
  return parseDayNumber(date) !== undefined;
}

/** The date, or VALIDATION_FAILED { rule: 'INVALID_DATE', date } when it is not a real 'YYYY-MM-DD' date in range. */
export function checkIsoDate(date: string): Result<string> {
  return isIsoDate(date) ? ok(date) : err('VALIDATION_FAILED', { rule: 'INVALID_DATE', date });
}

/** 0 = Sunday … 6 = Saturday. */
const weekday = (dayNumber: number) => (dayNumber + 1) % 7;
const isWeekendDay = (dayNumber: number) => {
  const d = weekday(dayNumber);
  return d === 0 || d === 6;
};

/** Day of the week of a 'YYYY-MM-DD' date: 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return weekday(dayNumberOf(date));
}

// ---------------------------------------------------------------------------------------------
// Holidays of the Labour Code and the provisional schedule of a year without a notice

/** Lunar anchors of a year: first day of Tết (mùng 1), last day of the old year, Hùng Kings' day (10/3). */
export function lunarHolidayAnchors(year: number): { tet: string; lunarNewYearsEve: string; hungKings: string } {
  const tet = lunarToSolar({ day: 1, month: 1, year, leap: false });
  const hung = lunarToSolar({ day: 10, month: 3, year, leap: false });
  if (!tet || !hung) throw new RangeError(`no lunar anchors for ${year}`);
  const tetDay = julianDayNumber(tet.year, tet.month, tet.day);
  return {
    tet: formatDayNumber(tetDay),
    lunarNewYearsEve: formatDayNumber(tetDay - 1),
    hungKings: formatDayNumber(julianDayNumber(hung.year, hung.month, hung.day)),
  };
}

/**
 * How a year without a notice is derived. The Prime Minister picks the five Tết days and the day next to
 * 2 September each year (Art. 112(3)); these defaults follow past practice and are only a forecast.
 */
export interface ProvisionalRules {
  /** Tết days before mùng 1 (the rest after it): 2 in 2020, 2021, 2023, 2024, 2025; 1 in 2022 and 2026. */
  readonly tetDaysBefore: 1 | 2;
}
export const DEFAULT_PROVISIONAL_RULES: ProvisionalRules = { tetDaysBefore: 2 };

/**
 * The day next to 2 September: the one that joins the break to a weekend, as the notices of 2021–2026 did
 * (Thursday or Monday 2/9 → 3/9; otherwise 1/9).
 */
function nationalDayAdjacent(year: number): number {
  const second = julianDayNumber(year, 9, 2);
  const d = weekday(second);
  return d === 4 || d === 1 ? second + 1 : second - 1;
}

/** The provisional schedule of a year: Labour Code holidays plus compensatory days, no swaps. */
export function provisionalYearSchedule(year: number, rules: ProvisionalRules = DEFAULT_PROVISIONAL_RULES): YearSchedule {
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) throw new RangeError(`year out of range: ${year}`);
  const anchors = lunarHolidayAnchors(year);
  const tet = dayNumberOf(anchors.tet);
  const holidays: Array<[number, string]> = [
    [julianDayNumber(year, 1, 1), 'Tết Dương lịch'],
    ...Array.from({ length: 5 }, (_, i): [number, string] => [tet - rules.tetDaysBefore + i, 'Tết Âm lịch']),
    [dayNumberOf(anchors.hungKings), 'Giỗ Tổ Hùng Vương'],
    [julianDayNumber(year, 4, 30), 'Ngày Chiến thắng'],
    [julianDayNumber(year, 5, 1), 'Ngày Quốc tế Lao động'],
    [julianDayNumber(year, 9, 2), 'Quốc khánh'],
    [nationalDayAdjacent(year), 'Quốc khánh'],
  ];
  // Tết may straddle 1 January only in theory; keep the days of this year.
  const own = holidays.filter(([d]) => fromJulianDayNumber(d).year === year).sort((a, b) => a[0] - b[0]);
  const off = new Set(own.map(([d]) => d));
  const days: ScheduledDay[] = own.map(([d, note]) => ({ date: formatDayNumber(d), type: 'HOLIDAY', note }));
  for (const [d, note] of own) {
    if (!isWeekendDay(d)) continue;
    let next = d + 1;
    while (isWeekendDay(next) || off.has(next)) next++;
    off.add(next);
    if (fromJulianDayNumber(next).year === year) days.push({ date: formatDayNumber(next), type: 'COMPENSATORY_OFF', note });
  }
  return {
    year,
    status: 'provisional',
    sources: ['Bộ luật Lao động 2019, Điều 111(3), 112 (no yearly notice yet)'],
    days: days.sort((a, b) => a.date.localeCompare(b.date)),
  };
}

// ---------------------------------------------------------------------------------------------
// The official schedules (calendar.md §2.2)

const H = (date: string, note: string): ScheduledDay => ({ date, type: 'HOLIDAY', note });
const C = (date: string, note: string): ScheduledDay => ({ date, type: 'COMPENSATORY_OFF', note });
const S = (date: string, note: string): ScheduledDay => ({ date, type: 'SWAP_OFF', note });
const W = (date: string, note: string): ScheduledDay => ({ date, type: 'MAKEUP_WORKDAY', note });

/** The civil-service schedules fixed by the Government's notices, 2024–2026. */
export const DEFAULT_YEAR_SCHEDULES: readonly YearSchedule[] = [
  {
    year: 2024,
    status: 'official',
    sources: [
      '8662/VPCP-KGVX of 03/11/2023 (Tết, Quốc khánh)',
      '2450/VPCP-KGVX of 12/04/2024 (30/4–1/5): https://baophapluat.vn/media/thu-tuong-chinh-phu-dong-y-nghi-5-ngay-lien-tiep-dip-304-va-15-post12513.html',
    ],
    days: [
      H('2024-01-01', 'Tết Dương lịch'),
      ...['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'].map((d) => H(d, 'Tết Giáp Thìn')),
      C('2024-02-13', 'Tết Giáp Thìn (10/2 is a Saturday)'),
      C('2024-02-14', 'Tết Giáp Thìn (11/2 is a Sunday)'),
      H('2024-04-18', 'Giỗ Tổ Hùng Vương'),
      S('2024-04-29', 'swapped with Saturday 4/5'),
      H('2024-04-30', 'Ngày Chiến thắng'),
      H('2024-05-01', 'Ngày Quốc tế Lao động'),
      W('2024-05-04', 'worked instead of Monday 29/4'),
      H('2024-09-02', 'Quốc khánh'),
      H('2024-09-03', 'Quốc khánh'),
    ],
  },
  {
    year: 2025,
    status: 'official',
    sources: [
      '8726/VPCP-KGVX of 26/11/2024 (Tết, 30/4–1/5, Quốc khánh)',
      'https://en.baochinhphu.vn/three-days-off-in-celebration-for-hung-kings-commemoration-day-111250304153250976.htm',
    ],
    days: [
      H('2025-01-01', 'Tết Dương lịch'),
      ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) => H(d, 'Tết Ất Tỵ')),
      H('2025-04-07', 'Giỗ Tổ Hùng Vương'),
      W('2025-04-26', 'worked instead of Friday 2/5'),
      H('2025-04-30', 'Ngày Chiến thắng'),
      H('2025-05-01', 'Ngày Quốc tế Lao động'),
      S('2025-05-02', 'swapped with Saturday 26/4'),
      H('2025-09-01', 'Quốc khánh'),
      H('2025-09-02', 'Quốc khánh'),
    ],
  },
  {
    year: 2026,
    status: 'official',
    sources: [
      '12729/VPCP-KGVX of 25/12/2025 (Tết Dương lịch): https://vietnamnews.vn/society/1732658/government-approves-four-day-new-year-holiday.html',
      'Ministry of Home Affairs, October 2025 (Tết, Quốc khánh): https://vietnamnews.vn/politics-laws/1727514/ministry-of-home-affairs-announces-2026-holiday-schedule-for-lunar-new-year-national-day.html',
      'Hùng Kings on Sunday 26/4 → Monday 27/4 (Art. 111(3)): https://thanhnien.vn/gio-to-hung-vuong-304-15-quoc-khanh-29-nam-2026-duoc-nghi-may-ngay-185260223083506397.htm',
    ],
    days: [
      H('2026-01-01', 'Tết Dương lịch'),
      S('2026-01-02', 'swapped with Saturday 10/1'),
      W('2026-01-10', 'worked instead of Friday 2/1'),
      ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => H(d, 'Tết Bính Ngọ')),
      H('2026-04-26', 'Giỗ Tổ Hùng Vương'),
      C('2026-04-27', 'Giỗ Tổ Hùng Vương (26/4 is a Sunday)'),
      H('2026-04-30', 'Ngày Chiến thắng'),
      H('2026-05-01', 'Ngày Quốc tế Lao động'),
      W('2026-08-22', 'worked instead of Monday 31/8'),
      S('2026-08-31', 'swapped with Saturday 22/8'),
      H('2026-09-01', 'Quốc khánh'),
      H('2026-09-02', 'Quốc khánh'),
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Validation and lookup

const invalid = (rule: string, date: string) => err('VALIDATION_FAILED', { rule, date });

/**
 * Checks a table of year schedules and builds the calendar. Errors are VALIDATION_FAILED with
 * `{ rule, date }`; rules: YEAR_OUT_OF_RANGE, DUPLICATE_YEAR, UNKNOWN_STATUS, INVALID_DATE,
 * DATE_OUTSIDE_YEAR, UNKNOWN_DAY_TYPE, DAY_BOTH_OFF_AND_WORKING, DUPLICATE_DATE,
 * MAKEUP_WORKDAY_NOT_WEEKEND (a make-up day must be a Saturday or Sunday), DAY_OFF_ON_WEEKEND
 * (a compensatory or swapped day must be a weekday).
 */
export function createWorkingCalendar(
  schedules: readonly YearSchedule[],
  rules: ProvisionalRules = DEFAULT_PROVISIONAL_RULES,
): Result<WorkingCalendar> {
  const byYear = new Map<number, YearSchedule>();
  const scheduled = new Map<number, ScheduledDayType>();
  for (const schedule of schedules) {
    const { year } = schedule;
    if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) return invalid('YEAR_OUT_OF_RANGE', String(year));
    if (byYear.has(year)) return invalid('DUPLICATE_YEAR', String(year));
    if (schedule.status !== 'official' && schedule.status !== 'provisional') return invalid('UNKNOWN_STATUS', String(year));
    const own = new Map<number, ScheduledDayType>();
    for (const day of schedule.days) {
      const n = parseDayNumber(day.date);
      if (n === undefined) return invalid('INVALID_DATE', day.date);
      if (fromJulianDayNumber(n).year !== year) return invalid('DATE_OUTSIDE_YEAR', day.date);
      if (!SCHEDULED_DAY_TYPES.includes(day.type)) return invalid('UNKNOWN_DAY_TYPE', day.date);
      const before = own.get(n);
      if (before !== undefined)
        return invalid(
          (before === 'MAKEUP_WORKDAY') !== (day.type === 'MAKEUP_WORKDAY') ? 'DAY_BOTH_OFF_AND_WORKING' : 'DUPLICATE_DATE',
          day.date,
        );
      if (day.type === 'MAKEUP_WORKDAY' && !isWeekendDay(n)) return invalid('MAKEUP_WORKDAY_NOT_WEEKEND', day.date);
      if ((day.type === 'COMPENSATORY_OFF' || day.type === 'SWAP_OFF') && isWeekendDay(n)) return invalid('DAY_OFF_ON_WEEKEND', day.date);
      own.set(n, day.type);
    }
    byYear.set(year, schedule);
    for (const [n, type] of own) scheduled.set(n, type);
  }
  // Years outside the table are derived once, when first asked for.
  const derivedYears = new Set<number>();
  const ensureYear = (year: number) => {
    if (byYear.has(year) || derivedYears.has(year)) return;
    const schedule = provisionalYearSchedule(year, rules);
    derivedYears.add(year);
    for (const day of schedule.days) scheduled.set(dayNumberOf(day.date), day.type);
    byYear.set(year, schedule);
  };
  return ok({
    schedules: [...schedules],
    scheduleFor(year) {
      ensureYear(year);
      return byYear.get(year)!;
    },
    scheduled(dayNumber) {
      const { year } = fromJulianDayNumber(dayNumber);
      if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR)
        throw new RangeError(`the calendar covers ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}`);
      ensureYear(year);
      return scheduled.get(dayNumber);
    },
  });
}

function mustCreate(schedules: readonly YearSchedule[]): WorkingCalendar {
  const calendar = createWorkingCalendar(schedules);
  if (!calendar.ok) throw new Error(`invalid default schedule: ${JSON.stringify(calendar.params)}`);
  return calendar.value;
}

/** The civil-service calendar with the official schedules of 2024–2026; other years provisional. */
export const DEFAULT_WORKING_CALENDAR: WorkingCalendar = mustCreate(DEFAULT_YEAR_SCHEDULES);

// ---------------------------------------------------------------------------------------------
// Working days

function typeOf(dayNumber: number, calendar: WorkingCalendar): DayType {
  return calendar.scheduled(dayNumber) ?? (isWeekendDay(dayNumber) ? 'WEEKEND' : 'WORKDAY');
}
const isWorking = (dayNumber: number, calendar: WorkingCalendar) => {
  const type = typeOf(dayNumber, calendar);
  return type === 'WORKDAY' || type === 'MAKEUP_WORKDAY';
};

/** What kind of day a date is. Throws RangeError on a text that is not a date in range (check with `checkIsoDate`). */
export function dayType(date: string, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): DayType {
  return typeOf(dayNumberOf(date), calendar);
}

/** Whether the date's year follows an official notice or is derived from the law. */
export function scheduleStatus(date: string, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): YearSchedule['status'] {
  return calendar.scheduleFor(fromJulianDayNumber(dayNumberOf(date)).year).status;
}

/** A working day of state agencies: Monday–Friday not off, or a make-up Saturday. */
export function isWorkingDay(date: string, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): boolean {
  return isWorking(dayNumberOf(date), calendar);
}

/**
 * The date `n` working days after `date` (n ≥ 0, an integer). The start day itself is not counted
 * (Civil Code Art. 147: counting starts the day after the event), so n = 0 gives `date` back.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of working days must be an integer ≥ 0: ${n}`);
  let day = dayNumberOf(date);
  for (let left = n; left > 0;) {
    day++;
    if (isWorking(day, calendar)) left--;
  }
  return formatDayNumber(day);
}

/**
 * Working days after `from` up to and including `to` (the day of receipt is not counted). When `to`
 * comes before `from` the count is negative: workingDaysBetween(a, b) === -workingDaysBetween(b, a).
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): number {
  const a = dayNumberOf(from);
  const b = dayNumberOf(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (isWorking(day, calendar)) count++;
  return count === 0 ? 0 : sign * count;
}

/** A due date on a day off moves to the next working day (Civil Code Art. 148(5)); a working day stays. */
export function rollToWorkingDay(date: string, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): string {
  let day = dayNumberOf(date);
  while (!isWorking(day, calendar)) day++;
  return formatDayNumber(day);
}

/** The end of a limit of `n` calendar days after `date` (day 1 is the next day), rolled to a working day. */
export function addCalendarDays(date: string, n: number, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of days must be an integer ≥ 0: ${n}`);
  return rollToWorkingDay(formatDayNumber(dayNumberOf(date) + n), calendar);
}

/**
 * The end of a limit of `n` months after `date` (Civil Code Art. 148(3)): the same day of the month
 * `n` months later, or that month's last day when it has no such day, rolled to a working day.
 */
export function addMonths(date: string, n: number, calendar: WorkingCalendar = DEFAULT_WORKING_CALENDAR): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of months must be an integer ≥ 0: ${n}`);
  const { year, month, day } = fromJulianDayNumber(dayNumberOf(date));
  const index = year * 12 + (month - 1) + n;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return rollToWorkingDay(`${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, daysInMonth(y, m)))}`, calendar);
}
