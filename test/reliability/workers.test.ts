import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, parseMasterKey } from '../../src/crypto/index.js';
import { createApiToken } from '../../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.js';
import { createOrganisation, createUser } from '../../src/modules/access/users.service.js';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.js';
import { buildPerson } from '../factories/people.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../helpers/engines.js';
import { type ServerProcess, startServerProcess, stopGracefully } from '../helpers/server-process.js';

const CLIENTS = 8;
const PER_CLIENT = 12;

/** Server processes whose parent is `pid` (Linux /proc); not tsx's esbuild service. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === pid && command.includes('serve')) children.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return children;
}

/**
 * `passerelle serve --workers 2`: two processes share the port; concurrent registrations and reads
 * spread over them all succeed (SQLite: write transactions wait for the lock instead of failing
 * with SQLITE_BUSY), the audit chain stays whole, and SIGTERM stops every process.
 */
for (const engine of testEngines()) {
  describe(`serve with two worker processes [${engine}]`, () => {
    let database: TestDatabase;
    let server: ServerProcess;
    let token: string;
    let masterKey: string;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      masterKey = randomBytes(32).toString('base64');
      const ctx = {
        db: database.db,
        keys: deriveKeyRing(parseMasterKey(masterKey)),
        now: () => new Date(),
        actor: SYSTEM_ACTOR,
      };
      const org = await createOrganisation(ctx, { slug: 'workers', name: 'Workers NGO', kind: 'ngo' });
      const user = await createUser(ctx, {
        email: 'registrar@workers.example',
        name: 'Registrar',
        roles: ['registration_officer'],
        password: 'a-long-test-passphrase',
        orgId: org.id,
      });
      token = (await createApiToken(ctx, { userId: user.id, name: 'workers' })).token;
      server = await startServerProcess({
        DATABASE_URL: database.url,
        PASSERELLE_MASTER_KEY: masterKey,
        PASSERELLE_WORKERS: '2',
      });
    }, 120_000);

    afterAll(async () => {
      if (server) await stopGracefully(server);
      await database.destroy();
    });

    it('serves concurrent registrations and reads from both processes without an error', async () => {
      expect(childrenOf(server.child.pid!)).toHaveLength(2);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const statuses: number[] = [];
      const created: string[] = [];
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          for (let i = 0; i < PER_CLIENT; i += 1) {
            const response = await fetch(`${server.url}/api/people`, {
              method: 'POST',
              headers,
              body: JSON.stringify(buildPerson({ givenName: `Worker${client}x${i}` })),
            });
            statuses.push(response.status);
            if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
            const { id } = ((await response.json()) as { person: { id: string } }).person;
            created.push(id);
            const read = await fetch(`${server.url}/api/people/${id}`, { headers });
            statuses.push(read.status);
            const search = await fetch(`${server.url}/api/people?q=Worker${client}x${i}`, { headers });
            statuses.push(search.status);
          }
        }),
      );
      expect(statuses.filter((s) => s >= 300)).toEqual([]);
      expect(new Set(created).size).toBe(CLIENTS * PER_CLIENT);
      const stored = await database.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(CLIENTS * PER_CLIENT);
      expect(await verifyAuditChain(database.db, deriveKeyRing(parseMasterKey(masterKey)))).toMatchObject({
        ok: true,
      });
    }, 120_000);

    it('stops every process on SIGTERM', async () => {
      const workers = childrenOf(server.child.pid!);
      await stopGracefully(server);
      expect(server.child.exitCode, server.output()).toBe(0);
      const alive = workers.filter((pid) => {
        try {
          process.kill(pid, 0);
          return true;
        } catch {
          return false;
        }
      });
      expect(alive).toEqual([]);
    }, 60_000);
  });
}
