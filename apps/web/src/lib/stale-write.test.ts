import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { conflictRows, lastChangeOf, reapply } from './stale-write.ts';

const base = { name: 'Cụm 18', place: 'Thanh Hóa', note: null as string | null };

describe('a stale write', () => {
  it('lists the fields either side changed where the two differ, and which were the officer’s', () => {
    const mine = { ...base, name: 'Cụm 18 (sửa)', note: '' };
    const saved = { ...base, place: 'Sầm Sơn', note: null };
    expect(conflictRows(base, mine, saved)).toEqual([
      { field: 'name', mine: 'Cụm 18 (sửa)', saved: 'Cụm 18', changedByMe: true },
      { field: 'place', mine: 'Thanh Hóa', saved: 'Sầm Sơn', changedByMe: false },
    ]);
    // both chose the same value: no conflict
    expect(conflictRows(base, { ...base, name: 'X ' }, { ...base, name: 'X' })).toEqual([]);
  });

  it('re-applies the officer’s changes on the saved record; the fields they did not touch take the saved values', () => {
    const mine = { ...base, name: 'Cụm 18 (sửa)' };
    const saved = { name: 'Cụm 18 mới', place: 'Sầm Sơn', note: 'ghi chú' };
    expect(reapply(base, mine, saved)).toEqual({ name: 'Cụm 18 (sửa)', place: 'Sầm Sơn', note: 'ghi chú' });
  });

  it('reads who saved in between from the refusal, and nothing from any other error', () => {
    const details = { expected: 4, actual: 5, changedBy: 'Lê Thị Hoa', changedAt: '2025-05-02T03:04:00.000Z' };
    expect(lastChangeOf(new ApiError(409, 'STALE_WRITE', '', [], details))).toEqual({ by: 'Lê Thị Hoa', at: details.changedAt });
    expect(lastChangeOf(new ApiError(409, 'STALE_WRITE', '', [], { expected: 4, actual: 5 }))).toEqual({ by: undefined, at: undefined });
    expect(lastChangeOf(new ApiError(409, 'CONFLICT', '', [], details))).toEqual({});
  });
});
