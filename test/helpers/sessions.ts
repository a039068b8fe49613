import { totpCodeAt } from '../../src/modules/access/totp.js';
import type { ApiClient, ApiResponse } from './api-client.js';
import { type Harness, TEST_PASSWORD } from './harness.js';

export interface CookieSession {
  cookie: string;
  csrfToken: string;
  /** Client carrying the session cookie (and the CSRF header for writes). */
  api: ApiClient;
  login: ApiResponse;
}

export async function loginWithCookie(
  h: Harness,
  email: string,
  extra: { totp?: string; password?: string } = {},
): Promise<CookieSession> {
  const login = await h
    .client()
    .post('/api/auth/login', { email, password: extra.password ?? TEST_PASSWORD, ...extra });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.raw}`);
  const cookie = login.cookies.find((c) => c.name === 'passerelle_session');
  if (!cookie) throw new Error('no session cookie');
  const header = `passerelle_session=${cookie.value}`;
  return {
    cookie: header,
    csrfToken: login.body.csrfToken,
    api: h.client().with({ cookie: header, 'x-csrf-token': login.body.csrfToken }),
    login,
  };
}

/** Enrols a second factor through the API and returns the secret, as a person with a phone would. */
export async function enrolTotp(h: Harness, session: CookieSession): Promise<string> {
  const enrol = await session.api.post('/api/auth/totp/enrol');
  if (enrol.status !== 200) throw new Error(`enrol failed: ${enrol.status} ${enrol.raw}`);
  const secret: string = enrol.body.secret;
  const confirm = await session.api.post('/api/auth/totp/confirm', {
    code: totpCodeAt(secret, h.clock.now()),
  });
  if (confirm.status !== 200) throw new Error(`confirm failed: ${confirm.status} ${confirm.raw}`);
  return secret;
}
