import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '@thidua/domain';
import { negotiateLanguage, translator, type Translate } from '@thidua/i18n';
import { AppError, type FieldProblem } from './app-error.ts';
import { WorkersBusyError } from '../workers/pool.ts';
import { fieldLabel, routeArea } from './field-labels.ts';

/** THE table: every domain and HTTP error code has exactly one status. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  DUPLICATE_DECISION_NUMBER: 400,
  MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME: 400,
  DATE_RANGE_INVALID: 400,
  UNIT_CYCLE: 400,
  RULEBOOK_NOT_IN_FORCE: 400,
  INVALID_RESET_CODE: 400,
  CRITERIA_INVALID: 400,
  SCORE_INVALID: 400,
  OWN_UNIT_CROSS_SCORE: 400,
  ADJUSTMENT_NEEDS_REASON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  NOT_CLUSTER_MEMBER: 403,
  NOT_ASSIGNED_TO_SCORE: 403,
  NOT_FOUND: 404,
  STALE_WRITE: 409,
  CONFLICT: 409,
  PERIOD_CLOSED: 409,
  ALREADY_VOTED: 409,
  EVIDENCE_ALREADY_USED: 409,
  DOCUMENT_ISSUED: 409,
  DOCUMENT_NOT_ISSUED: 409,
  CRITERIA_FROZEN: 409,
  SHEET_SUBMITTED: 409,
  ADJUSTMENT_ANSWERED: 409,
  EVIDENCE_REQUIRED: 400,
  EVIDENCE_TYPE: 400,
  BALLOT_CHOICES_INVALID: 400,
  BALLOT_NOT_OPEN: 409,
  BALLOT_CLOSED: 409,
  RESULTS_NOT_READY: 409,
  ROTATION_BROKEN: 409,
  ROUND_NOT_OPEN: 409,
  ROUND_CLOSED: 409,
  PAYLOAD_TOO_LARGE: 413,
  NOT_ELIGIBLE: 422,
  ISSUE_NEEDS_REASON: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** Unique indexes whose violation (two saves racing past the check) belongs to one field of the request. */
const UNIQUE_FIELDS: Record<string, string> = {
  unit_code_key_uq: 'code',
  person_code_key_uq: 'code',
  cluster_code_key_uq: 'code',
  decision_number_key_uq: 'decision.number',
  document_number_uq: 'issueDate',
};

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    fields?: Array<{ path: string; message: string }>;
    details?: Record<string, string | number>;
  };
}

export function requestTranslator(request: FastifyRequest): Translate {
  return translator(negotiateLanguage(request.headers['accept-language']));
}

/** zod issue → a field problem with a message key of our own (zod's English text never reaches users). */
function zodFieldProblems(
  error: { validation: Array<{ instancePath: string; keyword: string; message: string; params: Record<string, unknown> }> },
  context?: string,
): FieldProblem[] {
  return error.validation.flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const prefix = context && context !== 'body' ? `${context}.` : '';
    const p = issue.params;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(p.keys)) {
      return (p.keys as string[]).map((key) => ({ path: prefix + (base ? `${base}.${key}` : key), key: 'unrecognized_keys', params: {} }));
    }
    const params: Record<string, unknown> = {};
    for (const k of ['expected', 'minimum', 'maximum', 'format', 'origin']) if (p[k] !== undefined) params[k] = String(p[k]);
    if (Array.isArray(p.values)) params.values = (p.values as unknown[]).join(', ');
    // zod does not echo the input; its own text says whether the value was absent
    if (issue.keyword === 'invalid_type' && /received undefined/.test(issue.message))
      return [{ path: prefix + base, key: 'required', params }];
    if (issue.keyword === 'custom' && typeof p.params === 'object' && p.params && 'key' in p.params) {
      return [{ path: prefix + base, key: String((p.params as { key: string }).key), params }];
    }
    return [{ path: prefix + base, key: issue.keyword, params }];
  });
}

/**
 * The answer's body in the caller's language. `fields` keep their request paths for programs; the message names
 * them by the labels their forms show (`area`: the route's part of the API, see field-labels.ts).
 */
export function renderError(
  t: Translate,
  code: ErrorCode,
  rawParams: Record<string, unknown>,
  fields: FieldProblem[],
  details?: Record<string, string | number>,
  area?: string,
): ErrorBody {
  // entity codes ('cluster', 'unit', …) are shown by their localised names
  const params = typeof rawParams.entity === 'string' ? { ...rawParams, entity: t(`errors:entities.${rawParams.entity}`) } : rawParams;
  const rendered = fields.map((f) => ({ path: f.path || '(root)', message: t(`errors:validation.${f.key}`, f.params ?? {}) }));
  const message =
    fields.length > 0
      ? `${t(`errors:codes.${code}`, params)} ${rendered.map((f) => `${fieldLabel(t, area, f.path)}: ${f.message}`).join('; ')}`
      : t(`errors:codes.${code}`, params);
  return { error: { code, message, ...(rendered.length ? { fields: rendered } : {}), ...(details ? { details } : {}) } };
}

export function classify(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validationContext?: string; type?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    return new AppError('VALIDATION_FAILED', {}, zodFieldProblems(e as never, e.validationContext));
  }
  if (
    e?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    e?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (e instanceof SyntaxError && e.statusCode === 400)
  ) {
    return new AppError('INVALID_JSON');
  }
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e?.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (e?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e?.statusCode === 415)
    return new AppError('VALIDATION_FAILED', {}, [{ path: 'content-type', key: 'content_type' }]);
  // the router's own refusals: a URL that does not decode, a path parameter longer than the router takes
  if (e?.code === 'FST_ERR_BAD_URL' || e?.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return new AppError('VALIDATION_FAILED', {}, [{ path: '(url)', key: 'malformed' }]);
  if (e?.code === 'FST_CSRF_INVALID_TOKEN' || e?.code === 'FST_CSRF_MISSING_SECRET') return new AppError('CSRF_INVALID');
  if (e?.statusCode === 429 || error instanceof WorkersBusyError) return new AppError('RATE_LIMITED');
  // a database constraint caught what a check before it could not (two requests racing): answer as the check would
  const pgCode = (error as { code?: unknown })?.code;
  if (pgCode === '23505') {
    const field = UNIQUE_FIELDS[String((error as { constraint?: unknown }).constraint)];
    return field ? new AppError('CONFLICT', {}, [{ path: field, key: 'code_unavailable' }]) : new AppError('CONFLICT');
  }
  if (pgCode === '23503' || pgCode === '23514' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008')
    return new AppError('VALIDATION_FAILED', {}, [{ path: '(request)', key: 'malformed' }]);
  if (pgCode === '40001' || pgCode === '40P01') return new AppError('CONFLICT');
  if (e?.statusCode === 404) return new AppError('NOT_FOUND', { entity: 'route', id: '' });
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return new AppError('VALIDATION_FAILED', {}, [{ path: '(request)', key: 'malformed' }]);
  return new AppError('INTERNAL');
}

/** Any error, answered with the table's status and the caller's language. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const appError = classify(error);
  const status = STATUS_BY_CODE[appError.code];
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  const area = routeArea(request.routeOptions?.url);
  void reply
    .status(status)
    .send(renderError(requestTranslator(request), appError.code, appError.params, appError.fields, appError.details, area));
}

/**
 * Fastify's `frameworkErrors`: what the router refuses before any route runs goes through the same table. No hook
 * runs for it either, so it says itself that the answer is not to be cached.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
  sendError(error, request, reply);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply: FastifyReply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send(renderError(requestTranslator(request), 'NOT_FOUND', { entity: 'route', id: request.url }, []));
  });
}
