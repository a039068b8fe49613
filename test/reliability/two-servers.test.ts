import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, parseMasterKey } from '../../src/crypto/index.js';
import { createApiToken } from '../../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.js';
import { createOrganisation, createUser } from '../../src/modules/access/users.service.js';
import { DEADLINE_JOB } from '../../src/modules/cases/deadlines.service.js';
import { enqueueJob } from '../../src/server/jobs/jobs.service.js';
import { buildPerson } from '../factories/people.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../helpers/engines.js';
import { TEST_PASSWORD } from '../helpers/harness.js';
import { killHard, type ServerProcess, startServerProcess } from '../helpers/server-process.js';

/**
 * Two server processes on one PostgreSQL, no proxy, clients alternating between them: sessions
 * work on both, a reservation race across the two never overbooks, background jobs run once.
 * PostgreSQL only: it is the engine for several processes (SQLite serves one field office).
 */
describe.runIf(testEngines().includes('postgres'))('two servers, one PostgreSQL', () => {
  let database: TestDatabase;
  let servers: ServerProcess[] = [];
  let coordinatorToken: string;
  let registrarToken: string;
  let adminEmail: string;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const masterKey = randomBytes(32).toString('base64');
    const env = { DATABASE_URL: database.url, PASSERELLE_MASTER_KEY: masterKey };
    const ctx = {
      db: database.db,
      keys: deriveKeyRing(parseMasterKey(masterKey)),
      now: () => new Date(),
      actor: SYSTEM_ACTOR,
    };
    const org = await createOrganisation(ctx, { slug: 'two', name: 'Two Servers NGO', kind: 'ngo' });
    const make = async (roles: Parameters<typeof createUser>[1]['roles'], email: string) => {
      const user = await createUser(ctx, {
        email,
        name: email,
        roles,
        password: TEST_PASSWORD,
        orgId: org.id,
      });
      return (await createApiToken(ctx, { userId: user.id, name: 'two' })).token;
    };
    coordinatorToken = await make(['reception_coordinator', 'site_monitor'], 'coordinator@two.example');
    registrarToken = await make(['registration_officer'], 'registrar@two.example');
    adminEmail = 'admin@two.example';
    await make(['admin'], adminEmail);
    servers = [await startServerProcess(env), await startServerProcess(env)];
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await killHard(server);
    await database.destroy();
  });

  const call = async (server: ServerProcess, token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };

  it('keeps a session signed in on one server valid on the other, and logout ends it on both', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: adminEmail, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    expect((await fetch(`${b.url}/api/me`, { headers: { cookie } })).status).toBe(200);
    const logout = await fetch(`${b.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(logout.status).toBe(200);
    expect((await fetch(`${a.url}/api/me`, { headers: { cookie } })).status).toBe(401);
  });

  it('never overbooks a category when both servers accept relocations at once', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const centre = await call(a, coordinatorToken, 'POST', '/api/sites', {
      name: 'Race Centre',
      kind: 'orientation_centre',
      status: 'open',
    });
    expect(centre.status).toBe(201);
    const capacity = await call(b, coordinatorToken, 'PUT', `/api/sites/${centre.body.id}/capacity`, {
      places: { single_men: 3 },
    });
    expect(capacity.status, JSON.stringify(capacity.body)).toBe(200);
    const relocations: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const person = await call(
        servers[i % 2]!,
        registrarToken,
        'POST',
        '/api/people',
        buildPerson({ givenName: `Racer${i}`, birthYear: 1990, sex: 'male' }),
      );
      expect(person.status).toBe(201);
      const relocation = await call(servers[i % 2]!, coordinatorToken, 'POST', '/api/relocations', {
        personIds: [person.body.person.id],
        toSiteId: centre.body.id,
      });
      expect(relocation.status, JSON.stringify(relocation.body)).toBe(201);
      relocations.push(relocation.body.id);
    }
    const results = await Promise.all(
      relocations.map((id, i) =>
        call(servers[i % 2]!, coordinatorToken, 'POST', `/api/relocations/${id}/transitions`, {
          to: 'accepted',
        }),
      ),
    );
    expect(results.filter((r) => r.status === 200 || r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
  });

  it('runs each background job once across both processes', async () => {
    const now = new Date();
    const ids: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const job = await enqueueJob(
        database.db,
        { kind: DEADLINE_JOB, runAt: new Date(now.getTime() - 1000), uniqueKey: `two-servers-${i}` },
        now,
      );
      ids.push(job.id);
    }
    const deadline = Date.now() + 60_000;
    let jobs: Array<{ status: string; attempts: number; locked_by: string | null }> = [];
    while (Date.now() < deadline) {
      jobs = await database.db
        .selectFrom('jobs')
        .select(['status', 'attempts', 'locked_by'])
        .where('id', 'in', ids)
        .execute();
      if (jobs.every((j) => j.status === 'done')) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(jobs.map((j) => j.status)).toEqual(ids.map(() => 'done'));
    expect(jobs.every((j) => Number(j.attempts) === 1)).toBe(true);
  }, 90_000);
});
