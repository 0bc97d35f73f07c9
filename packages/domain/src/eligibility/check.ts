// The batch check of the contract (shared/contracts/eligibility-check.md): validate, pick the
// rulebook per case by its consideration date, evaluate. Language-independent; rendering to the
// contract's output (with localised messages) is a separate step given a translate function.
import { RULEBOOKS, selectRulebook, type Rulebook } from '../rulebook/rulebooks.ts';
import { DEFAULT_ISSUER_SETTINGS, type IssuerSettings } from '../rulebook/settings.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { evaluate } from './evaluate.ts';
import type { EligibilityCase, Reason, ReasonParam, Verdict } from './types.ts';
import { parseEligibilityInput, type InputIssue } from './validate-input.ts';

export const OUTPUT_FORMAT = 'thidua.eligibility-results/1';

export interface CaseResult extends Verdict {
  readonly id: string;
}

export interface CheckOptions {
  readonly settings?: IssuerSettings;
  readonly rulebooks?: readonly Rulebook[];
}

/**
 * Validates `thidua.eligibility-cases/1` and judges every case. On invalid input: an Err whose params
 * carry `path` (the JSON path), `issue` (the message code, `eligibility:input.<issue>`) and the
 * issue's own params. Codes: RULEBOOK_NOT_IN_FORCE for dates before the first rulebook, else
 * VALIDATION_FAILED.
 */
export function checkEligibilityCases(
  input: unknown,
  options: CheckOptions = {},
): Result<readonly CaseResult[], 'VALIDATION_FAILED' | 'RULEBOOK_NOT_IN_FORCE'> {
  const parsed = parseEligibilityInput(input);
  if (!parsed.ok) return inputError(parsed.issue);
  const settings = options.settings ?? DEFAULT_ISSUER_SETTINGS;
  const rulebooks = options.rulebooks ?? RULEBOOKS;
  const results: CaseResult[] = [];
  for (let i = 0; i < parsed.cases.length; i++) {
    const c: EligibilityCase = parsed.cases[i]!;
    const book = selectRulebook(c.proposal.date, rulebooks);
    if (!book) {
      return inputError({
        path: `cases[${i}].proposal.date`,
        code: 'RULEBOOK_NOT_IN_FORCE',
        params: { date: c.proposal.date, firstInForce: rulebooks[0]?.effectiveFrom ?? '' },
      });
    }
    results.push({ id: c.id, ...evaluate(c, book, settings) });
  }
  return ok(results);
}

function inputError(issue: InputIssue) {
  const code = issue.code === 'RULEBOOK_NOT_IN_FORCE' ? 'RULEBOOK_NOT_IN_FORCE' : 'VALIDATION_FAILED';
  return err(code, { path: issue.path, issue: issue.code, ...issue.params });
}

/** A translate function as given by `translator(lang)` of @thidua/i18n (keys `namespace:path`). */
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Reason params that hold vocabulary codes, and the vocabulary group that names them. */
const CODE_PARAMS: Readonly<Record<string, string>> = {
  award: 'awards',
  title: 'awards',
  titles: 'awards',
  required: 'ratings',
  actual: 'ratings',
  minScope: 'initiativeScopes',
  form: 'disciplineForms',
  claim: 'achievementClaims',
  subjectType: 'subjectTypes',
};

function localiseParams(params: Readonly<Record<string, ReasonParam>>, t: Translate): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    const group = CODE_PARAMS[key];
    const name = (code: string) => (group ? t(`vocabulary:${group}.${code}`) : code);
    out[key] = Array.isArray(value)
      ? value.map(name).join(t('eligibility:listSeparator'))
      : typeof value === 'string'
        ? name(value)
        : (value as number);
  }
  return out;
}

export function renderReason(reason: Reason, t: Translate): { rule: string; met: boolean; message: string } {
  return { rule: reason.rule, met: reason.met, message: t(`eligibility:reason.${reason.code}`, localiseParams(reason.params, t)) };
}

/** The contract's output document `thidua.eligibility-results/1`, messages in the translator's language. */
export function renderEligibilityResults(results: readonly CaseResult[], t: Translate) {
  return {
    format: OUTPUT_FORMAT,
    results: results.map((r) => ({
      id: r.id,
      eligible: r.eligible,
      rulebook: r.rulebook,
      reasons: r.reasons.map((reason) => renderReason(reason, t)),
    })),
  };
}

/** One line naming the JSON path and what is wrong: `cases[3].subject.ratings.2024: unknown rating "GOOD"`. */
export function renderInputError(params: Readonly<Record<string, string | number>>, t: Translate): string {
  const { path, issue, ...rest } = params;
  return `${path}: ${t(`eligibility:input.${String(issue)}`, rest)}`;
}
