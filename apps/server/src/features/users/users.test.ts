import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, signIn, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let th: number;
let cb: number;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1 });
  th = await idOf(t.database, 'authority', 'TH');
  cb = await idOf(t.database, 'authority', 'CB');
});
afterAll(() => t.close());

const account = (over: Record<string, unknown> = {}) => ({
  username: 'can-bo-moi',
  displayName: 'Cán bộ mới',
  password: 'mat-khau-du-dai',
  role: 'VIEWER',
  authorityId: th,
  ...over,
});

describe('accounts', () => {
  it('only administrators and committee officers manage accounts; a committee officer sees its authority only', async () => {
    expect((await t.anonymous.get('/api/v1/users')).statusCode).toBe(401);
    expect((await (await t.as('demo-viewer')).get('/api/v1/users')).statusCode).toBe(403);
    expect((await (await t.as('demo-unit')).post('/api/v1/users', account())).statusCode).toBe(403);
    const list = (await (await t.as('demo-committee')).get('/api/v1/users?pageSize=100')).json();
    expect(list.items.every((u: { authorityId: number }) => u.authorityId === th)).toBe(true);
    expect((await (await t.as('demo-admin')).get('/api/v1/users?pageSize=100')).json().total).toBe(7);
  });

  it('a committee officer creates accounts in its authority, never administrators nor elsewhere', async () => {
    const officer = await t.as('demo-committee');
    expect((await officer.post('/api/v1/users', account({ role: 'SYSTEM_ADMIN' }))).statusCode).toBe(403);
    expect((await officer.post('/api/v1/users', account({ authorityId: cb }))).statusCode).toBe(403);
    const missing = await officer.post('/api/v1/users', account({ role: 'UNIT_OFFICER' }));
    expect(missing.json().error.fields[0].path).toBe('unitId');
    const otherUnit = await idOf(t.database, 'unit', 'CB-VPUBND');
    expect((await officer.post('/api/v1/users', account({ role: 'UNIT_OFFICER', unitId: otherUnit }))).json().error.fields[0].path).toBe(
      'unitId',
    );
    expect((await officer.post('/api/v1/users', account({ password: 'short' }))).json().error.fields[0].path).toBe('password');
    const created = await officer.post('/api/v1/users', account());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'can-bo-moi', role: 'VIEWER', authorityId: th, disabled: false });
    expect((await officer.post('/api/v1/users', account())).json().error.fields[0].path).toBe('username');
    const c = await signIn(t.app, 'can-bo-moi', 'mat-khau-du-dai');
    expect((await c.get('/api/v1/auth/me')).json().user.role).toBe('VIEWER');
  });

  it('disabling an account or resetting its password ends its sessions at once', async () => {
    const officer = await t.as('demo-committee');
    const c = await signIn(t.app, 'can-bo-moi', 'mat-khau-du-dai');
    const id = (await c.get('/api/v1/auth/me')).json().user.id;
    expect((await officer.patch(`/api/v1/users/${id}`, { password: 'mat-khau-moi-2026' })).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await signIn(t.app, 'can-bo-moi', 'mat-khau-moi-2026');
    expect((await officer.patch(`/api/v1/users/${id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await again.get('/api/v1/auth/me')).statusCode).toBe(401);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'can-bo-moi', password: 'mat-khau-moi-2026' },
    });
    expect(refused.statusCode).toBe(401);
  });

  it('revokes sessions on request; nobody outside the authority may touch the account', async () => {
    const viewerId = (await (await t.as('demo-viewer')).get('/api/v1/auth/me')).json().user.id;
    expect((await (await t.as('demo-committee')).post(`/api/v1/users/${viewerId}/revoke-sessions`)).statusCode).toBe(404);
    expect((await (await t.as('demo-committee')).patch(`/api/v1/users/${viewerId}`, { disabled: true })).statusCode).toBe(404);
    const res = await (await t.as('demo-admin')).post(`/api/v1/users/${viewerId}/revoke-sessions`);
    expect(res.statusCode).toBe(204);
    expect((await (await t.as('demo-viewer')).get('/api/v1/auth/me')).statusCode).toBe(401);
    const adminId = (await (await t.as('demo-admin')).get('/api/v1/auth/me')).json().user.id;
    expect((await (await t.as('demo-admin')).patch(`/api/v1/users/${adminId}`, { disabled: true })).statusCode).toBe(409);
  });
});
