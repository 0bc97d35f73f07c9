import { describe, expect, it } from 'vitest';
import { isErrorCode } from './errors.ts';
import { err, ok } from './result.ts';

describe('errors', () => {
  it('recognises only codes of the closed set', () => {
    expect(isErrorCode('STALE_WRITE')).toBe(true);
    expect(isErrorCode('stale_write')).toBe(false);
  });
  it('builds results', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('NOT_FOUND', { id: 7 })).toEqual({ ok: false, code: 'NOT_FOUND', params: { id: 7 } });
  });
});
