/**
 * From score sheets to a unit's result: spec §6.3 (self-scoring, cross-scoring ❓, the head "consolidates, checks and
 * ranks"; weights are set by each cluster) and §7.1 (ScoreSheet: total, bonus_total, penalty_total).
 *
 * Per item: the self score (the unit's own sheet; no sheet or no entry → 0), the cross score aggregated over the
 * other members' sheets on the unit by the cluster's method, then `(self × w_self + cross × w_cross) / 100`.
 * A cross sheet a unit writes on itself is ignored whatever is passed. A scorer's sheet without an entry for an item
 * gives it 0; a scorer with no sheet is not counted. When no other member scored the unit at all, the cross part is
 * the self score (`missingCross: 'self'`, default ❓) or 0 (`'zero'`).
 *
 * Arithmetic is exact: points are integer hundredths; the cross aggregate is kept as a fraction and each item's
 * weighted score is rounded once, half away from zero, to the hundredth; group subtotals and totals are exact sums
 * of the rounded item scores, so a printed sheet adds up.
 *
 * The head's review (§6.2 duties; "may adjust any item with a written reason") replaces an item's score; the
 * adjustment must give a reason (ADJUSTMENT_NEEDS_REASON { item, unit }) and valid points for the item.
 */
import { err, ok, type Result } from '../shared/result.ts';
import { criteriaItems, type CriteriaSet, type CriterionItem, type ItemKind } from './criteria.ts';
import { DEFAULT_GRID, fitsItem, roundRatio, toHundredths, validatePoints, type ScoringGrid } from './points.ts';
import type { ScoringStage } from './round.ts';

export interface SheetEntry {
  readonly item: string;
  /** Points as entered (negative for a penalty), see `validatePoints`. */
  readonly points: number;
}

/** One scorer's sheet on one unit in one stage (§7.1 ScoreSheet). */
export interface ScoreSheet {
  /** The unit scored. */
  readonly unit: string;
  /** The member that scored it (the unit itself in `self`). */
  readonly scorer: string;
  readonly stage: ScoringStage;
  /** The points by item code. */
  readonly entries?: readonly SheetEntry[];
  /**
   * Or, the same in columns: each item's points in HUNDREDTHS in the order of `criteriaItems(criteria)` (null: not
   * entered), as a round's sheets are stored, so that ranking a province does not build millions of entry objects.
   */
  readonly hundredths?: ReadonlyArray<number | null>;
  /** When the sheet was submitted (ISO instant); the self sheet's time serves the `earlierSubmission` tie-break. */
  readonly submittedAt?: string | null;
}

/** How the other members' scores on an item are combined. */
export type CrossMethod = 'mean' | 'median' | 'trimmedMean';
export const CROSS_METHODS = ['mean', 'median', 'trimmedMean'] as const satisfies readonly CrossMethod[];

/** The cluster's aggregation settings ❓ (§6.3: "exact weights are set by each cluster/province"). */
export interface AggregationSettings {
  /** Whole percentages summing to 100: { self: 30, cross: 70 }; cross only { self: 0, cross: 100 }. */
  readonly weights: { readonly self: number; readonly cross: number };
  readonly crossMethod: CrossMethod;
  /** The cross part of a unit no other member scored: its self score (default) or 0. */
  readonly missingCross?: 'self' | 'zero';
  readonly grid?: ScoringGrid;
}

/** The head's change of one item of one unit, replacing the aggregated score. */
export interface HeadAdjustment {
  readonly unit: string;
  readonly item: string;
  readonly points: number;
  /** Written reason, required (not blank). */
  readonly reason: string;
}

export interface ItemScore {
  readonly item: string;
  readonly group: string;
  readonly kind: ItemKind;
  readonly maxPoints: number;
  /** The unit's own points (0 without a sheet or an entry). */
  readonly self: number;
  /** The other members' points, aggregated and rounded to the hundredth; null when none scored the unit. */
  readonly cross: number | null;
  /** How many other members' sheets were counted. */
  readonly crossCount: number;
  /** The weighted score before any adjustment. */
  readonly computed: number;
  /** The score that counts: the adjustment's points if the head adjusted the item, else `computed`. */
  readonly score: number;
  readonly adjustment: { readonly points: number; readonly reason: string } | null;
}

