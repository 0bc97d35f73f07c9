// Validation of `thidua.eligibility-cases/1` (shared/contracts/eligibility-check.md). Hand-written
// rather than a schema library so that every error names the exact JSON path the contract shows
// (`cases[3].subject.ratings.2024`) and carries a code + params for localised messages.
import { FIRST_RULEBOOK_DATE } from '../rulebook/rulebooks.ts';
import {
  AWARD_BY_CODE,
  isAchievementClaim,
  isAwardCode,
  isAwardKind,
  isDisciplineForm,
  isLeaveType,
  isRating,
  isScope,
  type AchievementClaimCode,
  type AwardCode,
  type RatingCode,
} from '../rulebook/vocabulary.ts';
import type {
  ConferredAward,
  ConferredTitle,
  DisciplinePeriod,
  EligibilityCase,
  Evidence,
  Leave,
  MemberFigures,
  Proposal,
  Subject,
} from './types.ts';

export const INPUT_FORMAT = 'thidua.eligibility-cases/1';
/** Years accepted anywhere in the input: the emulation movement dates from 1948; 1945 leaves room. */
export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

/** Codes of input problems; each has a message `eligibility:input.<code>` in every locale. */
export const INPUT_ISSUE_CODES = [
  'EXPECTED_OBJECT',
  'EXPECTED_ARRAY',
  'EXPECTED_STRING',
  'EXPECTED_NON_EMPTY_STRING',
  'EXPECTED_STRING_OR_NULL',
  'EXPECTED_INTEGER',
  'EXPECTED_BOOLEAN',
  'MISSING_FIELD',
  'UNKNOWN_KEY',
  'UNKNOWN_FORMAT',
  'UNKNOWN_AWARD',
  'UNKNOWN_TITLE',
  'UNKNOWN_FORM',
  'UNKNOWN_RATING',
  'UNKNOWN_AWARD_KIND',
  'UNKNOWN_SCOPE',
  'UNKNOWN_DISCIPLINE_FORM',
  'UNKNOWN_LEAVE_TYPE',
  'UNKNOWN_ACHIEVEMENT',
  'UNKNOWN_SUBJECT_TYPE',
  'UNKNOWN_GENDER',
  'UNKNOWN_EVIDENCE',
  'INVALID_YEAR_KEY',
  'YEAR_OUT_OF_RANGE',
  'MALFORMED_DATE',
  'DATE_OUT_OF_RANGE',
  'DATE_RANGE_INVERTED',
  'DUPLICATE_ID',
  'NEGATIVE_NUMBER',
  'EMPTY_COLLECTIVE',
  'EXCEEDS_TOTAL',
  'RULEBOOK_NOT_IN_FORCE',
] as const;
export type InputIssueCode = (typeof INPUT_ISSUE_CODES)[number];

/** What is wrong and where: `path` is the JSON path, `code` + `params` make the localised message. */
export interface InputIssue {
  readonly path: string;
  readonly code: InputIssueCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ParsedInput =
  { readonly ok: true; readonly cases: readonly EligibilityCase[] } | { readonly ok: false; readonly issue: InputIssue };

class IssueFound {
  constructor(readonly issue: InputIssue) {}
}
const fail = (path: string, code: InputIssueCode, params: Record<string, string | number> = {}): never => {
  throw new IssueFound({ path, code, params });
};

const child = (path: string, key: string): string => {
  const k = /^[A-Za-z0-9_$]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return path === '' ? k.replace(/^\./, '') : path + k;
};
const at = (path: string, index: number): string => `${path}[${index}]`;
const show = (value: unknown): string => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

type Obj = Record<string, unknown>;
function expectObject(value: unknown, path: string): Obj {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path || '$', 'EXPECTED_OBJECT');
  return value as Obj;
}
function expectKeys(obj: Obj, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) if (!allowed.includes(key)) fail(child(path, key), 'UNKNOWN_KEY', { key });
}
function required(obj: Obj, path: string, key: string): unknown {
  if (!Object.hasOwn(obj, key) || obj[key] === undefined) fail(child(path, key), 'MISSING_FIELD', { field: key });
  return obj[key];
}
function expectArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) fail(path, 'EXPECTED_ARRAY');
  return value as unknown[];
}
function expectId(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'EXPECTED_STRING');
  if ((value as string).trim() === '') fail(path, 'EXPECTED_NON_EMPTY_STRING');
  return value as string;
}
function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'EXPECTED_BOOLEAN');
  return value as boolean;
}
function expectYear(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, 'EXPECTED_INTEGER');
  const year = value as number;
  if (year < MIN_YEAR || year > MAX_YEAR) fail(path, 'YEAR_OUT_OF_RANGE', { value: year, min: MIN_YEAR, max: MAX_YEAR });
  return year;
}
function expectCount(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, 'EXPECTED_INTEGER');
  if ((value as number) < 0) fail(path, 'NEGATIVE_NUMBER', { value: value as number });
  return value as number;
}
function expectCode<T extends string>(value: unknown, path: string, test: (v: unknown) => v is T, code: InputIssueCode): T {
  if (typeof value !== 'string') fail(path, 'EXPECTED_STRING');
  if (!test(value)) fail(path, code, { value: show(value) });
  return value as T;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}
