import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, signIn, type TestContext } from '../../test/harness.ts';
import { fixedClock } from '../../lib/clock.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const login = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the user with a CSRF token', async () => {
    const res = await login({ username: 'demo-admin', password: 'thidua-demo' });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'thidua_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user).toMatchObject({
      username: 'demo-admin',
      role: 'SYSTEM_ADMIN',
      abilities: { createUnit: true, manageUsers: true },
    });
    expect(res.json().csrfToken).toEqual(expect.any(String));
    // the password hash is argon2id and the token is stored only as a hash
    const row = await t.database.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'demo-admin')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const stored = await t.database.db.selectFrom('user_session').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookie.value);
  });

  it('refuses a wrong password and an unknown user alike, localised', async () => {
    const wrong = await login({ username: 'demo-admin', password: 'nope' }, { 'accept-language': 'ru' });
    const unknown = await login({ username: 'nobody', password: 'nope' }, { 'accept-language': 'ru' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(wrong.json().error.message).toMatch(/[а-яА-Я]/);
  });

  it('refuses malformed bodies with 400 naming the field', async () => {
    expect((await login('{"username":')).json().error.code).toBe('INVALID_JSON');
    const extra = await login({ username: 'a', password: 'b', role: 'SYSTEM_ADMIN' });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields[0].path).toBe('role');
    const missing = await login({ username: 'a' });
    expect(missing.json().error.fields[0]).toMatchObject({ path: 'password', message: 'bắt buộc phải có' });
  });

  it('me answers 401 without a session and the user with one; logout revokes the session', async () => {
    expect((await t.anonymous.get('/api/v1/auth/me')).statusCode).toBe(401);
    const c = await signIn(t.app, 'demo-viewer');
    expect((await c.get('/api/v1/auth/me')).json().user.role).toBe('VIEWER');
    const out = await c.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await c.get('/api/v1/clusters')).statusCode).toBe(401);
  });

  it('an expired session is anonymous, even one the server has just resolved', async () => {
    const clock = fixedClock('2026-05-04T02:00:00Z');
    const own = await createTestContext({ peoplePerUnit: 1, clock, jobWorker: false });
    try {
      const c = await signIn(own.app, 'demo-council');
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
      // the test context's sessions last an hour
      clock.set('2026-05-04T02:59:59Z');
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
      clock.set('2026-05-04T03:00:01Z');
      expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    } finally {
      await own.close();
    }
  });

  it('logout needs the CSRF token', async () => {
    const c = await signIn(t.app, 'demo-unit');
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: c.cookies });
    expect(res.statusCode).toBe(403);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});

describe('rate limit', () => {
  it('stops sign-in attempts after the configured number per minute, even with the right password', async () => {
    const limited = await createTestContext({ loginRateLimitMax: 3, peoplePerUnit: 1 });
    try {
      const attempt = (password: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'demo-admin', password },
          headers: { 'accept-language': 'en' },
        });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await attempt(`guess-${i}`)).statusCode);
      expect(codes).toEqual([401, 401, 401, 429]);
      const res = await attempt('thidua-demo');
      expect(res.statusCode).toBe(429);
      expect(res.json().error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Too many attempts/) });
    } finally {
      await limited.close();
    }
  });
});

describe('health and API description', () => {
  it('health answers 200 with a reachable database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
  it('publishes OpenAPI 3.1 generated from the route schemas', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/clusters/', '/api/v1/clusters/{id}', '/api/v1/auth/login', '/api/v1/units/{id}', '/api/v1/people/']),
    );
    expect(doc.paths['/api/v1/clusters/{id}'].patch.requestBody).toBeDefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });
  it('an unknown API path is a JSON 401 for strangers and a JSON 404 for signed-in users, never a stack trace', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })).statusCode).toBe(401);
    const res = await (await t.as('demo-admin')).get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