export interface UnitResult {
  readonly unit: string;
  readonly items: readonly ItemScore[];
  /** Sum of each group's REGULAR items (bonus and penalty items are counted apart). */
  readonly groups: Readonly<Record<string, number>>;
  readonly regularTotal: number;
  readonly bonusTotal: number;
  /** ≤ 0. */
  readonly penaltyTotal: number;
  /** regularTotal + bonusTotal + penaltyTotal: may exceed the frame. */
  readonly total: number;
  /** How many regular items scored their maximum (the `fullItems` tie-break). */
  readonly fullItems: number;
  /** The self sheet's submission time, null without one. */
  readonly submittedAt: string | null;
}

/** An exact fraction num/den of hundredths, den > 0. */
interface Ratio {
  readonly num: number;
  readonly den: number;
}

/**
 * The cross aggregate of integer hundredths, exact. mean: sum / n. median: the middle value, or the mean of the two
 * middle ones. trimmedMean: with 3 values or more, one highest and one lowest are dropped and the rest averaged; with
 * 1 or 2 values nothing can be dropped and it is the mean ❓. No values: undefined.
 */
function crossRatio(values: readonly number[], method: CrossMethod): Ratio | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  let sum = 0;
  for (const v of values) sum += v;
  if (method === 'mean') return { num: sum, den: n };
  const sorted = [...values].sort((a, b) => a - b);
  switch (method) {
    case 'median':
      return n % 2 === 1 ? { num: sorted[(n - 1) / 2]!, den: 1 } : { num: sorted[n / 2 - 1]! + sorted[n / 2]!, den: 2 };
    case 'trimmedMean':
      return n >= 3 ? { num: sum - sorted[0]! - sorted[n - 1]!, den: n - 2 } : { num: sum, den: n };
  }
}

/**
 * The cross aggregate of points (see `crossRatio`), rounded half away from zero to the hundredth; undefined for no
 * values. Values must have at most two decimals (RangeError otherwise).
 */
export function aggregateCross(values: readonly number[], method: CrossMethod): number | undefined {
  const hs = values.map((v) => {
    const h = toHundredths(v);
    if (h === undefined) throw new RangeError(`not a score in hundredths: ${v}`);
    return h;
  });
  const r = crossRatio(hs, method);
  return r && roundRatio(r.num, r.den) / 100 + 0;
}

/** Weights must be whole percentages ≥ 0 summing to 100 (VALIDATION_FAILED { rule: 'weights' }). */
export function validateWeights(weights: AggregationSettings['weights']): Result<true> {
  const { self, cross } = weights;
  const whole = (w: number) => Number.isInteger(w) && w >= 0 && w <= 100;
  return whole(self) && whole(cross) && self + cross === 100 ? ok(true) : err('VALIDATION_FAILED', { rule: 'weights', self, cross });
}

/** The table's items in order, with each code's position. */
interface ItemIndex {
  readonly list: ReadonlyArray<CriterionItem & { readonly group: string }>;
  readonly at: ReadonlyMap<string, number>;
}
const indexItems = (criteria: CriteriaSet): ItemIndex => {
  const list = criteriaItems(criteria);
  return { list, at: new Map(list.map((i, k) => [i.code, k])) };
};

/**
 * A sheet as hundredths by item position (0 where nothing is entered), each value checked against its item
 * (SCORE_INVALID naming the item; a columnar sheet of the wrong length: VALIDATION_FAILED { rule: 'sheetLength' }).
 */
