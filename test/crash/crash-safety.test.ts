import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveKeyRing, parseMasterKey } from '../../src/crypto/index.js';
import { createApiToken } from '../../src/modules/access/account.service.js';
import { SYSTEM_ACTOR } from '../../src/modules/access/actor.js';
import { createOrganisation, createUser } from '../../src/modules/access/users.service.js';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.js';
import { buildPerson } from '../factories/people.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../helpers/engines.js';
import { killHard, startServerProcess } from '../helpers/server-process.js';
import { newLedger, relocationClient, relocationProblems } from './relocations.js';

const ROUNDS = 3;
const CLIENTS = 6;
/** Small enough that acceptances run into a full centre (409) within the rounds. */
const PLACES = 5;

async function createCentre(url: string, token: string): Promise<string> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const site = await fetch(`${url}/api/sites`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      name: 'Crash centre',
      kind: 'reception_centre',
      status: 'open',
      region: 'Bretagne',
    }),
  });
  if (site.status !== 201) throw new Error(`centre: ${site.status} ${await site.text()}`);
  const { id } = (await site.json()) as { id: string };
  const capacity = await fetch(`${url}/api/sites/${id}/capacity`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ places: { single_men: PLACES } }),
  });
  if (capacity.status !== 200) throw new Error(`capacity: ${capacity.status} ${await capacity.text()}`);
  return id;
}

/**
 * Starts the real server, sends registrations from several clients, kills the server with SIGKILL
 * at a random moment, restarts it, and checks that everything acknowledged (201) survived and
 * that nothing half-written exists. Meanwhile a coordinator proposes a relocation for each new
 * person and accepts it (the reservation of a place): no relocation may survive without its
 * people, its events or its audit entries, and no crash may leave more places reserved than exist.
 * On both engines.
 */
for (const engine of testEngines()) {
  describe(`crash safety [${engine}]`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    let token: string;
    let coordinatorToken: string;
    const acknowledged = new Map<string, string>();
    const ledger = newLedger();

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      const masterKey = randomBytes(32).toString('base64');
      env = { DATABASE_URL: database.url, PASSERELLE_MASTER_KEY: masterKey };
      const ctx = {
        db: database.db,
        keys: deriveKeyRing(parseMasterKey(masterKey)),
        now: () => new Date(),
        actor: SYSTEM_ACTOR,
      };
      const org = await createOrganisation(ctx, { slug: 'crash', name: 'Crash Test NGO', kind: 'ngo' });
      const user = await createUser(ctx, {
        email: 'registrar@crash.example',
        name: 'Registrar',
        roles: ['registration_officer'],
        password: 'power-cut-in-the-tent',
        orgId: org.id,
      });
      token = (await createApiToken(ctx, { userId: user.id, name: 'crash' })).token;
      const coordinator = await createUser(ctx, {
        email: 'coordinator@crash.example',
        name: 'Coordinator',
        roles: ['reception_coordinator'],
        password: 'power-cut-in-the-tent',
        orgId: org.id,
      });
      coordinatorToken = (await createApiToken(ctx, { userId: coordinator.id, name: 'crash' })).token;
    }, 60_000);

    afterAll(() => database.destroy());

    it(`keeps every acknowledged registration through ${ROUNDS} SIGKILLs`, async () => {
      let centreId = '';
      const waiting: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const server = await startServerProcess(env);
        if (!centreId) centreId = await createCentre(server.url, coordinatorToken);
        let stop = false;
        const client = async (clientIndex: number) => {
          for (let i = 0; !stop; i += 1) {
            const givenName = `Crash${round}x${clientIndex}x${i}`;
            try {
              const response = await fetch(`${server.url}/api/people`, {
                method: 'POST',
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                body: JSON.stringify(
                  buildPerson({
                    givenName,
                    phone: `+33 7 ${String(round * 1e6 + clientIndex * 1e4 + i).padStart(8, '0')}`,
                  }),
                ),
              });
              if (response.status === 201) {
                const body = (await response.json()) as { person: { id: string } };
                acknowledged.set(body.person.id, givenName);
                waiting.push(body.person.id);
              }
            } catch {
              return; // the server died mid-request: that request was never acknowledged
            }
          }
        };
        const clients = Array.from({ length: CLIENTS }, (_, i) => client(i));
        for (let i = 0; i < 2; i += 1)
          clients.push(
            relocationClient({
              url: server.url,
              token: coordinatorToken,
              centreId,
              waiting,
              ledger,
              stopped: () => stop,
            }),
          );
        // Kill only once this round has relocations going (at most 10 s on a starved machine), so
        // proposals and reservations are in flight when the power goes.
        const relocatedBefore = ledger.proposed.size;
        for (let waited = 0; ledger.proposed.size < relocatedBefore + 2 && waited < 10_000; waited += 50)
          await new Promise((resolve) => setTimeout(resolve, 50));
        await new Promise((resolve) => setTimeout(resolve, 200 + Math.floor(Math.random() * 2000)));
        await killHard(server);
        stop = true;
        await Promise.all(clients);
      }
      expect(acknowledged.size).toBeGreaterThan(0);
      console.log(
        `[${engine}] ${acknowledged.size} registrations, ${ledger.proposed.size} relocations, ` +
          `${ledger.accepted.size} reservations acknowledged (${ledger.refusedFull} refused: centre full) over ${ROUNDS} rounds`,
      );
      expect(ledger.accepted.size, 'the coordinator reserved places before the kills').toBeGreaterThan(0);

      const restarted = await startServerProcess(env);
      try {
        for (const [id, givenName] of acknowledged) {
          const response = await fetch(`${restarted.url}/api/people/${id}`, {
            headers: { authorization: `Bearer ${token}` },
          });
          expect(response.status, `person ${id}`).toBe(200);
          expect(((await response.json()) as { givenName: string }).givenName).toBe(givenName);
        }
      } finally {
        await killHard(restarted);
      }

      // Nothing half-written: every person has its key, its index and its creation audit entry.
      const people = await database.db.selectFrom('people').select('id').execute();
      const keys = new Set(
        (await database.db.selectFrom('person_keys').select('person_id').execute()).map((r) => r.person_id),
      );
      const audited = new Set(
        (
          await database.db
            .selectFrom('audit_log')
            .select('entity_id')
            .where('action', '=', 'person.create')
            .execute()
        ).map((r) => r.entity_id),
      );
      for (const { id } of people) {
        expect(keys.has(id), `key of ${id}`).toBe(true);
        expect(audited.has(id), `audit entry of ${id}`).toBe(true);
      }
      expect(await relocationProblems(database.db, ledger, centreId, PLACES)).toEqual([]);
      const keyRing = deriveKeyRing(parseMasterKey(env.PASSERELLE_MASTER_KEY!));
      expect(await verifyAuditChain(database.db, keyRing)).toMatchObject({ ok: true });
      if (database.sqlitePath) {
        const raw = new SQLite(database.sqlitePath, { readonly: true });
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
        raw.close();
      }
    }, 300_000);
  });
}
