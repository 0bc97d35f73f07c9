import { describe, expect, it } from 'vitest';
import { describeChanges } from './HistoryPanel.tsx';

describe('describeChanges', () => {
  it('reads field-by-field edits, naming fields as the API does', () => {
    expect(describeChanges({ changes: { short_name: { from: 'Lam Sơn', to: 'Lam Sơn (sửa)' }, version: { from: 1, to: 2 } } })).toEqual([
      { field: 'shortName', from: 'Lam Sơn', to: 'Lam Sơn (sửa)' },
    ]);
  });
  it('lists the facts of other events', () => {
    expect(describeChanges({ unitId: 16, year: 2025 })).toEqual([
      { field: 'unitId', to: 16 },
      { field: 'year', to: 2025 },
    ]);
    expect(describeChanges(null)).toEqual([]);
  });
});
