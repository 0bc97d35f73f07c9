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
    const reset = await officer.post(`/api/v1/users/${id}/password-reset`);
    expect(reset.statusCode).toBe(201);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    const chosen = await t.anonymous.post('/api/v1/auth/password-reset', {
      username: 'can-bo-moi',
      code: reset.json().code,
      newPassword: 'mat-khau-moi-2026',
    });
    expect(chosen.statusCode).toBe(200);
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

  it("a committee officer cannot take over a peer's account: a reset gives a one-time code, never a password", async () => {
    const officer = await t.as('demo-committee');
    const peer = await officer.post('/api/v1/users', account({ username: 'dong-nghiep', role: 'COMMITTEE_OFFICER' }));
    expect(peer.statusCode).toBe(201);
    const peerId = peer.json().id;
    const peerSession = await signIn(t.app, 'dong-nghiep', 'mat-khau-du-dai');
    // the probe's request: setting the password through the account edit is not possible any more
    const probe = await officer.patch(`/api/v1/users/${peerId}`, { password: 'da-chiem-quyen-1' });
    expect(probe.statusCode).toBe(400);
    expect(probe.json().error.code).toBe('VALIDATION_FAILED');
    const login = (password: string) => t.anonymous.post('/api/v1/auth/login', { username: 'dong-nghiep', password });
    expect((await login('da-chiem-quyen-1')).statusCode).toBe(401);
    expect((await peerSession.get('/api/v1/auth/me')).statusCode).toBe(200);

    const reset = await officer.post(`/api/v1/users/${peerId}/password-reset`, undefined, { 'accept-language': 'en' });
    expect(reset.statusCode).toBe(201);
    const { code, expiresAt } = reset.json();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    // the old password stops working and every session of the account ends
    expect((await peerSession.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await login('mat-khau-du-dai')).statusCode).toBe(401);
    // the code is stored only as a hash, and the reset is in the audit chain with no code in it
    const row = await t.database.db
      .selectFrom('app_user')
      .select(['reset_code_hash', 'password_hash'])
      .where('id', '=', peerId)
      .executeTakeFirstOrThrow();
    expect(row.reset_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(code);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['type', 'data'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', peerId)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toContain('USER_PASSWORD_RESET');
    expect(JSON.stringify(events)).not.toContain(code);

    // a wrong code and a code for another account answer alike, without saying which
    const complete = (body: Record<string, unknown>) => t.anonymous.post('/api/v1/auth/password-reset', body, { 'accept-language': 'en' });
    const wrong = await complete({ username: 'dong-nghiep', code: 'AAAA-BBBB-CCCC', newPassword: 'mat-khau-cua-toi' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('INVALID_RESET_CODE');
    expect(wrong.json().error.message).toMatch(/reset code/);
    expect((await complete({ username: 'demo-committee', code, newPassword: 'mat-khau-cua-toi' })).json().error.code).toBe(
      'INVALID_RESET_CODE',
    );
    // the owner chooses the password (the code may be typed in lower case, without dashes) and is signed in
    const owner = await complete({ username: 'dong-nghiep', code: code.toLowerCase().replace(/-/g, ''), newPassword: 'mat-khau-cua-toi' });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().user.username).toBe('dong-nghiep');
    expect(owner.headers['set-cookie']).toBeDefined();
    expect((await login('mat-khau-cua-toi')).statusCode).toBe(200);
    // the code works once
    expect((await complete({ username: 'dong-nghiep', code, newPassword: 'mat-khau-khac-nua' })).statusCode).toBe(400);
    const types = (
      await t.database.db
        .selectFrom('audit_event')
        .select('type')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', peerId)
        .execute()
    ).map((e) => e.type);
    expect(types).toContain('USER_PASSWORD_CHANGED');
  });

  it('only an administrator resets an administrator, and nobody resets their own password (they change it)', async () => {
    const adminId = (await (await t.as('demo-admin')).get('/api/v1/auth/me')).json().user.id;
    const committee = await t.as('demo-committee');
    const committeeId = (await committee.get('/api/v1/auth/me')).json().user.id;
    expect((await committee.post(`/api/v1/users/${adminId}/password-reset`)).statusCode).toBe(404);
    expect((await committee.post(`/api/v1/users/${committeeId}/password-reset`)).statusCode).toBe(403);
    const own = (await committee.get(`/api/v1/users/${committeeId}`)).json();
    expect(own.abilities.resetPassword).toBe(false);
  });

  it('a signed-in user changes their own password with the current one; their other sessions end', async () => {
    const created = await (await t.as('demo-committee')).post('/api/v1/users', account({ username: 'tu-doi-mat-khau' }));
    expect(created.statusCode).toBe(201);
    const here = await signIn(t.app, 'tu-doi-mat-khau', 'mat-khau-du-dai');
    const elsewhere = await signIn(t.app, 'tu-doi-mat-khau', 'mat-khau-du-dai');
    const wrong = await here.post('/api/v1/auth/password', { currentPassword: 'khong-dung-dau', newPassword: 'mat-khau-moi-hon' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].path).toBe('currentPassword');
    const ok = await here.post('/api/v1/auth/password', { currentPassword: 'mat-khau-du-dai', newPassword: 'mat-khau-moi-hon' });
    expect(ok.statusCode).toBe(204);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { username: 'tu-doi-mat-khau', password: 'mat-khau-moi-hon' })).statusCode).toBe(
      200,
    );
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