function expectDate(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'EXPECTED_STRING');
  const date = value as string;
  if (!isIsoDate(date)) fail(path, 'MALFORMED_DATE', { value: show(date) });
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) fail(path, 'DATE_OUT_OF_RANGE', { value: date, min: MIN_YEAR, max: MAX_YEAR });
  return date;
}
function expectPeriod(obj: Obj, path: string): { from: string; to: string } {
  const from = expectDate(required(obj, path, 'from'), child(path, 'from'));
  const to = expectDate(required(obj, path, 'to'), child(path, 'to'));
  if (to < from) fail(child(path, 'to'), 'DATE_RANGE_INVERTED', { from, to });
  return { from, to };
}
function optionalArray<T>(obj: Obj, path: string, key: string, item: (value: unknown, path: string) => T): T[] {
  if (!Object.hasOwn(obj, key) || obj[key] === undefined) return [];
  const p = child(path, key);
  return expectArray(obj[key], p).map((v, i) => item(v, at(p, i)));
}

const CASE_KEYS = ['id', 'proposal', 'subject', 'expected'] as const;
const PROPOSAL_KEYS = ['award', 'year', 'date', 'evidence'] as const;
const COMMON_SUBJECT_KEYS = [
  'type',
  'ratings',
  'titles',
  'awards',
  'initiatives',
  'scienceWorks',
  'discipline',
  'leaves',
  'pendingReview',
  'achievements',
];
const SUBJECT_KEYS = {
  individual: [...COMMON_SUBJECT_KEYS, 'gender'],
  collective: [...COMMON_SUBJECT_KEYS, 'members'],
  household: COMMON_SUBJECT_KEYS,
} as const;
const MEMBER_KEYS = ['total', 'advancedWorkers', 'completedTasks', 'grassrootsFighters', 'disciplinedWarningOrAbove'] as const;

function parseProposal(value: unknown, path: string): Proposal {
  const obj = expectObject(value, path);
  expectKeys(obj, path, PROPOSAL_KEYS);
  const award = expectCode(required(obj, path, 'award'), child(path, 'award'), isAwardCode, 'UNKNOWN_AWARD');
  const year = expectYear(required(obj, path, 'year'), child(path, 'year'));
  const given = obj.date === undefined ? undefined : expectDate(obj.date, child(path, 'date'));
  const evidence = optionalArray(obj, path, 'evidence', expectId);
  const seen = new Set<string>();
  evidence.forEach((id, i) => {
    if (seen.has(id)) fail(at(child(path, 'evidence'), i), 'DUPLICATE_ID', { value: id });
    seen.add(id);
  });
  // Default consideration date: 31 December of the achievement year (contract). Achievements of a year
  // that ended before the first rulebook (2023) were reviewed and proposed from January 2024, under the
  // law then in force, so without a given date they are considered on that rulebook's first day; the
  // public examples judge such a case (year 2023, `expected: false`). A date given before 2024 is an error.
  if (given !== undefined && given < FIRST_RULEBOOK_DATE) {
    fail(child(path, 'date'), 'RULEBOOK_NOT_IN_FORCE', { date: given, firstInForce: FIRST_RULEBOOK_DATE });
  }
  const yearEnd = `${year}-12-31`;
  // only the year just before the first rulebook is carried over; older years stay under the old law
  const carried = yearEnd < FIRST_RULEBOOK_DATE && `${year + 1}-01-01` >= FIRST_RULEBOOK_DATE;
  if (given === undefined && yearEnd < FIRST_RULEBOOK_DATE && !carried) {
    fail(child(path, 'year'), 'RULEBOOK_NOT_IN_FORCE', { date: yearEnd, firstInForce: FIRST_RULEBOOK_DATE });
  }
  const date = given ?? (carried ? FIRST_RULEBOOK_DATE : yearEnd);
  return { award, year, date, evidence };
}

