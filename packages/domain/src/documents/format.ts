/**
 * The small formats of Decree 30/2020/NĐ-CP, Appendix I: the number line, the place-and-date line, money. Pure
 * functions of their arguments; dates are YYYY-MM-DD strings.
 */

/** Blanks left for what a draft does not know yet (its number, day and month), filled by hand or at issue. */
export const DRAFT_BLANK = '     ';

/** Numbers below 10 take a leading zero (Decree 30: "Số: 07/QĐ-UBND"); larger ones are written as they are. */
export const padDocumentNumber = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "07/QĐ-UBND", "125/QĐ-UBND"; a draft (no number yet) leaves blanks: "     /QĐ-UBND". The symbol is written as
 * given (upper case, "-" between groups, no spaces) — the registers own it.
 */
export function formatDocumentNumber(number: number | null, symbol: string): string {
  if (number === null) return `${DRAFT_BLANK}/${symbol}`;
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`document number must be a positive integer, got ${number}`);
  return `${padDocumentNumber(number)}/${symbol}`;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Reads a YYYY-MM-DD calendar date; throws RangeError on anything else (gathered data, never user text). */
export function parseCalendarDate(date: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > last) throw new RangeError(`not a calendar date: ${date}`);
  return { year, month, day };
}

/** Decree 30: days 1–9 and months 1–2 take a leading zero; months 3–12 never do. */
export const padDay = (day: number): string => (day < 10 ? `0${day}` : String(day));
export const padMonth = (month: number): string => (month < 3 ? `0${month}` : String(month));

/** "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026". */
export function formatVietnameseDate(date: string): string {
  const { year, month, day } = parseCalendarDate(date);
  return `ngày ${padDay(day)} tháng ${padMonth(month)} năm ${year}`;
}

/** A draft's date: the year only, blanks for the day and the month. */
export const formatBlankDate = (year: number): string => `ngày${DRAFT_BLANK} tháng${DRAFT_BLANK} năm ${year}`;

/**
 * The place-and-date line (ô 4): "Thanh Hóa, ngày 05 tháng 02 năm 2026". Without a date (a draft) the day and month
 * are left blank and `year` is written.
 */
export function formatDateLine(place: string, date: string | null, year: number): string {
  return `${place}, ${date === null ? formatBlankDate(year) : formatVietnameseDate(date)}`;
}

/** Whole đồng with "." between thousands, as Vietnamese documents write money: 2340000 → "2.340.000". */
export function formatVnd(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`);
  const whole = Math.round(Math.abs(amount));
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount < 0 && whole !== 0 ? `-${digits}` : digits;
}

/** A coefficient held in tenths, written with the decimal comma: 15 → "1,5", 80 → "8". */
export const formatTenths = (tenths: number): string =>
  tenths % 10 === 0 ? String(tenths / 10) : `${Math.trunc(tenths / 10)},${tenths % 10}`;

/** Upper case with Vietnamese letters (Đ, Ơ, Ư and the tone marks). */
export const upperVi = (text: string): string => text.toLocaleUpperCase('vi');
