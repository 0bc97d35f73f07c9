import { z } from 'zod';

// The one way the web app talks to the server: same-origin fetch, JSON in and out,
// the chosen language in Accept-Language, the CSRF token on writes, one error shape.

export interface FieldError {
  path: string;
  message: string;
}

/** An error answered by the API: `{ error: { code, message, fields } }`; the message is already localised. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  /** Facts the server sends with some refusals (STALE_WRITE: who saved in between); parse them with their contract. */
  readonly details: unknown;
  constructor(status: number, code: string, message: string, fields: FieldError[] = [], details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface ClientState {
  csrfToken: string | null;
  language: () => string;
  onUnauthorized: () => void;
}

const state: ClientState = {
  csrfToken: null,
  language: () => 'vi',
  onUnauthorized: () => {},
};

/** Kept from the login answer or `GET /auth/me`; sent back on every write. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

export function configureApi(options: Partial<Pick<ClientState, 'language' | 'onUnauthorized'>>): void {
  Object.assign(state, options);
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** A 401 here is an answer, not a lost session (login, the first `me`). */
  expectUnauthorized?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.language(),
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['x-csrf-token'] = state.csrfToken;

  // a file goes as its bytes (an upload), anything else as JSON
  const binary = options.body instanceof Blob;
  if (binary) headers['Content-Type'] = 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : binary ? (options.body as Blob) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if ((cause as Error)?.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', '');
  }

  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (response.ok) return payload as T;

  const error = (payload as { error?: { code?: string; message?: string; fields?: FieldError[]; details?: unknown } } | null)?.error;
  const apiError = new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? '',
    error?.fields ?? [],
    error?.details,
  );
  if (response.status === 401 && !options.expectUnauthorized) {
    state.csrfToken = null;
    state.onUnauthorized();
  }
  throw apiError;
}

/**
 * Every answer is parsed with its contract (`@thidua/contracts`), never cast: a server that drifts from the contract
 * is an error the screen reports, not a wrong value shown.
 */
export function parseAnswer<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  throw new ApiError(
    0,
    'CONTRACT_MISMATCH',
    '',
    result.error.issues.slice(0, 5).map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.code })),
  );
}

/** The answer of a write that returns nothing (204). */
export const noContent = z.undefined();

export const api = {
  get: <S extends z.ZodType>(schema: S, path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<unknown>('GET', path, { query, signal }).then((p) => parseAnswer(schema, p)),
  post: <S extends z.ZodType>(schema: S, path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<unknown>('POST', path, { ...options, body }).then((p) => parseAnswer(schema, p)),
  patch: <S extends z.ZodType>(schema: S, path: string, body: unknown) =>
    request<unknown>('PATCH', path, { body }).then((p) => parseAnswer(schema, p)),
  put: <S extends z.ZodType>(schema: S, path: string, body: unknown) =>
    request<unknown>('PUT', path, { body }).then((p) => parseAnswer(schema, p)),
  delete: <S extends z.ZodType>(schema: S, path: string, query?: RequestOptions['query']) =>
    request<unknown>('DELETE', path, { query }).then((p) => parseAnswer(schema, p)),
  /** A file's bytes as the body (`application/octet-stream`); what it is for goes in the query. */
  upload: <S extends z.ZodType>(schema: S, path: string, file: Blob, query?: RequestOptions['query']) =>
    request<unknown>('POST', path, { query, body: file }).then((p) => parseAnswer(schema, p)),
};

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
