import { expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';

describeEngines('user administration', (h) => {
  const validUser = (email: string) => ({
    email,
    name: 'New Registration Officer',
    roles: ['registration_officer'],
    password: 'tents-and-blankets-for-winter',
  });

  it('creates a user in the admin’s organisation (201) and lists it', async () => {
    const admin = await h.createUser(['admin']);
    const email = `${h.unique('new')}@example.org`;
    const created = await admin.api.post('/api/users', validUser(email));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email,
      orgId: admin.orgId,
      roles: ['registration_officer'],
      totpEnabled: false,
    });
    expect(created.body).not.toHaveProperty('password');
    expect(created.body).not.toHaveProperty('passwordHash');
    expect(created.body.allowed).toContain('changeRoles');
    const list = await admin.api.get('/api/users?limit=200');
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain(email);
  });

  it('answers 400 naming the field, and writes nothing', async () => {
    const admin = await h.createUser(['admin']);
    const email = `${h.unique('bad')}@example.org`;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...validUser(email), email: 'not-an-email' }, 'email'],
      [{ ...validUser(email), roles: ['emperor'] }, 'roles.0'],
      [{ ...validUser(email), roles: [] }, 'roles'],
      [{ ...validUser(email), password: 'short' }, 'password'],
      [{ ...validUser(email), password: 'password1234' }, 'password'],
      [{ ...validUser(email), name: undefined }, 'name'],
      [{ ...validUser(email), isAdmin: true }, 'isAdmin'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.api.post('/api/users', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    const row = await h.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('answers 409 for an email already taken', async () => {
    const admin = await h.createUser(['admin']);
    const email = `${h.unique('dup')}@example.org`;
    expect((await admin.api.post('/api/users', validUser(email))).status).toBe(201);
    const again = await admin.api.post('/api/users', validUser(email.toUpperCase()));
    expect(again.status).toBe(409);
  });

  it('answers 401 without a session and 403 for a role without the permission', async () => {
    expect((await h.client().get('/api/users')).status).toBe(401);
    const caseworker = await h.createUser(['caseworker']);
    const denied = await caseworker.api.get('/api/users');
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.permission_denied')
      .where('actor_id', '=', caseworker.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('answers 404 for an account of another organisation', async () => {
    const admin = await h.createUser(['admin']);
    const stranger = await h.createUser(['caseworker']);
    expect((await admin.api.get(`/api/users/${stranger.id}`)).status).toBe(404);
    expect((await admin.api.patch(`/api/users/${stranger.id}`, { disabled: true })).status).toBe(404);
    const list = await admin.api.get('/api/users?limit=200');
    expect(list.body.items.map((u: { id: string }) => u.id)).not.toContain(stranger.id);
  });

  it('does not let an admin give themselves roles (403 naming the field)', async () => {
    const admin = await h.createUser(['admin']);
    const response = await admin.api.patch(`/api/users/${admin.id}`, { roles: ['admin', 'caseworker'] });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('field_forbidden');
    expect(response.body.error.message).toMatch(/^roles:/);
  });

  it('pages with an opaque cursor', async () => {
    const org = await h.createOrg();
    const admin = await h.createUser(['admin'], org.id);
    for (let i = 0; i < 3; i += 1) await h.createUser(['analyst'], org.id);
    const first = await admin.api.get('/api/users?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await admin.api.get(`/api/users?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    expect((await admin.api.get('/api/users?cursor=garbage!')).status).toBe(400);
  });

  it('creates organisations and rejects a duplicate slug', async () => {
    const admin = await h.createUser(['admin']);
    const slug = h.unique('agency');
    const created = await admin.api.post('/api/organisations', {
      slug,
      name: 'Field Agency',
      kind: 'un_agency',
    });
    expect(created.status).toBe(201);
    expect((await admin.api.post('/api/organisations', { slug, name: 'Again' })).status).toBe(409);
    const bad = await admin.api.post('/api/organisations', { slug: 'Bad Slug', name: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^slug:/);
  });
});
