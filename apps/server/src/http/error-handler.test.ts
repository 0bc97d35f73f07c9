import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@thidua/domain';
import { LANGUAGES, translator } from '@thidua/i18n';
import { AppError } from './app-error.ts';
import { classify, renderError, STATUS_BY_CODE } from './error-handler.ts';

describe('the one error table', () => {
  it('gives every code a status and a message in every language', () => {
    for (const code of ERROR_CODES) {
      expect(STATUS_BY_CODE[code], code).toBeGreaterThanOrEqual(400);
      for (const lang of LANGUAGES) {
        const { error } = renderError(
          translator(lang),
          code,
          {
            entity: 'unit',
            id: '7',
            number: '1/QĐ-UBND',
            year: 2025,
            date: '2023-01-01',
            expected: 1,
            actual: 2,
            activeFrom: '2024-01-01',
            activeTo: '…',
            count: 3,
            item: '1.2',
            points: '0.5',
            allowed: '0; 10',
            version: 2,
            stage: 'cross',
            state: 'review',
            unit: 'TH-HOPLUC',
            scorer: 'TH-DALAN',
            target: 'TH-HATUBA',
            fileName: 'minh-chung.exe',
            max: 3,
            rule: 'noRepeat',
          },
          [],
        );
        expect(error.message, `${lang} ${code}`).not.toMatch(/^errors:|\{\{/);
      }
    }
  });

  it.each([
    [{ code: '23505' }, 'CONFLICT', 409],
    [{ code: '23503' }, 'VALIDATION_FAILED', 400],
    [{ code: '40001' }, 'CONFLICT', 409],
    [new Error('boom'), 'INTERNAL', 500],
    [{ code: 'FST_ERR_BAD_URL', statusCode: 400 }, 'VALIDATION_FAILED', 400],
    [{ code: 'FST_ERR_MAX_PARAM_LENGTH', statusCode: 414 }, 'VALIDATION_FAILED', 400],
    [new AppError('STALE_WRITE'), 'STALE_WRITE', 409],
  ])('classifies %o as %s', (error, code, status) => {
    const e = classify(error);
    expect(e.code).toBe(code);
    expect(STATUS_BY_CODE[e.code]).toBe(status);
  });

  it('never shows the internal error text', () => {
    const { error } = renderError(translator('en'), classify(new Error('relation "x" does not exist at /srv/app.ts:12')).code, {}, []);
    expect(error.message).not.toMatch(/relation|\.ts/);
  });
});