function readSheet(
  sheet: Pick<ScoreSheet, 'entries' | 'hundredths' | 'unit' | 'scorer'>,
  items: ItemIndex,
  grid: ScoringGrid,
): Result<Int32Array> {
  const n = items.list.length;
  const points = new Int32Array(n);
  const stepH = Math.round(grid.step * 100);
  if (sheet.hundredths) {
    if (sheet.hundredths.length !== n) return err('VALIDATION_FAILED', { unit: sheet.unit, scorer: sheet.scorer, rule: 'sheetLength' });
    for (let k = 0; k < n; k++) {
      const h = sheet.hundredths[k];
      if (h === null || h === undefined) continue;
      const item = items.list[k]!;
      if (!fitsItem(item, h, stepH)) return validatePoints(item, h / 100, grid) as Result<never>;
      points[k] = h;
    }
    return ok(points);
  }
  const seen = new Uint8Array(n);
  for (const e of sheet.entries ?? []) {
    const k = items.at.get(e.item);
    if (k === undefined) return err('SCORE_INVALID', { item: e.item, points: String(e.points), allowed: '', rule: 'unknownItem' });
    if (seen[k]) return err('SCORE_INVALID', { item: e.item, points: String(e.points), allowed: '', rule: 'duplicateEntry' });
    const checked = validatePoints(items.list[k]!, e.points, grid);
    if (!checked.ok) return checked;
    seen[k] = 1;
    points[k] = toHundredths(checked.value)!;
  }
  return ok(points);
}

/**
 * Whether a sheet's entries may be saved on the table: known items, each once, each with points its item takes
 * (SCORE_INVALID naming the item, rule 'unknownItem' | 'duplicateEntry' | the point rules of `validatePoints`).
 */
export function checkSheetEntries(criteria: CriteriaSet, entries: readonly SheetEntry[], grid: ScoringGrid = DEFAULT_GRID): Result<true> {
  const read = readSheet({ unit: '', scorer: '', entries }, indexItems(criteria), grid);
  return read.ok ? ok(true) : read;
}

/**
 * One unit's result from all the sheets of the round (others' sheets are skipped) and the head's adjustments.
 * Errors: a bad entry or adjustment (SCORE_INVALID naming the item), an adjustment without a reason
 * (ADJUSTMENT_NEEDS_REASON), two sheets of one scorer on the unit in a stage or two adjustments of one item
 * (VALIDATION_FAILED { unit, rule: 'duplicateSheet' | 'duplicateAdjustment' }), weights (VALIDATION_FAILED).
 */
export function aggregateUnit(
  criteria: CriteriaSet,
  unit: string,
  sheets: readonly ScoreSheet[],
  settings: AggregationSettings,
  adjustments: readonly HeadAdjustment[] = [],
): Result<UnitResult> {
  return aggregateIndexed(criteria, indexItems(criteria), unit, sheets, settings, adjustments);
}

