import type { z } from 'zod';
import type { ErrorCode } from '@thidua/domain';
import type { checkResponse, settingsOverrides } from '@thidua/contracts/eligibility.ts';
import type { Translate } from '@thidua/i18n';
import { AppError } from '../../http/app-error.ts';
import type { CheckOutcome } from '../../workers/eligibility-check.worker.ts';
import type { checkBatch } from './check-batch.ts';
import type { listQuotaPolicies } from './eligibility.queries.ts';
import type { loadIssuerSettings } from './issuer-settings.ts';

type QuotaRows = Awaited<ReturnType<typeof listQuotaPolicies>>;
type BatchResult = Awaited<ReturnType<typeof checkBatch>>;

export const presentQuotaList = (rows: QuotaRows, abilities: { set: boolean }) => ({
  items: rows.map((p) => ({
    authorityId: p.authority_id,
    awardCode: p.award_code,
    year: p.year,
    ratePercent: Number(p.rate_percent),
    rounding: p.rounding as 'floor' | 'half-up' | 'ceil',
    minOne: p.min_one,
    baseAwardCode: p.base_award_code,
  })),
  abilities,
});

export const presentSettings = (
  authorityId: number,
  year: number,
  loaded: Awaited<ReturnType<typeof loadIssuerSettings>>,
  abilities: { set: boolean },
) => ({
  authorityId,
  year,
  fromYear: loaded.fromYear,
  // stored overrides were checked against the same schema when they were set
  overrides: loaded.overrides as z.infer<typeof settingsOverrides>,
  effective: loaded.settings,
  abilities,
});

/** JSON answers carry the first `limit` candidates in ranked order, with the true total. */
export const presentBatch = (result: BatchResult, limit: number) => ({
  ...result,
  candidatesTotal: result.candidates.length,
  candidates: result.candidates.slice(0, limit),
});

function csv(rows: Array<Array<string | number | boolean | null>>): string {
  const cell = (v: string | number | boolean | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // BOM so spreadsheet programs read Vietnamese as UTF-8
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Every candidate of a batch as CSV, headers in the caller's language. */
export function exportBatchCsv(result: BatchResult, t: Translate): string {
  const header = ['id', 'name', 'unit', 'eligible', 'withinQuota', 'merit', 'unmet', 'outsideQuota'].map((h) =>
    t(`reports:eligibilityExport.${h}`),
  );
  return csv([
    header,
    ...result.candidates.map((c) => [c.id, c.name, c.unitName, c.eligible, c.withinQuota, c.merit, c.failed.join(' '), c.outsideReason]),
  ]);
}

/** The worker's answer to a contract check: the results, or the error naming what is wrong. */
export function presentCheckOutcome(outcome: CheckOutcome) {
  // the domain's renderer produces exactly the contract's document
  if (outcome.ok) return outcome.results as z.infer<typeof checkResponse>;
  switch (outcome.kind) {
    case 'invalid_utf8':
      throw new AppError('VALIDATION_FAILED', {}, [{ path: '(body)', key: 'invalid_utf8' }]);
    case 'invalid_json':
      throw new AppError('INVALID_JSON');
    case 'too_many_cases':
      throw new AppError('PAYLOAD_TOO_LARGE', {}, [
        { path: 'cases', key: 'too_many_cases', params: { max: outcome.max, given: outcome.given } },
      ]);
    case 'input':
      throw new AppError(outcome.code as ErrorCode, outcome.params, [
        { path: String(outcome.params.path), key: 'eligibility_input', params: { line: outcome.line } },
      ]);
  }
}
