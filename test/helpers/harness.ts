import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { deriveKeyRing, type KeyRing } from '../../src/crypto/index.js';
import type { DB, Engine } from '../../src/db/engine.js';
import { createApiToken } from '../../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.js';
import type { Role } from '../../src/modules/access/roles.js';
import { createOrganisation, createUser } from '../../src/modules/access/users.service.js';
import { type App, buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/server/context.js';
import type { AppDeps } from '../../src/server/deps.js';
import type { DeclaredRoute } from '../../src/server/route-registry.js';
import { ApiClient } from './api-client.js';
import { createTestDatabase, type TestDatabase, testEngines } from './engines.js';

export const TEST_PASSWORD = 'correct-horse-field-registration';

/** A controllable clock: tests move time to exercise timeouts, lockouts and deadlines. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}

export interface TestUser {
  id: string;
  email: string;
  orgId: string;
  roles: Role[];
  token: string;
  api: ApiClient;
}

/** One fresh database, key ring, clock and app per engine, shared by the tests of one describe block. */
export class Harness {
  readonly clock = new TestClock();
  readonly routes: DeclaredRoute[] = [];
  keys: KeyRing = deriveKeyRing(randomBytes(32));
  /** Erasures are appended here as a server does to its ledger file (removed at teardown). */
  readonly erasureLedgerPath = join(tmpdir(), `passerelle-ledger-${randomBytes(6).toString('hex')}.jsonl`);
  private database?: TestDatabase;
  private appInstance?: App;
  private counter = 0;

  constructor(readonly engine: Engine) {}

  get db(): DB {
    if (!this.database) throw new Error('harness not set up');
    return this.database.db;
  }
  get testDatabase(): TestDatabase {
    if (!this.database) throw new Error('harness not set up');
    return this.database;
  }
  get app(): App {
    if (!this.appInstance) throw new Error('harness not set up');
    return this.appInstance;
  }
  get deps(): AppDeps {
    return {
      db: this.db,
      keys: this.keys,
      now: this.clock.now,
      demoMode: false,
      instanceId: 'test',
      erasureLedgerPath: this.erasureLedgerPath,
    };
  }
  systemContext(): ServiceContext {
    return {
      db: this.db,
      keys: this.keys,
      now: this.clock.now,
      actor: SYSTEM_ACTOR,
      erasureLedgerPath: this.erasureLedgerPath,
    };
  }

  async setup(): Promise<void> {
    this.database = await createTestDatabase(this.engine);
    this.appInstance = await buildApp(this.deps, { routes: this.routes });
    await this.appInstance.ready();
  }

  async teardown(): Promise<void> {
    await this.appInstance?.close();
    await this.database?.destroy();
    rmSync(this.erasureLedgerPath, { force: true });
  }

  unique(prefix: string): string {
    this.counter += 1;
    return `${prefix}-${this.counter}-${randomBytes(3).toString('hex')}`;
  }

  async createOrg(slug = this.unique('org')) {
    return createOrganisation(this.systemContext(), { slug, name: `Test ${slug}`, kind: 'ngo' });
  }

  /** A user with a bearer token (tokens need no second factor, like scripts and integrations). */
  async createUser(roles: Role[], orgId?: string, password = TEST_PASSWORD): Promise<TestUser> {
    const org = orgId ?? (await this.createOrg()).id;
    const email = `${this.unique('user')}@example.org`;
    const user = await createUser(this.systemContext(), {
      email,
      name: 'Test User',
      roles,
      password,
      orgId: org,
    });
    const { token } = await createApiToken(this.systemContext(), { userId: user.id, name: 'test' });
    return { id: user.id, email, orgId: org, roles, token, api: this.client(token) };
  }

  client(token?: string): ApiClient {
    return new ApiClient(this.app, token ? { authorization: `Bearer ${token}` } : {});
  }
}

/** Runs the same tests on every engine (SQLite, and PostgreSQL when TEST_DATABASE_URL is set). */
export function describeEngines(title: string, body: (h: Harness) => void): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      const harness = new Harness(engine);
      beforeAll(() => harness.setup(), 60_000);
      afterAll(() => harness.teardown());
      body(harness);
    });
  }
}