function parseRatings(value: unknown, path: string): Record<number, RatingCode> {
  const obj = expectObject(value, path);
  const ratings: Record<number, RatingCode> = {};
  for (const key of Object.keys(obj)) {
    const p = child(path, key);
    if (!/^\d{4}$/.test(key)) fail(p, 'INVALID_YEAR_KEY', { value: show(key) });
    const year = Number(key);
    if (year < MIN_YEAR || year > MAX_YEAR) fail(p, 'YEAR_OUT_OF_RANGE', { value: year, min: MIN_YEAR, max: MAX_YEAR });
    ratings[year] = expectCode(obj[key], p, isRating, 'UNKNOWN_RATING');
  }
  return ratings;
}

const isTitleCode = (v: unknown): v is AwardCode => isAwardCode(v) && AWARD_BY_CODE[v].category === 'TITLE';
const isFormCode = (v: unknown): v is AwardCode => isAwardCode(v) && AWARD_BY_CODE[v].category === 'FORM';

function parseTitle(value: unknown, path: string): ConferredTitle {
  const obj = expectObject(value, path);
  expectKeys(obj, path, ['code', 'year']);
  return {
    code: expectCode(required(obj, path, 'code'), child(path, 'code'), isTitleCode, 'UNKNOWN_TITLE'),
    year: expectYear(required(obj, path, 'year'), child(path, 'year')),
  };
}
function parseAward(value: unknown, path: string): ConferredAward {
  const obj = expectObject(value, path);
  expectKeys(obj, path, ['code', 'year', 'kind']);
  return {
    code: expectCode(required(obj, path, 'code'), child(path, 'code'), isFormCode, 'UNKNOWN_FORM'),
    year: expectYear(required(obj, path, 'year'), child(path, 'year')),
    kind: expectCode(required(obj, path, 'kind'), child(path, 'kind'), isAwardKind, 'UNKNOWN_AWARD_KIND'),
  };
}
function parseEvidence(value: unknown, path: string): Evidence {
  const obj = expectObject(value, path);
  expectKeys(obj, path, ['id', 'year', 'scope', 'usedForAward']);
  const id = expectId(required(obj, path, 'id'), child(path, 'id'));
  const year = expectYear(required(obj, path, 'year'), child(path, 'year'));
  const scope = expectCode(required(obj, path, 'scope'), child(path, 'scope'), isScope, 'UNKNOWN_SCOPE');
  const used = obj.usedForAward;
  if (used !== undefined && used !== null && (typeof used !== 'string' || used.trim() === ''))
    fail(child(path, 'usedForAward'), 'EXPECTED_STRING_OR_NULL');
  return { id, year, scope, usedForAward: (used as string | null | undefined) ?? null };
}
function parseDiscipline(value: unknown, path: string): DisciplinePeriod {
  const obj = expectObject(value, path);
  expectKeys(obj, path, ['form', 'from', 'to']);
  const form = expectCode(required(obj, path, 'form'), child(path, 'form'), isDisciplineForm, 'UNKNOWN_DISCIPLINE_FORM');
  return { form, ...expectPeriod(obj, path) };
}
function parseLeave(value: unknown, path: string): Leave {
  const obj = expectObject(value, path);
  expectKeys(obj, path, ['type', 'from', 'to']);
  const type = expectCode(required(obj, path, 'type'), child(path, 'type'), isLeaveType, 'UNKNOWN_LEAVE_TYPE');
  return { type, ...expectPeriod(obj, path) };
}
function parseMembers(value: unknown, path: string): MemberFigures {
  const obj = expectObject(value, path);
  expectKeys(obj, path, MEMBER_KEYS);
  const figures = {} as Record<(typeof MEMBER_KEYS)[number], number>;
  for (const key of MEMBER_KEYS) figures[key] = expectCount(required(obj, path, key), child(path, key));
  if (figures.total === 0) fail(child(path, 'total'), 'EMPTY_COLLECTIVE');
  for (const key of MEMBER_KEYS) {
    if (key !== 'total' && figures[key] > figures.total)
      fail(child(path, key), 'EXCEEDS_TOTAL', { value: figures[key], total: figures.total });
  }
  return figures;
}

