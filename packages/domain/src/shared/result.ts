import type { ErrorCode } from './errors.ts';

/** A domain outcome: either a value or a coded error with parameters (never a sentence). */
export type Result<T, C extends ErrorCode = ErrorCode> = Ok<T> | Err<C>;
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}
export interface Err<C extends ErrorCode = ErrorCode> {
  readonly ok: false;
  readonly code: C;
  readonly params: Readonly<Record<string, string | number>>;
}

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends ErrorCode>(code: C, params: Record<string, string | number> = {}): Err<C> => ({
  ok: false,
  code,
  params,
});
