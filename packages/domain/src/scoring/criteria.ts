/**
 * The criteria table (bảng tiêu chí, thang điểm) of a cluster for a year and round: spec §6.3 and §7.1
 * (CriteriaSet → CriterionGroup → CriterionItem). Groups hold items with a maximum; bonus (điểm cộng) and penalty
 * (điểm trừ) items stand beside the frame, so a total may exceed `maxTotal` (HCMC: 97 + 10 = 107, Example B);
 * knock-out conditions exclude a unit from being honoured whatever its score (Decree 98 Art. 4(4), §6.3 ⚠️).
 *
 * A table is frozen once scoring opens (`canEditCriteria`): a later change makes a new version, whose sheets are
 * scored afresh (how sheets of the old version carry over is the application's choice ❓).
 */
import { err, ok, type Err, type Result } from '../shared/result.ts';
import { toHundredths, type ScoringGrid, DEFAULT_GRID } from './points.ts';
import type { RoundState } from './round.ts';

/** How an item's points are found (§6.3). */
export type ScoringMethod =
  /** met or not: 0 or the maximum */
  | 'binary'
  /** maximum × achieved / target, capped at the maximum (`scoreFor`) */
  | 'proportional'
  /** one of the listed levels */
  | 'graded'
  /** free within [0, max] on the grid's step */
  | 'manual';
export const SCORING_METHODS = ['binary', 'proportional', 'graded', 'manual'] as const satisfies readonly ScoringMethod[];

/** Regular items make up the frame (their maxima sum to `maxTotal`); bonus items add, penalty items subtract. */
export type ItemKind = 'regular' | 'bonus' | 'penalty';
export const ITEM_KINDS = ['regular', 'bonus', 'penalty'] as const satisfies readonly ItemKind[];

/** The round of the year a table is for: mid-year (sơ kết 6 tháng, H1) or year-end (tổng kết, FY) — §6.1, §7.1. */
export type ScoringPeriod = 'H1' | 'FY';

export interface CriterionItem {
  /** Unique within the whole table (errors and sheets name items by it), e.g. "1.2", "B1". */
  readonly code: string;
  readonly text: string;
  /** > 0. For a penalty item, the most that can be taken off (points are entered as −max … 0). */
  readonly maxPoints: number;
  readonly method: ScoringMethod;
  /** proportional only: the value that earns the maximum (> 0). */
  readonly target?: number;
  /** graded only: the levels, as magnitudes in [0, max]; the highest equals `maxPoints`. */
  readonly levels?: readonly number[];
  /** Whether an entry must cite evidence (checked where evidence is attached, not here). */
  readonly evidenceRequired: boolean;
  readonly kind: ItemKind;
}

export interface CriterionGroup {
  readonly code: string;
  readonly title: string;
  readonly items: readonly CriterionItem[];
}

/** A condition that excludes a unit from the leading places (serious violation, leadership disciplined, inspection…). */
export interface KnockOutCondition {
  readonly code: string;
  readonly text: string;
}

export interface CriteriaSet {
  /** 1, 2, …: a change after freezing makes the next version. */
  readonly version: number;
  readonly year: number;
  readonly period: ScoringPeriod;
  /** The frame: the sum of the regular items' maxima (e.g. 100). */
  readonly maxTotal: number;
  readonly groups: readonly CriterionGroup[];
  readonly knockOuts: readonly KnockOutCondition[];
}

/** Every item of the table with its group's code, in table order. */
export function criteriaItems(set: CriteriaSet): Array<CriterionItem & { readonly group: string }> {
  return set.groups.flatMap((g) => g.items.map((i) => ({ ...i, group: g.code })));
}

/** Rules `criteriaProblems` checks; each is the `rule` param of CRITERIA_INVALID. */
export type CriteriaRule =
  | 'version'
  | 'noItems'
  | 'emptyCode'
  | 'emptyText'
  | 'duplicateCode'
  | 'maxPoints'
  | 'offGrid'
  | 'target'
  | 'levels'
  | 'levelOutOfRange'
  | 'topLevelNotMax'
  | 'unexpectedTarget'
  | 'unexpectedLevels'
  | 'frameMismatch';

