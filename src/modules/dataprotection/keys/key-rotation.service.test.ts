import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { ApiClient } from '../../../../test/helpers/api-client.js';
import { describeEngines, type TestUser } from '../../../../test/helpers/harness.js';
import { type KeyRing, wrappedKeyVersion } from '../../../crypto/index.js';
import { type App, buildApp } from '../../../server/app.js';
import type { ServiceContext } from '../../../server/context.js';
import { SYSTEM_ACTOR } from '../../access/actor.js';
import { verifyAuditChain } from '../../audit/audit.service.js';
import { openCase, registerPerson } from '../../cases/testing/cases.fixture.js';
import { loadKeyRing } from './key-registry.js';
import { rotateKeys } from './key-rotation.service.js';

/*
 * Master key rotation on a populated database: records stay readable and searchable while it
 * runs, a run stopped half-way resumes without redoing anything, everything is under the new key
 * after, the audit chain verifies with the new key alone, and a key the database never saw is
 * refused.
 */

const OLD = randomBytes(32);
const NEW = randomBytes(32);

describeEngines('master key rotation', (h) => {
  let registrar: TestUser;
  let caseworker: TestUser;
  const people: string[] = [];
  let caseId: string;
  const apps: App[] = [];

  beforeAll(async () => {
    // The harness app runs under the old key, registered as version 1 like a first start would.
    h.keys = await loadKeyRing(h.db, { current: OLD }, new Date());
    await h.app.close();
    (h as unknown as { appInstance: App }).appInstance = await buildApp(h.deps, { routes: [] });
    const orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    caseworker = await h.createUser(['caseworker'], orgId);
    for (const name of ['Tsega', 'Aster', 'Filmon', 'Yordanos', 'Mehari']) {
      people.push(await registerPerson(registrar, { givenName: name, fathersName: 'Berhane' }));
    }
    caseId = (await openCase(caseworker, people[0]!, { riskReason: 'Rotating secret reason' })).id;
  });

  /** A server process started with these keys, reached with the same bearer token. */
  async function clientWith(keys: KeyRing, user: TestUser) {
    const app = await buildApp({ ...h.deps, keys }, { routes: [] });
    apps.push(app);
    return new ApiClient(app, { authorization: `Bearer ${user.token}` });
  }

  const ctxWith = (keys: KeyRing): ServiceContext => ({
    db: h.db,
    keys,
    now: h.clock.now,
    actor: SYSTEM_ACTOR,
  });

  const versions = async () =>
    (
      await h.db.selectFrom('person_keys').select('wrapped_key').where('person_id', 'in', people).execute()
    ).map((r) => wrappedKeyVersion(r.wrapped_key));

  async function readsEverything(client: ApiClient, caseClient: ApiClient) {
    for (const id of people) {
      const person = await client.get(`/api/people/${id}`);
      expect(person.status).toBe(200);
      expect(JSON.stringify(person.body)).toContain('Berhane');
    }
    const search = await client.get('/api/people?q=Yordanos');
    expect(JSON.stringify(search.body)).toContain(people[3]);
    expect(JSON.stringify((await caseClient.get(`/api/cases/${caseId}`)).body)).toContain(
      'Rotating secret reason',
    );
  }

  it('reads every record during a rotation stopped half-way, then resumes and re-wraps everything', async () => {
    const during = await loadKeyRing(h.db, { current: NEW, previous: OLD }, new Date());
    expect(during.version).toBe(2);
    expect(during.previous?.map((r) => r.version)).toEqual([1]);

    // A crash after the first batch of people.
    await expect(
      rotateKeys(ctxWith(during), {
        batchSize: 2,
        onProgress: (p) => {
          if (p.step === 'people' && p.done >= 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    const half = await versions();
    expect(half.filter((v) => v === 2)).toHaveLength(2);
    expect(half.filter((v) => v === 1)).toHaveLength(3);
    await readsEverything(await clientWith(during, registrar), await clientWith(during, caseworker));

    const progress: string[] = [];
    const report = await rotateKeys(ctxWith(during), {
      batchSize: 2,
      onProgress: (p) => progress.push(p.step),
    });
    expect(report.version).toBe(2);
    // Only what was left: the two done before the crash are not done again.
    expect(report.rewrapped.people).toBe(3);
    expect(report.rewrapped.cases).toBe(1);
    expect(report.retiredVersions).toEqual([1]);
    expect(progress).toContain('people');
    expect(await versions()).toEqual([2, 2, 2, 2, 2]);
    const caseKey = await h.db
      .selectFrom('case_keys')
      .select('wrapped_key')
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(wrappedKeyVersion(caseKey.wrapped_key)).toBe(2);

    // Nothing left: a second run changes nothing.
    const again = await rotateKeys(ctxWith(during));
    expect(Object.values(again.rewrapped).every((n) => n === 0)).toBe(true);
  });

  it('after the rotation the new key alone reads, searches and verifies the audit chain', async () => {
    const after = await loadKeyRing(h.db, { current: NEW }, new Date());
    expect(after.previous ?? []).toEqual([]);
    expect(after.retiredAuditKeys?.map((k) => k.version)).toEqual([1]);
    await readsEverything(await clientWith(after, registrar), await clientWith(after, caseworker));
    expect(await verifyAuditChain(h.db, after)).toMatchObject({ ok: true });
  });

  it('refuses a master key the database does not know, and a rotation that cannot read older keys', async () => {
    await expect(loadKeyRing(h.db, { current: randomBytes(32) }, new Date())).rejects.toThrow(
      'not a master key this database knows',
    );
    // A process holding only a third key (version 3), without the one the data is under.
    await loadKeyRing(h.db, { current: randomBytes(32), previous: NEW }, new Date()).then(async (third) => {
      const alone = { ...third, previous: [] } as KeyRing;
      await expect(rotateKeys(ctxWith(alone))).rejects.toThrow('cannot read');
    });
    for (const app of apps) await app.close();
  });
});
