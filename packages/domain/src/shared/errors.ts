/**
 * The closed set of error codes. The server maps each to one HTTP status (apps/server/src/http/error-handler.ts)
 * and every locale carries a message for each (packages/i18n/locales/<lang>/errors.json).
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'INVALID_RESET_CODE',
  'FORBIDDEN',
  'NOT_FOUND',
  'CSRF_INVALID',
  'RATE_LIMITED',
  'STALE_WRITE',
  'CONFLICT',
  'DUPLICATE_DECISION_NUMBER',
  'MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME',
  'DATE_RANGE_INVALID',
  'UNIT_CYCLE',
  'NOT_ELIGIBLE',
  'PERIOD_CLOSED',
  'ALREADY_VOTED',
  'EVIDENCE_ALREADY_USED',
  'RULEBOOK_NOT_IN_FORCE',
  'DOCUMENT_ISSUED',
  'DOCUMENT_NOT_ISSUED',
  'ISSUE_NEEDS_REASON',
  'CRITERIA_INVALID',
  'CRITERIA_FROZEN',
  'SCORE_INVALID',
  'ROUND_NOT_OPEN',
  'ROUND_CLOSED',
  'NOT_CLUSTER_MEMBER',
  'OWN_UNIT_CROSS_SCORE',
  'NOT_ASSIGNED_TO_SCORE',
  'ADJUSTMENT_NEEDS_REASON',
  'SHEET_SUBMITTED',
  'ADJUSTMENT_ANSWERED',
  'EVIDENCE_REQUIRED',
  'EVIDENCE_TYPE',
  'BALLOT_CHOICES_INVALID',
  'BALLOT_NOT_OPEN',
  'BALLOT_CLOSED',
  'RESULTS_NOT_READY',
  'ROTATION_BROKEN',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value);
}