/**
 * Every problem of a table, in table order, as CRITERIA_INVALID { item, rule } (`item`: the code of the item, group
 * or knock-out concerned; the table's own problems name its field: version, groups, maxTotal). Rules: codes non-empty and unique across groups,
 * items and knock-outs; maxima positive and on the grid; proportional items have a positive target; graded items
 * list distinct levels within [0, max], the highest being the max; the regular maxima sum to `maxTotal`.
 */
export function criteriaProblems(set: CriteriaSet, grid: ScoringGrid = DEFAULT_GRID): Err<'CRITERIA_INVALID'>[] {
  const problems: Err<'CRITERIA_INVALID'>[] = [];
  const add = (item: string, rule: CriteriaRule) => problems.push(err('CRITERIA_INVALID', { item, rule }));
  const stepH = Math.round(grid.step * 100);
  const onGrid = (p: number) => {
    const h = toHundredths(p);
    return h !== undefined && h % stepH === 0;
  };
  if (!Number.isInteger(set.version) || set.version < 1) add('version', 'version');
  const seen = new Set<string>();
  const unique = (code: string) => {
    if (!code.trim()) return add(code, 'emptyCode');
    if (seen.has(code)) add(code, 'duplicateCode');
    seen.add(code);
  };
  let frameH = 0;
  let regular = 0;
  for (const group of set.groups) {
    unique(group.code);
    if (!group.title.trim()) add(group.code, 'emptyText');
    for (const item of group.items) {
      unique(item.code);
      if (!item.text.trim()) add(item.code, 'emptyText');
      if (!(item.maxPoints > 0)) add(item.code, 'maxPoints');
      else if (!onGrid(item.maxPoints)) add(item.code, 'offGrid');
      if (item.method === 'proportional') {
        if (item.target === undefined || !Number.isFinite(item.target) || item.target <= 0) add(item.code, 'target');
      } else if (item.target !== undefined) add(item.code, 'unexpectedTarget');
      if (item.method === 'graded') {
        const levels = item.levels ?? [];
        if (levels.length === 0 || new Set(levels).size !== levels.length) add(item.code, 'levels');
        else if (levels.some((l) => !(l >= 0) || l > item.maxPoints)) add(item.code, 'levelOutOfRange');
        else if (levels.some((l) => !onGrid(l))) add(item.code, 'offGrid');
        else if (Math.max(...levels) !== item.maxPoints) add(item.code, 'topLevelNotMax');
      } else if (item.levels !== undefined) add(item.code, 'unexpectedLevels');
      if (item.kind === 'regular') {
        regular++;
        frameH += toHundredths(item.maxPoints) ?? 0;
      }
    }
  }
  for (const k of set.knockOuts) {
    unique(k.code);
    if (!k.text.trim()) add(k.code, 'emptyText');
  }
  if (regular === 0) add('groups', 'noItems');
  else if (frameH !== toHundredths(set.maxTotal)) add('maxTotal', 'frameMismatch');
  return problems;
}

/** The table if it is sound, else its first problem (CRITERIA_INVALID { item, rule }). */
export function validateCriteriaSet(set: CriteriaSet, grid: ScoringGrid = DEFAULT_GRID): Result<CriteriaSet> {
  const [first] = criteriaProblems(set, grid);
  return first ?? ok(set);
}

/**
 * A table may be edited only while its round is a draft; once scoring opens it is frozen (CRITERIA_FROZEN
 * { version }) and a change is saved as `nextVersion(set)`.
 */
export function canEditCriteria(set: Pick<CriteriaSet, 'version'>, roundState: RoundState): Result<true> {
  return roundState === 'draft' ? ok(true) : err('CRITERIA_FROZEN', { version: set.version });
}

/** The version a change to a frozen table is saved as. */
export function nextVersion<T extends CriteriaSet>(set: T): T {
  return { ...set, version: set.version + 1 };
}
