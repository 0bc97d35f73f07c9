import type { ErrorCode } from '@thidua/domain';

export interface FieldProblem {
  path: string;
  /** i18n key under errors:validation, with its parameters */
  key: string;
  params?: Record<string, unknown>;
}

/** The one error type handlers throw; error-handler.ts turns it into a status and a localised message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly fields: FieldProblem[] = [],
    /** Facts sent with the answer as they are (not localised), e.g. who saved a record in between. */
    readonly details?: Record<string, string | number>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string, id: unknown) => new AppError('NOT_FOUND', { entity, id: String(id) });
export const fieldError = (path: string, code: ErrorCode, key: string, params: Record<string, unknown> = {}) =>
  new AppError(code, params, [{ path, key, params }]);