function parseSubject(value: unknown, path: string): Subject {
  const obj = expectObject(value, path);
  const type = required(obj, path, 'type');
  if (type !== 'individual' && type !== 'collective' && type !== 'household') {
    if (typeof type !== 'string') fail(child(path, 'type'), 'EXPECTED_STRING');
    fail(child(path, 'type'), 'UNKNOWN_SUBJECT_TYPE', { value: show(type) });
  }
  const kind = type as keyof typeof SUBJECT_KEYS;
  expectKeys(obj, path, SUBJECT_KEYS[kind]);
  const gender =
    kind === 'individual'
      ? expectCode(
          required(obj, path, 'gender'),
          child(path, 'gender'),
          (v): v is 'female' | 'male' => v === 'female' || v === 'male',
          'UNKNOWN_GENDER',
        )
      : undefined;
  const ratings =
    kind === 'household' && obj.ratings === undefined ? {} : parseRatings(required(obj, path, 'ratings'), child(path, 'ratings'));
  const members = kind === 'collective' ? parseMembers(required(obj, path, 'members'), child(path, 'members')) : undefined;
  const titles = optionalArray(obj, path, 'titles', parseTitle);
  const awards = optionalArray(obj, path, 'awards', parseAward);
  const initiatives = optionalArray(obj, path, 'initiatives', parseEvidence);
  const scienceWorks = optionalArray(obj, path, 'scienceWorks', parseEvidence);
  const seen = new Set<string>();
  for (const [key, list] of [
    ['initiatives', initiatives],
    ['scienceWorks', scienceWorks],
  ] as const) {
    list.forEach((e, i) => {
      if (seen.has(e.id)) fail(child(at(child(path, key), i), 'id'), 'DUPLICATE_ID', { value: e.id });
      seen.add(e.id);
    });
  }
  const discipline = optionalArray(obj, path, 'discipline', parseDiscipline);
  const leaves = optionalArray(obj, path, 'leaves', parseLeave);
  const pendingReview = obj.pendingReview === undefined ? false : expectBoolean(obj.pendingReview, child(path, 'pendingReview'));
  const achievements = optionalArray(obj, path, 'achievements', (v, p) =>
    expectCode<AchievementClaimCode>(v, p, isAchievementClaim, 'UNKNOWN_ACHIEVEMENT'),
  );
  const base = { ratings, titles, awards, initiatives, scienceWorks, discipline, leaves, pendingReview, achievements };
  if (kind === 'individual') return { type: 'individual', gender: gender!, ...base };
  if (kind === 'collective') return { type: 'collective', members: members!, ...base };
  return { type: 'household', ...base };
}

function parseCase(value: unknown, path: string, ids: Set<string>): EligibilityCase {
  const obj = expectObject(value, path);
  expectKeys(obj, path, CASE_KEYS);
  const id = expectId(required(obj, path, 'id'), child(path, 'id'));
  if (ids.has(id)) fail(child(path, 'id'), 'DUPLICATE_ID', { value: id });
  ids.add(id);
  const proposal = parseProposal(required(obj, path, 'proposal'), child(path, 'proposal'));
  const subject = parseSubject(required(obj, path, 'subject'), child(path, 'subject'));
  if (obj.expected !== undefined) expectBoolean(obj.expected, child(path, 'expected')); // ignored by the engine
  // Evidence must name the subject's own initiatives or science works.
  const known = new Set([...subject.initiatives, ...subject.scienceWorks].map((e) => e.id));
  proposal.evidence.forEach((e, i) => {
    if (!known.has(e)) fail(at(child(child(path, 'proposal'), 'evidence'), i), 'UNKNOWN_EVIDENCE', { value: e });
  });
  return { id, proposal, subject };
}

/** Validates a parsed JSON document; the first problem found, in document order, is reported. */
export function parseEligibilityInput(input: unknown): ParsedInput {
  try {
    const root = expectObject(input, '');
    expectKeys(root, '', ['format', 'cases']);
    const format = required(root, '', 'format');
    if (format !== INPUT_FORMAT) fail('format', 'UNKNOWN_FORMAT', { value: show(format), expected: INPUT_FORMAT });
    const list = expectArray(required(root, '', 'cases'), 'cases');
    const ids = new Set<string>();
    const cases = list.map((c, i) => parseCase(c, at('cases', i), ids));
    return { ok: true, cases };
  } catch (error) {
    if (error instanceof IssueFound) return { ok: false, issue: error.issue };
    throw error;
  }
}