/** `aggregateUnit` on a table already indexed, with the sheets on the unit or all the round's. */
function aggregateIndexed(
  criteria: CriteriaSet,
  index: ItemIndex,
  unit: string,
  sheets: readonly ScoreSheet[],
  settings: AggregationSettings,
  adjustments: readonly HeadAdjustment[],
): Result<UnitResult> {
  const weights = validateWeights(settings.weights);
  if (!weights.ok) return weights;
  const grid = settings.grid ?? DEFAULT_GRID;
  const list = index.list;
  const byCode = new Map(list.map((i) => [i.code, i]));

  const mine = sheets.filter((s) => s.unit === unit && (s.stage === 'cross' ? s.scorer !== unit : s.scorer === unit));
  const scorers = new Set<string>();
  for (const s of mine) {
    const key = `${s.stage}\u0000${s.scorer}`;
    if (scorers.has(key)) return err('VALIDATION_FAILED', { unit, scorer: s.scorer, rule: 'duplicateSheet' });
    scorers.add(key);
  }
  const selfSheet = mine.find((s) => s.stage === 'self');
  const self = selfSheet ? readSheet(selfSheet, index, grid) : ok(new Int32Array(list.length));
  if (!self.ok) return self;
  const cross: Int32Array[] = [];
  for (const s of mine) {
    if (s.stage !== 'cross') continue;
    const read = readSheet(s, index, grid);
    if (!read.ok) return read;
    cross.push(read.value);
  }

  const adjusted = new Map<string, HeadAdjustment>();
  for (const a of adjustments.filter((x) => x.unit === unit)) {
    const item = byCode.get(a.item);
    if (!item) return err('SCORE_INVALID', { item: a.item, points: String(a.points), allowed: '', rule: 'unknownItem' });
    if (!a.reason.trim()) return err('ADJUSTMENT_NEEDS_REASON', { item: a.item, unit });
    const checked = validatePoints(item, a.points, grid);
    if (!checked.ok) return checked;
    if (adjusted.has(a.item)) return err('VALIDATION_FAILED', { unit, item: a.item, rule: 'duplicateAdjustment' });
    adjusted.set(a.item, a);
  }

  const { self: ws, cross: wc } = settings.weights;
  const column = new Array<number>(cross.length);
  const items: ItemScore[] = list.map((item, k) => {
    const selfH = self.value[k]!;
    for (let c = 0; c < cross.length; c++) column[c] = cross[c]![k]!;
    const ratio: Ratio =
      crossRatio(column, settings.crossMethod) ?? (settings.missingCross === 'zero' ? { num: 0, den: 1 } : { num: selfH, den: 1 });
    const computedH = roundRatio(selfH * ws * ratio.den + ratio.num * wc, 100 * ratio.den);
    const adj = adjusted.get(item.code);
    const scoreH = adj ? toHundredths(adj.points)! : computedH;
    return {
      item: item.code,
      group: item.group,
      kind: item.kind,
      maxPoints: item.maxPoints,
      self: selfH / 100 + 0,
      cross: cross.length ? roundRatio(ratio.num, ratio.den) / 100 + 0 : null,
      crossCount: cross.length,
      computed: computedH / 100 + 0,
      score: scoreH / 100 + 0,
      adjustment: adj ? { points: adj.points, reason: adj.reason.trim() } : null,
    };
  });

  const groupsH: Record<string, number> = Object.fromEntries(criteria.groups.map((g) => [g.code, 0]));
  const sumH = { regular: 0, bonus: 0, penalty: 0 };
  let fullItems = 0;
  for (const i of items) {
    const h = toHundredths(i.score)!;
    sumH[i.kind] += h;
    if (i.kind === 'regular') {
      groupsH[i.group]! += h;
      if (h === toHundredths(i.maxPoints)) fullItems++;
    }
  }
  return ok({
    unit,
    items,
    groups: Object.fromEntries(Object.entries(groupsH).map(([g, h]) => [g, h / 100])),
    regularTotal: sumH.regular / 100,
    bonusTotal: sumH.bonus / 100,
    penaltyTotal: sumH.penalty / 100 + 0,
    total: (sumH.regular + sumH.bonus + sumH.penalty) / 100,
    fullItems,
    submittedAt: selfSheet?.submittedAt ?? null,
  });
}

/**
 * Every member's result, in the order of `members`. Sheets and adjustments naming a unit outside the members are
 * refused (NOT_CLUSTER_MEMBER { unit }); the first unit in error stops the run.
 */
export function aggregateRound(
  criteria: CriteriaSet,
  members: readonly string[],
  sheets: readonly ScoreSheet[],
  settings: AggregationSettings,
  adjustments: readonly HeadAdjustment[] = [],
): Result<UnitResult[]> {
  const known = new Set(members);
  for (const s of sheets) {
    if (!known.has(s.scorer)) return err('NOT_CLUSTER_MEMBER', { unit: s.scorer });
    if (!known.has(s.unit)) return err('NOT_CLUSTER_MEMBER', { unit: s.unit });
  }
  const stray = adjustments.find((a) => !known.has(a.unit));
  if (stray) return err('NOT_CLUSTER_MEMBER', { unit: stray.unit });
  const index = indexItems(criteria);
  const byUnit = new Map<string, ScoreSheet[]>();
  for (const s of sheets) {
    const list = byUnit.get(s.unit);
    if (list) list.push(s);
    else byUnit.set(s.unit, [s]);
  }
  const results: UnitResult[] = [];
  for (const m of members) {
    const r = aggregateIndexed(criteria, index, m, byUnit.get(m) ?? [], settings, adjustments);
    if (!r.ok) return r;
    results.push(r.value);
  }
  return ok(results);
}
