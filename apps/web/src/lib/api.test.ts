import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { page } from '@thidua/contracts/shared.ts';
import { unitSchema } from '@thidua/contracts/units.ts';
import { ApiError, api, configureApi, noContent, request, setCsrfToken } from './api.ts';

const anything = z.unknown();
import { mockApi } from '../test-utils.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  configureApi({ language: () => 'vi', onUnauthorized: () => {} });
});

describe('api client', () => {
  it('sends the chosen language, same-origin credentials, and the query without empty values', async () => {
    const { calls } = mockApi({ 'GET /units': { body: { items: [], total: 0, page: 1, pageSize: 20 } } });
    configureApi({ language: () => 'ru' });
    await api.get(page(unitSchema), '/units', { q: 'Lam Sơn', page: 2, unitType: undefined, authorityId: '' });
    expect(calls[0]!.headers['accept-language']).toBe('ru');
    expect(calls[0]!.credentials).toBe('same-origin');
    expect(calls[0]!.url.search).toBe('?q=Lam+S%C6%A1n&page=2');
  });

  it('sends the CSRF token on writes only', async () => {
    const { calls } = mockApi({ 'GET /units/1': { body: {} }, 'PATCH /units/1': { body: {} }, 'POST /auth/logout': { status: 204 } });
    setCsrfToken('t0k3n');
    await api.get(anything, '/units/1');
    await api.patch(anything, '/units/1', { version: 3, name: 'X' });
    await api.post(noContent, '/auth/logout');
    expect(calls[0]!.headers['x-csrf-token']).toBeUndefined();
    expect(calls[1]!.headers['x-csrf-token']).toBe('t0k3n');
    expect(calls[1]!.headers['content-type']).toBe('application/json');
    expect(calls[1]!.body).toEqual({ version: 3, name: 'X' });
    expect(calls[2]!.headers['x-csrf-token']).toBe('t0k3n');
  });

  it('turns the error body into an ApiError with the localised message and field errors', async () => {
    mockApi({
      'PATCH /units/1': {
        status: 422,
        body: { error: { code: 'VALIDATION', message: 'Dữ liệu không hợp lệ', fields: [{ path: 'name', message: 'Bắt buộc' }] } },
      },
    });
    const error = await api.patch(unitSchema, '/units/1', { version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'VALIDATION',
      message: 'Dữ liệu không hợp lệ',
      fields: [{ path: 'name', message: 'Bắt buộc' }],
    });
  });

  it('reports a lost session on 401, except where a 401 is the expected answer', async () => {
    const onUnauthorized = vi.fn();
    configureApi({ onUnauthorized });
    mockApi({
      'GET /units': { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'x' } } },
      'POST /auth/login': { status: 401, body: { error: { code: 'INVALID_CREDENTIALS', message: 'Sai' } } },
    });
    setCsrfToken('old');
    await expect(api.get(anything, '/units')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(request('POST', '/auth/login', { body: {}, expectUnauthorized: true })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('parses every answer with its contract: a drifted answer is an error naming the field, never a wrong value', async () => {
    const unit = { id: 1, name: 'Lam Sơn' };
    mockApi({ 'GET /units': { body: { items: [unit], total: 1, page: 1, pageSize: 20 } } });
    const error = await api.get(page(z.object({ id: z.number(), title: z.string() })), '/units').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'CONTRACT_MISMATCH', fields: [{ path: 'items.0.title', message: 'invalid_type' }] });
  });
});
