// `thidua workdays add DATE N` and `thidua workdays between FROM TO` — deadlines in working days of the
// civil-service calendar (packages/domain/src/shared/calendar.ts). stdout: one line, a date or an integer.
// Exit 2 with one localised stderr line naming what is wrong. A year without an official schedule of
// days off adds a note on stderr, stdout unchanged.
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  DEFAULT_WORKING_CALENDAR,
  addWorkingDays,
  isIsoDate,
  scheduleStatus,
  workingDaysBetween,
} from '@thidua/domain';
import { cliTranslator, type CliIo } from './io.ts';

const EXIT_OK = 0;
const EXIT_INVALID_INPUT = 2;
/** About four centuries of working days: beyond the years the calendar covers anyway. */
const MAX_WORKING_DAYS = 100_000;

type Verb = 'add' | 'between';
const USAGE: Record<Verb, string> = { add: 'thidua workdays add YYYY-MM-DD N', between: 'thidua workdays between YYYY-MM-DD YYYY-MM-DD' };

export async function runWorkdays(verb: Verb, args: readonly string[], io: CliIo): Promise<number> {
  const t = cliTranslator(io);
  const fail = (key: string, params: Record<string, string | number> = {}) => {
    io.err(`thidua workdays ${verb}: ${t(`cli:workdays.${key}`, params)}\n`);
    return EXIT_INVALID_INPUT;
  };
  const range = { min: CALENDAR_MIN_YEAR, max: CALENDAR_MAX_YEAR };
  const [first, second, ...extra] = args;
  if (first === undefined || second === undefined) return fail('missingArguments', { usage: USAGE[verb] });
  if (extra.length > 0) return fail('extraArgument', { value: extra[0]!, usage: USAGE[verb] });
  if (!isIsoDate(first)) return fail('invalidDate', { value: first, ...range });

  let answer: string;
  let dates: string[];
  if (verb === 'add') {
    if (!/^\d+$/.test(second) || Number(second) > MAX_WORKING_DAYS) return fail('invalidCount', { value: second, max: MAX_WORKING_DAYS });
    let due: string;
    try {
      due = addWorkingDays(first, Number(second));
    } catch (error) {
      if (error instanceof RangeError) return fail('outOfRange', range);
      throw error;
    }
    answer = due;
    dates = [first, due];
  } else {
    if (!isIsoDate(second)) return fail('invalidDate', { value: second, ...range });
    answer = String(workingDaysBetween(first, second));
    dates = [first, second];
  }
  io.out(`${answer}\n`);
  const [lo, hi] = dates.map((d) => Number(d.slice(0, 4))).sort((a, b) => a - b) as [number, number];
  const provisional: number[] = [];
  for (let year = lo; year <= hi; year++)
    if (scheduleStatus(`${year}-01-01`, DEFAULT_WORKING_CALENDAR) === 'provisional') provisional.push(year);
  if (provisional.length > 0) io.err(`${t('cli:workdays.provisional', { years: provisional.join(', ') })}\n`);
  return EXIT_OK;
}
