// The Vietnamese lunisolar calendar (âm lịch), computed for UTC+7 (meridian 105° E).
//
// Rules (Hồ Ngọc Đức, "Thuật toán tính âm lịch", after the Explanatory Supplement to the Astronomical
// Almanac): a month starts on the civil day holding the new moon; month 11 holds the winter solstice;
// in a 13-month year the first month after month 11 without a principal term (trung khí) is the leap
// month. The day boundary is local midnight in UTC+7, which is why Vietnam and China (UTC+8) sometimes
// disagree (Tết 2030, Hùng Kings' day 2037 and 2038). This is his simplified algorithm (mean new moon
// with the main periodic terms, sun longitude to about 0.01°); checked against the published table in
// calendar.md §3.2 for 2020–2040. Dates with a new moon within about an hour of midnight deserve a
// check against the printed calendar of that year.
//
// Pure integer and floating arithmetic on Julian day numbers: no Date, no time zone of the machine.

/** The time zone of the Vietnamese calendar, in hours east of UTC. */
export const VIETNAM_TIME_ZONE = 7;
/** Years the conversion is meant for; the series used lose precision far outside it. */
export const LUNAR_MIN_YEAR = 1900;
export const LUNAR_MAX_YEAR = 2199;

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  /** The lunar year, numbered like the Gregorian year in which its first day falls. */
  readonly year: number;
  /** True for the leap (nhuận) month that repeats `month`. */
  readonly leap: boolean;
}

export interface SolarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Julian day number of a Gregorian date (proleptic before 1582 is not needed here). */
export function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** Gregorian date of a Julian day number. */
export function fromJulianDayNumber(jd: number): SolarDate {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

const DEG = Math.PI / 180;
/** Mean synodic month, in days. */
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1 January 1900 (k = 0 of the series). */
const NEW_MOON_EPOCH = 2415021.076998695;

/** Julian day (fractional, UT) of the k-th new moon after the epoch. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * M * DEG);
  c += -0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(2 * Mpr * DEG);
  c += -0.0004 * Math.sin(3 * Mpr * DEG);
  c += 0.0104 * Math.sin(2 * F * DEG) - 0.0051 * Math.sin((M + Mpr) * DEG);
  c += -0.0074 * Math.sin((M - Mpr) * DEG) + 0.0004 * Math.sin((2 * F + M) * DEG);
  c += -0.0004 * Math.sin((2 * F - M) * DEG) - 0.0006 * Math.sin((2 * F + Mpr) * DEG);
  c += 0.001 * Math.sin((2 * F - Mpr) * DEG) + 0.0005 * Math.sin((2 * Mpr + M) * DEG);
  // ΔT (terrestrial minus universal time), in days.
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c - deltaT;
}

/** Sun's apparent longitude in radians, in [0, 2π), at a fractional Julian day (UT). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(M * DEG);
  dl += (0.019993 - 0.000101 * T) * Math.sin(2 * M * DEG) + 0.00029 * Math.sin(3 * M * DEG);
  const l = (L0 + dl) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Julian day number of the local civil day holding the k-th new moon. */
function newMoonDay(k: number, tz: number): number {
  return Math.floor(newMoon(k) + 0.5 + tz / 24);
}

/** Which of the 12 principal-term sectors (0..11, 30° each) the sun is in at the start of a local day. */
function sunSector(dayNumber: number, tz: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - tz / 24) / Math.PI) * 6);
}

/** Day number of the first day of lunar month 11 (the one holding the winter solstice) near the end of `year`. */
function month11Start(year: number, tz: number): number {
  const off = julianDayNumber(year, 12, 31) - 2415021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const start = newMoonDay(k, tz);
  // If the sun has already passed 270° at that new moon, the solstice month started one lunation earlier.
  return sunSector(start, tz) >= 9 ? newMoonDay(k - 1, tz) : start;
}

/** In a 13-month year starting at month 11 `a11`: how many months after it the leap month comes. */
function leapMonthOffset(a11: number, tz: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i, tz), tz);
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i, tz), tz);
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar date of a Gregorian date, in the given time zone (Vietnam: UTC+7). */
export function solarToLunar(date: SolarDate, tz: number = VIETNAM_TIME_ZONE): LunarDate {
  const dayNumber = julianDayNumber(date.year, date.month, date.day);
  const k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1, tz);
  if (monthStart > dayNumber) monthStart = newMoonDay(k, tz);
  let a11 = month11Start(date.year, tz);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = date.year;
    a11 = month11Start(date.year - 1, tz);
  } else {
    year = date.year + 1;
    b11 = month11Start(date.year + 1, tz);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11, tz);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/**
 * The Gregorian date of a lunar date, or undefined when it does not exist (a leap month the year lacks,
 * a day beyond the month's 29 or 30).
 */
export function lunarToSolar(lunar: LunarDate, tz: number = VIETNAM_TIME_ZONE): SolarDate | undefined {
  const { day, month, year, leap } = lunar;
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  let a11: number;
  let b11: number;
  if (month < 11) {
    a11 = month11Start(year - 1, tz);
    b11 = month11Start(year, tz);
  } else {
    a11 = month11Start(year, tz);
    b11 = month11Start(year + 1, tz);
  }
  let off = month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11, tz);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const monthStart = newMoonDay(k + off, tz);
  const dayNumber = monthStart + day - 1;
  // Day 30 of a 29-day month is the next month's first day: it does not exist.
  if (day === 30 && newMoonDay(k + off + 1, tz) <= dayNumber) return undefined;
  return fromJulianDayNumber(dayNumber);
}
