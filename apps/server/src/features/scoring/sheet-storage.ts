import { criteriaItems, toHundredths, type CriteriaSet } from '@thidua/domain';

export interface SheetEntryIn {
  item: string;
  points: number;
  comment?: string;
}

/**
 * A sheet as stored: each item's points in hundredths in the order of the (frozen) table's items, null where nothing
 * is entered, and the comments by item code. Entries must have been checked against the table (`checkSheetEntries`).
 */
export function toStored(criteria: CriteriaSet, entries: readonly SheetEntryIn[]) {
  const given = new Map(entries.map((e) => [e.item, e]));
  const points = criteriaItems(criteria).map((i) => {
    const e = given.get(i.code);
    return e ? toHundredths(e.points)! : null;
  });
  const comments = Object.fromEntries(entries.filter((e) => e.comment).map((e) => [e.item, e.comment!]));
  return { points, comments };
}

/** The entries of a stored sheet, in the table's order. */
export function fromStored(criteria: CriteriaSet, points: ReadonlyArray<number | null>, comments: unknown): SheetEntryIn[] {
  const notes = (typeof comments === 'string' ? JSON.parse(comments) : (comments ?? {})) as Record<string, string>;
  return criteriaItems(criteria).flatMap((i, k) => {
    const h = points[k];
    if (h === null || h === undefined) return [];
    return [{ item: i.code, points: h / 100 + 0, ...(notes[i.code] ? { comment: notes[i.code] } : {}) }];
  });
}

/** The total of a sheet, exact to the hundredth. */
export const sheetTotal = (entries: ReadonlyArray<{ points: number }>): number =>
  entries.reduce((s, e) => s + (toHundredths(e.points) ?? 0), 0) / 100 + 0;
