import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../helpers/harness.js';

/** Strings people and attackers send: long, control characters, bidi overrides, zero-width, SQL, markup. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE users; --',
    '<script>alert(1)</script>',
    '\u202Egnp.exe',
    'a\u200Bb\u200Dc',
    '\u0000',
    '__proto__',
    'constructor',
    '𝔐𝔬𝔥𝔞𝔪𝔪𝔢𝔡',
    'محمد عبدالله',
    'x'.repeat(5000),
  ),
);

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('__proto__', 'email', 'roles')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

function bodyLike(keys: string[]) {
  return fc.record(Object.fromEntries(keys.map((k) => [k, jsonValue])), { requiredKeys: [] });
}

describeEngines('hostile input never causes a 5xx', (h) => {
  let admin: TestUser;
  beforeAll(async () => {
    admin = await h.createUser(['admin']);
  });

  it('on sign-in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(bodyLike(['email', 'password', 'totp', 'recoveryCode']), jsonValue),
        async (body) => {
          const response = await h
            .client()
            .with({ 'x-forwarded-for': '198.51.100.1' })
            .post('/api/auth/login', body);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('on user creation and update', async () => {
    await fc.assert(
      fc.asyncProperty(bodyLike(['email', 'name', 'roles', 'password', 'locale']), async (body) => {
        const created = await admin.api.post('/api/users', body);
        expect(created.status).toBeLessThan(500);
        const updated = await admin.api.patch(`/api/users/${admin.id}`, body);
        expect(updated.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('on deeply nested and oversized JSON', async () => {
    const deep = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      payload: `{"email": ${'['.repeat(5000)}"x"${']'.repeat(5000)}}`,
    });
    expect(deep.statusCode).toBe(400);
    const long = await admin.api.post('/api/users', {
      email: 'long-name@example.org',
      roles: ['analyst'],
      password: 'a-perfectly-fine-passphrase',
      name: 'x'.repeat(10 * 1024 * 1024),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/^name:/);
    const huge = await admin.api.post('/api/users', { name: 'x'.repeat(50 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    const notJson = await h.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(notJson.statusCode).toBe(400);
  });
});
