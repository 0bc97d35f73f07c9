/**
 * Points an item may take, and the exact arithmetic of scores (spec §6.3, §7.1 ScoreSheet entries).
 *
 * Exact arithmetic: every score is held as an integer number of HUNDREDTHS of a point while it is computed
 * (`toHundredths` / `fromHundredths`), so sums never drift (0.1 + 0.2 is never 0.30000000000000004). Points shown to
 * people are the hundredths divided by 100, i.e. numbers with at most two decimals.
 *
 * The grid of entered points ❓: national texts fix none; each cluster's quy chế does. The default step is 0.25 point
 * (quarter points are common in published tables); a cluster may set 0.5, 1 or 0.01 (`ScoringGrid.step`).
 * Computed (proportional) scores are not bound to the step: they are rounded half-up to the hundredth.
 */
import { err, ok, type Result } from '../shared/result.ts';
import type { CriterionItem } from './criteria.ts';

/** The grid entered points must sit on (a setting of the cluster ❓). */
export interface ScoringGrid {
  /** Smallest step of entered points, a whole number of hundredths (0.25 by default). */
  readonly step: number;
}
export const DEFAULT_GRID: ScoringGrid = { step: 0.25 };

/** `points` as an integer number of hundredths, or undefined when it is not a finite number with ≤ 2 decimals. */
export function toHundredths(points: number): number | undefined {
  if (!Number.isFinite(points)) return undefined;
  const h = Math.round(points * 100);
  return Math.abs(h - points * 100) < 1e-6 ? h : undefined;
}
export const fromHundredths = (h: number): number => h / 100;

/** num/den rounded half away from zero to an integer (den > 0), in integers only. */
export function roundRatio(num: number, den: number): number {
  if (num < 0) return -roundRatio(-num, den);
  return Math.floor((2 * num + den) / (2 * den));
}

/** The range of points of an item: regular and bonus items [0, max]; penalty items [-max, 0] (entered negative). */
export function pointsRange(item: Pick<CriterionItem, 'kind' | 'maxPoints'>): { min: number; max: number } {
  return item.kind === 'penalty' ? { min: -item.maxPoints, max: 0 } : { min: 0, max: item.maxPoints };
}

/** The points an item takes, in a notation without words (shown in the error): "0; 10", "0 … 10 (×0.25)". */
export function allowedPoints(item: CriterionItem, grid: ScoringGrid = DEFAULT_GRID): string {
  const sign = item.kind === 'penalty' ? -1 : 1;
  const { min, max } = pointsRange(item);
  switch (item.method) {
    case 'binary':
      return `0; ${sign * item.maxPoints}`;
    case 'graded':
      return [...(item.levels ?? [])]
        .sort((a, b) => a - b)
        .map((l) => sign * l)
        .join('; ');
    case 'proportional':
      return `${min} … ${max}`;
    case 'manual':
      return `${min} … ${max} (×${grid.step})`;
  }
}

/**
 * Whether `points` may be entered for `item` (by a scorer, or by the head's adjustment):
 * - binary: exactly 0 or the maximum (−max for a penalty), never a fraction of it;
 * - graded: one of the listed levels (negated for a penalty);
 * - manual: within the range, on the grid's step;
 * - proportional: within the range, to the hundredth (the value `scoreFor` computes, or an adjustment of it);
 * - penalties are entered as negative points in [−max, 0]; every other kind in [0, max].
 * The error is SCORE_INVALID naming the item: { item, points, allowed, rule }.
 */
export function validatePoints(item: CriterionItem, points: number, grid: ScoringGrid = DEFAULT_GRID): Result<number> {
  const fail = (rule: string) =>
    err('SCORE_INVALID', { item: item.code, points: String(points), allowed: allowedPoints(item, grid), rule });
  const h = toHundredths(points);
  if (h === undefined) return fail(Number.isFinite(points) ? 'precision' : 'notANumber');
  const { min, max } = pointsRange(item);
  if (h < min * 100) return fail(item.kind === 'penalty' ? 'belowMin' : 'negative');
  if (h > max * 100) return fail(item.kind === 'penalty' ? 'positivePenalty' : 'aboveMax');
  const magnitude = Math.abs(h);
  switch (item.method) {
    case 'binary':
      if (magnitude !== 0 && magnitude !== item.maxPoints * 100) return fail('binary');
      break;
    case 'graded':
      if (!(item.levels ?? []).some((l) => Math.round(l * 100) === magnitude)) return fail('notALevel');
      break;
    case 'manual':
      if (magnitude % Math.round(grid.step * 100) !== 0) return fail('step');
      break;
    case 'proportional':
      break;
  }
  return ok(h / 100);
}

/**
 * A proportional item's points from the achieved value: max × achieved / target, capped at the maximum
 * (over-achievement earns no more than max ❓ — bonus items reward it), rounded half-up to the hundredth. A penalty
 * item gives the negative of the same. The achieved value must be a finite number ≥ 0 (SCORE_INVALID otherwise).
 */
export function scoreFor(item: CriterionItem, achieved: number): Result<number> {
  if (item.method !== 'proportional' || item.target === undefined || !(item.target > 0))
    return err('SCORE_INVALID', { item: item.code, points: String(achieved), allowed: allowedPoints(item), rule: 'notProportional' });
  if (!Number.isFinite(achieved) || achieved < 0)
    return err('SCORE_INVALID', { item: item.code, points: String(achieved), allowed: allowedPoints(item), rule: 'negative' });
  const maxH = Math.round(item.maxPoints * 100);
  // the ratio achieved / target on integers (6 decimals of each, BigInt: a target may be a large amount of money)
  const a = BigInt(Math.round(achieved * 1e6));
  const t = BigInt(Math.round(item.target * 1e6));
  const h = a >= t ? maxH : Number((2n * BigInt(maxH) * a + t) / (2n * t));
  const signed = item.kind === 'penalty' ? -h : h;
  return ok(signed / 100 + 0); // + 0: no −0
}

/**
 * `validatePoints` on integer hundredths, without building an error: true when `h` may be entered for `item` with the
 * grid step `stepH` (in hundredths). Used on stored sheets, where a refusal is then explained by `validatePoints`.
 */
export function fitsItem(item: CriterionItem, h: number, stepH: number): boolean {
  if (!Number.isInteger(h)) return false;
  const maxH = Math.round(item.maxPoints * 100);
  if (item.kind === 'penalty' ? h < -maxH || h > 0 : h < 0 || h > maxH) return false;
  const magnitude = Math.abs(h);
  switch (item.method) {
    case 'binary':
      return magnitude === 0 || magnitude === maxH;
    case 'graded':
      return (item.levels ?? []).some((l) => Math.round(l * 100) === magnitude);
    case 'manual':
      return magnitude % stepH === 0;
    case 'proportional':
      return true;
  }
}
