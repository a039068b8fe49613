import { expect, it } from 'vitest';
import { describeEngines, TEST_PASSWORD } from '../../../test/helpers/harness.js';
import { enrolTotp, loginWithCookie } from '../../../test/helpers/sessions.js';
import { totpCodeAt } from './totp.js';

const MINUTE = 60_000;

describeEngines('sign-in and sessions', (h) => {
  it('signs in, sets an HttpOnly SameSite=Strict cookie and answers /api/me', async () => {
    const admin = await h.createUser(['admin']);
    const session = await loginWithCookie(h, admin.email);
    const cookie = session.login.cookies.find((c) => c.name === 'passerelle_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(session.login.body.user.email).toBe(admin.email);
    expect(session.login.body.user).not.toHaveProperty('passwordHash');
    const me = await session.api.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.permissions).toContain('users.manage');
    expect(me.body.secondFactor).toEqual({ required: false, enrolled: false, satisfied: true });
  });

  it('marks the cookie Secure when the host is not localhost', async () => {
    const admin = await h.createUser(['admin']);
    const login = await h
      .client()
      .with({ host: 'passerelle.example.org' })
      .post('/api/auth/login', { email: admin.email, password: TEST_PASSWORD });
    expect(login.cookies.find((c) => c.name === 'passerelle_session')?.secure).toBe(true);
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const admin = await h.createUser(['admin']);
    const unknown = await h
      .client()
      .post('/api/auth/login', { email: 'nobody@example.org', password: TEST_PASSWORD });
    const wrong = await h
      .client()
      .post('/api/auth/login', { email: admin.email, password: 'wrong-password-here' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error.code).toBe('invalid_credentials');
    expect(wrong.body.error).toEqual({ ...unknown.body.error, requestId: wrong.body.error.requestId });
  });

  it('locks an account for 15 minutes after 5 failures, without saying so', async () => {
    const admin = await h.createUser(['admin']);
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await h.client().post('/api/auth/login', { email: admin.email, password: 'wrong-password-here' }))
          .status,
      ).toBe(401);
    }
    const locked = await h.client().post('/api/auth/login', { email: admin.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(401);
    expect(locked.body.error.code).toBe('invalid_credentials');
    h.clock.advance(16 * MINUTE);
    try {
      expect(
        (await h.client().post('/api/auth/login', { email: admin.email, password: TEST_PASSWORD })).status,
      ).toBe(200);
    } finally {
      h.clock.reset();
    }
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const admin = await h.createUser(['admin']);
    const idle = await loginWithCookie(h, admin.email);
    h.clock.advance(31 * MINUTE);
    expect((await idle.api.get('/api/me')).status).toBe(401);
    h.clock.reset();

    const busy = await loginWithCookie(h, admin.email);
    try {
      for (let elapsed = 0; elapsed < 12 * 60; elapsed += 25) {
        h.clock.advance(25 * MINUTE);
        const status = (await busy.api.get('/api/me')).status;
        if (elapsed + 25 < 12 * 60) expect(status).toBe(200);
        else expect(status).toBe(401);
      }
    } finally {
      h.clock.reset();
    }
  });

  it('refuses a session cookie replayed after logout', async () => {
    const admin = await h.createUser(['admin']);
    const session = await loginWithCookie(h, admin.email);
    expect((await session.api.post('/api/auth/logout')).status).toBe(200);
    expect((await session.api.get('/api/me')).status).toBe(401);
  });

  it('requires the CSRF header on cookie-authenticated writes, not on bearer ones', async () => {
    const admin = await h.createUser(['admin']);
    const session = await loginWithCookie(h, admin.email);
    const withoutHeader = h.client().with({ cookie: session.cookie });
    const refused = await withoutHeader.patch('/api/me', { locale: 'fr' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf_failed');
    const wrong = await withoutHeader
      .with({ 'x-csrf-token': 'not-the-token' })
      .patch('/api/me', { locale: 'fr' });
    expect(wrong.status).toBe(403);
    expect((await session.api.patch('/api/me', { locale: 'fr' })).status).toBe(200);
    expect((await admin.api.patch('/api/me', { locale: 'ar' })).status).toBe(200);
  });

  it('makes roles that read personal data enrol a second factor, then asks for it', async () => {
    const caseworker = await h.createUser(['caseworker']);
    const first = await loginWithCookie(h, caseworker.email);
    expect(first.login.body.secondFactor).toEqual({ required: true, enrolled: false, satisfied: false });
    const blocked = await first.api.get('/api/organisations');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('totp_enrolment_required');
    const secret = await enrolTotp(h, first);
    expect((await first.api.get('/api/organisations')).status).toBe(200);

    const noCode = await h
      .client()
      .post('/api/auth/login', { email: caseworker.email, password: TEST_PASSWORD });
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.code).toBe('totp_required');
    // The enrolment used this step's code; the next sign-in must use a later step.
    h.clock.advance(31_000);
    try {
      const code = totpCodeAt(secret, h.clock.now());
      const second = await loginWithCookie(h, caseworker.email, { totp: code });
      expect(second.login.body.secondFactor.satisfied).toBe(true);
      const replay = await h
        .client()
        .post('/api/auth/login', { email: caseworker.email, password: TEST_PASSWORD, totp: code });
      expect(replay.status).toBe(401);
      expect(replay.body.error.code).toBe('invalid_credentials');
    } finally {
      h.clock.reset();
    }
  });

  it('ends every session at once when an admin disables the user', async () => {
    const org = await h.createOrg();
    const admin = await h.createUser(['admin'], org.id);
    const target = await h.createUser(['analyst'], org.id);
    const session = await loginWithCookie(h, target.email);
    expect((await session.api.get('/api/me')).status).toBe(200);
    expect((await admin.api.patch(`/api/users/${target.id}`, { disabled: true })).status).toBe(200);
    expect((await session.api.get('/api/me')).status).toBe(401);
    expect((await target.api.get('/api/me')).status).toBe(401);
  });

  it('revokes a bearer token', async () => {
    const analyst = await h.createUser(['analyst']);
    const created = await analyst.api.post('/api/me/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const script = h.client(created.body.token);
    expect((await script.get('/api/me')).status).toBe(200);
    expect((await analyst.api.delete(`/api/me/tokens/${created.body.id}`)).status).toBe(200);
    expect((await script.get('/api/me')).status).toBe(401);
  });

  it('rate-limits sign-in attempts', async () => {
    let limited = false;
    for (let i = 0; i < 40 && !limited; i += 1) {
      const response = await h
        .client()
        .with({ 'x-forwarded-for': '203.0.113.9' })
        .post('/api/auth/login', { email: `nobody${i}@example.org`, password: 'wrong-password-here' });
      limited = response.status === 429;
      if (limited) expect(response.body.error.code).toBe('rate_limited');
    }
    expect(limited).toBe(true);
  });
});
