// Public surface of the eligibility engine (used by the CLI, the HTTP route and proposal drafting).
export { checkEligibilityCases, renderEligibilityResults, renderInputError, renderReason, OUTPUT_FORMAT } from './check.ts';
export type { CaseResult, CheckOptions, Translate } from './check.ts';
export { evaluate, evaluateCase, evaluateCompiled, getCompiledRulebook, isEligible, isEligibleCompiled } from './evaluate.ts';
export { parseEligibilityInput, INPUT_FORMAT, INPUT_ISSUE_CODES, MIN_YEAR, MAX_YEAR } from './validate-input.ts';
export type { InputIssue, InputIssueCode, ParsedInput } from './validate-input.ts';
export { computeQuota, countsTowardQuotaBase, findQuotaPolicy, orderCandidates, quotaStanding, rankCandidates } from './quota.ts';
export type { QuotaStanding } from './quota.ts';
export { computeMerit } from './merit.ts';
export { CRITERIA_DELEGATED, verdictOutcome } from './outcome.ts';
export type { VerdictOutcome } from './outcome.ts';
export type { QuotaPolicy, QuotaCandidate, QuotaRanking, RoundingMode } from './quota.ts';
export type * from './types.ts';
