import type { z } from 'zod';
import type { ErrorCode } from '@thidua/domain';
import ExcelJS from 'exceljs';
import type { batchQuery, checkResponse, settingsOverrides } from '@thidua/contracts/eligibility.ts';
import type { Translate } from '@thidua/i18n';
import { AppError } from '../../http/app-error.ts';
import type { CheckOutcome } from '../../workers/eligibility-check.worker.ts';
import type { checkBatch } from '../../history/check-batch.ts';
import type { listQuotaPolicies } from '../../history/population.ts';
import type { loadIssuerSettings } from '../../history/issuer-settings.ts';

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

type Candidate = BatchResult['candidates'][number];
export type BatchView = Pick<z.infer<typeof batchQuery>, 'page' | 'pageSize' | 'sort' | 'order' | 'filter'>;

const STANDING_ORDER = { within: 0, tie: 1, outside: 2 } as const;
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** How each column sorts; equal rows keep the ranked order the batch was judged in. */
const BY: Record<BatchView['sort'], (a: Candidate, b: Candidate) => number> = {
  rank: (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity),
  code: (a, b) => collator.compare(a.code, b.code),
  name: (a, b) => collator.compare(a.name, b.name),
  unit: (a, b) => collator.compare(a.unitName, b.unitName),
  merit: (a, b) => a.merit - b.merit,
  eligible: (a, b) => Number(b.eligible) - Number(a.eligible),
  standing: (a, b) => (a.standing ? STANDING_ORDER[a.standing] : 3) - (b.standing ? STANDING_ORDER[b.standing] : 3),
};

/** The candidates a view asks for, filtered and sorted, all of them (exports) or one page (JSON). */
export function viewCandidates(result: BatchResult, view: Omit<BatchView, 'page' | 'pageSize'>): Candidate[] {
  const kept = result.candidates
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => view.filter === 'all' || c.eligible === (view.filter === 'eligible'));
  const sign = view.order === 'desc' ? -1 : 1;
  // rows without a rank or a standing stay last whichever way the column is turned
  const unranked = (c: Candidate) => (view.sort === 'rank' && c.rank === null) || (view.sort === 'standing' && c.standing === null);
  return kept
    .sort((x, y) => Number(unranked(x.c)) - Number(unranked(y.c)) || sign * BY[view.sort](x.c, y.c) || x.index - y.index)
    .map(({ c }) => c);
}

/** JSON answers carry one page of the candidates, filtered and sorted, with the true total: every row is reachable. */
export function presentBatch(result: BatchResult, view: BatchView) {
  const all = viewCandidates(result, view);
  const from = (view.page - 1) * view.pageSize;
  return {
    ...result,
    candidatesTotal: all.length,
    page: view.page,
    pageSize: view.pageSize,
    candidates: all.slice(from, from + view.pageSize),
  };
}

/** Rows of an exported batch: staff codes, words in the reader's language, the rank and the standing. */
function exportRows(result: BatchResult, view: Omit<BatchView, 'page' | 'pageSize'>, t: Translate) {
  const header = ['rank', 'code', 'name', 'unit', 'eligible', 'standing', 'merit', 'unmet', 'outsideQuota'].map((h) =>
    t(`reports:eligibilityExport.${h}`),
  );
  const rows = viewCandidates(result, view).map((c) => [
    c.rank,
    c.code,
    c.name,
    c.unitName,
    t(c.eligible ? 'reports:eligibilityExport.values.met' : 'reports:eligibilityExport.values.notMet'),
    c.standing ? t(`reports:eligibilityExport.values.${c.standing}`) : '',
    c.merit,
    c.failed.map((code) => t(`records:failed.${code}`, { defaultValue: code })).join('; '),
    c.outsideReason ?? '',
  ]);
  return { header, rows };
}

function csv(rows: Array<Array<string | number | null>>): string {
  const cell = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  // BOM so spreadsheet programs read Vietnamese as UTF-8
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Every candidate of a batch (in the view's filter and order) as CSV, headers in the caller's language. */
export function exportBatchCsv(result: BatchResult, view: Omit<BatchView, 'page' | 'pageSize'>, t: Translate): string {
  const { header, rows } = exportRows(result, view, t);
  return csv([header, ...rows]);
}

/** The same as an Excel workbook: a header row in the caller's language, frozen, filterable, columns sized to fit. */
export async function exportBatchXlsx(result: BatchResult, view: Omit<BatchView, 'page' | 'pageSize'>, t: Translate): Promise<Buffer> {
  const { header, rows } = exportRows(result, view, t);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  const sheet = workbook.addWorksheet(t('reports:eligibilityExport.sheet', { year: result.year }).slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.addRow([`${result.awardName} – ${result.year}`]).font = { bold: true, size: 13 };
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: header.length } };
  const widths = [8, 16, 28, 36, 16, 18, 10, 40, 48];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return Buffer.from(await workbook.xlsx.writeBuffer());
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
