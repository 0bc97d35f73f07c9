// Reading a subject's history. Hot path of the engine: plain loops, no allocation.
import { RATING_RANK, SCOPE_RANK, type AwardCode } from '../rulebook/vocabulary.ts';
import type { DisciplinePeriod, EligibilityCase, Evidence, Leave, Subject } from './types.ts';

/** Year of a validated YYYY-MM-DD date, without slicing a string. */
export function yearOf(date: string): number {
  return (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
}

/** Rank of the rating in a year (HTXS 4 … KHT 1), 0 when the year has no rating. */
export function rankRating(subject: Subject, year: number): number {
  const r = subject.ratings[year];
  if (r === undefined) return 0;
  // Same as RATING_RANK[r] for validated codes, without a keyed lookup in the hottest loop:
  // HTXS is the only 4-letter code, HT the only 2-letter one, HTT and KHT differ in their first letter.
  return r.length === 4 ? 4 : r.length === 2 ? 2 : r.charCodeAt(0) === 72 ? 3 : 1;
}

export function holdsTitle(subject: Subject, code: AwardCode, year: number): boolean {
  const titles = subject.titles;
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i]!;
    if (t.year === year && t.code === code) return true;
  }
  return false;
}

/** Titles `code` held in the years lower+1 … upper. */
export function countTitles(subject: Subject, code: AwardCode, lower: number, upper: number): number {
  let n = 0;
  const titles = subject.titles;
  for (let i = 0; i < titles.length; i++) {
    const t = titles[i]!;
    if (t.code === code && t.year > lower && t.year <= upper) n++;
  }
  return n;
}

/** A discipline period overlapping the calendar year (dates inclusive), if any. */
export function findDisciplineInYear(subject: Subject, year: number): DisciplinePeriod | undefined {
  const list = subject.discipline;
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    if (yearOf(d.from) <= year && yearOf(d.to) >= year) return d;
  }
  return undefined;
}

export function findMaternityInYear(subject: Subject, year: number): Leave | undefined {
  const list = subject.leaves;
  for (let i = 0; i < list.length; i++) {
    const l = list[i]!;
    if (l.type === 'MATERNITY' && yearOf(l.from) <= year && yearOf(l.to) >= year) return l;
  }
  return undefined;
}

/**
 * Decree 98 Art. 4(4): after a discipline, achievements count only from the end of the period. Years
 * up to and including the last year of an earlier discipline period cannot be part of a chain.
 * Returns that last year, or 0 when nothing cuts the history.
 */
export function findChainFloor(subject: Subject, year: number): number {
  let floor = 0;
  const list = subject.discipline;
  for (let i = 0; i < list.length; i++) {
    const to = yearOf(list[i]!.to);
    if (to < year && to > floor) floor = to;
  }
  return floor;
}

/** The discipline period that sets `findChainFloor` (the latest one ending before `year`), if any. */
export function findChainBreak(subject: Subject, year: number): DisciplinePeriod | undefined {
  let found: DisciplinePeriod | undefined;
  const list = subject.discipline;
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    const to = yearOf(d.to);
    if (to < year && (found === undefined || to > yearOf(found.to))) found = d;
  }
  return found;
}

/** Length of the run of consecutive years rated ≥ `minRank`, ending at `end`, never reaching `lower`. */
export function measureRatingRun(subject: Subject, minRank: number, end: number, lower: number): number {
  let y = end;
  while (y > lower && rankRating(subject, y) >= minRank) y--;
  return end - y;
}

/** HTXS years among lower+1 … upper. */
export function countExcellentYears(subject: Subject, lower: number, upper: number): number {
  let n = 0;
  for (let y = upper; y > lower; y--) if (rankRating(subject, y) === RATING_RANK.HTXS) n++;
  return n;
}

/** Length of the run of consecutive years holding `code`, ending at `end`, never reaching `lower`. */
export function measureTitleRun(subject: Subject, code: AwardCode, end: number, lower: number): number {
  let y = end;
  while (y > lower && holdsTitle(subject, code, y)) y--;
  return end - y;
}

function findEvidence(c: EligibilityCase, id: string): Evidence | undefined {
  const s = c.subject;
  for (let i = 0; i < s.initiatives.length; i++) if (s.initiatives[i]!.id === id) return s.initiatives[i];
  for (let i = 0; i < s.scienceWorks.length; i++) if (s.scienceWorks[i]!.id === id) return s.scienceWorks[i];
  return undefined;
}

/** Cited, unused initiatives/science works of scope ≥ `minScopeRank`, recognised in from … to. */
export function countUsableEvidence(c: EligibilityCase, minScopeRank: number, from: number, to: number): number {
  const cited = c.proposal.evidence;
  let n = 0;
  for (let i = 0; i < cited.length; i++) {
    const e = findEvidence(c, cited[i]!);
    if (e && e.usedForAward === null && SCOPE_RANK[e.scope] >= minScopeRank && e.year >= from && e.year <= to) n++;
  }
  return n;
}

/** Year of the earliest evidence `countUsableEvidence` counts over the same arguments, or `to + 1` when none. */
export function findEarliestUsableEvidence(c: EligibilityCase, minScopeRank: number, from: number, to: number): number {
  const cited = c.proposal.evidence;
  let earliest = to + 1;
  for (let i = 0; i < cited.length; i++) {
    const e = findEvidence(c, cited[i]!);
    if (e && e.usedForAward === null && SCOPE_RANK[e.scope] >= minScopeRank && e.year >= from && e.year <= to && e.year < earliest)
      earliest = e.year;
  }
  return earliest;
}

/** The first cited initiative / science work already used for another award. */
export function findUsedEvidence(c: EligibilityCase): Evidence | undefined {
  const cited = c.proposal.evidence;
  for (let i = 0; i < cited.length; i++) {
    const e = findEvidence(c, cited[i]!);
    if (e && e.usedForAward !== null) return e;
  }
  return undefined;
}
