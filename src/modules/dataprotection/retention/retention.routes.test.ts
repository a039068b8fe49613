import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../../test/helpers/harness.js';
import type { ServiceContext } from '../../../server/context.js';
import { SYSTEM_ACTOR } from '../../access/actor.js';
import { verifyAuditChain } from '../../audit/audit.service.js';
import { openCase, registerPerson } from '../../cases/testing/cases.fixture.js';
import { runRetention } from './retention-run.service.js';

/*
 * Retention through the API: the dry run names exactly what would go, the run shreds that and
 * nothing else, legal holds keep records (and set a floor no policy may go under), and two runs
 * at once (two processes) shred each record once.
 */

const BASE = '/api/data-protection/retention';
const DAY_MS = 86_400_000;

describeEngines('data protection retention API', (h) => {
  let dpo: TestUser;
  let outsiderDpo: TestUser;
  let registrar: TestUser;
  let caseworker: TestUser;

  beforeAll(async () => {
    const orgId = (await h.createOrg()).id;
    dpo = await h.createUser(['data_protection_officer'], orgId);
    registrar = await h.createUser(['registration_officer'], orgId);
    caseworker = await h.createUser(['caseworker'], orgId);
    outsiderDpo = await h.createUser(['data_protection_officer']);
  });

  /** A case of a new person, closed `daysAgo` days ago (closure itself is the cases module's test). */
  async function closedCase(daysAgo: number | null, riskReason = 'Sleeps in the dunes') {
    const personId = await registerPerson(registrar, { givenName: 'Retained' });
    const row = await openCase(caseworker, personId, { riskReason });
    if (daysAgo !== null) {
      await h.db
        .updateTable('cases')
        .set({ status: 'closed', closed_at: new Date(Date.now() - daysAgo * DAY_MS).toISOString() })
        .where('id', '=', row.id)
        .execute();
    }
    return row.id;
  }

  const hasKey = async (caseId: string) =>
    (await h.db.selectFrom('case_keys').select('case_id').where('case_id', '=', caseId).execute()).length ===
    1;

  it('answers 401 and 403 to everyone but the data protection officer', async () => {
    expect((await h.client().get(`${BASE}/policies`)).status).toBe(401);
    expect((await h.client().post(`${BASE}/runs`, { dryRun: true })).status).toBe(401);
    for (const user of [registrar, caseworker]) {
      expect((await user.api.get(`${BASE}/policies`)).status).toBe(403);
      expect((await user.api.get(`${BASE}/preview`)).status).toBe(403);
      expect((await user.api.post(`${BASE}/runs`, { dryRun: false })).status).toBe(403);
      expect((await user.api.post(`${BASE}/holds`, {})).status).toBe(403);
    }
  });

  it('lists the record types and their statuses', async () => {
    const response = await dpo.api.get(`${BASE}/record-types`);
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual(
      expect.arrayContaining([
        { recordType: 'case', statuses: ['closed'], action: 'crypto_shred' },
        { recordType: 'person', statuses: ['merged', 'active'], action: 'anonymise' },
      ]),
    );
  });

  it('answers 400 naming the field for bad policies and holds, and writes nothing', async () => {
    const bodies: Array<[string, Record<string, unknown>, string]> = [
      ['policies', { recordType: 'estimate', recordStatus: 'any', keepDays: 30 }, 'recordType'],
      ['policies', { recordType: 'case', recordStatus: 'open', keepDays: 30 }, 'recordStatus'],
      ['policies', { recordType: 'case', recordStatus: 'closed', keepDays: 0 }, 'keepDays'],
      ['policies', { recordType: 'case', recordStatus: 'closed', keepDays: 30, shred: true }, 'shred'],
      ['holds', { recordType: 'case', reason: 'Court order' }, 'minKeepDays'],
      ['holds', { recordType: 'case', minKeepDays: 10, reason: 'x', heldUntil: '2001-01-01' }, 'heldUntil'],
    ];
    for (const [path, body, field] of bodies) {
      const response = await dpo.api.post(`${BASE}/${path}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message, JSON.stringify(body)).toContain(field);
    }
    expect((await dpo.api.get(`${BASE}/policies`)).body.items).toEqual([]);
    expect((await dpo.api.get(`${BASE}/holds`)).body.items).toEqual([]);
    expect((await dpo.api.post(`${BASE}/runs`, { dryRun: 'yes' })).status).toBe(400);
  });

  describe('closed cases kept two years', () => {
    let expired: string;
    let held: string;
    let recent: string;
    let open: string;
    let policy: { id: string; version: number };

    beforeAll(async () => {
      expired = await closedCase(800, 'Expired secret reason');
      held = await closedCase(900, 'Held secret reason');
      recent = await closedCase(10);
      open = await closedCase(null);
    });

    it('creates a policy in dry-run mode (201), refuses a second one for the same status (409)', async () => {
      const created = await dpo.api.post(`${BASE}/policies`, {
        recordType: 'case',
        recordStatus: 'closed',
        keepDays: 730,
        note: 'Closed cases two years after closure',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        recordType: 'case',
        recordStatus: 'closed',
        keepDays: 730,
        effectiveKeepDays: 730,
        mode: 'dry_run',
        action: 'crypto_shred',
        version: 1,
      });
      policy = created.body;
      const again = await dpo.api.post(`${BASE}/policies`, {
        recordType: 'case',
        recordStatus: 'closed',
        keepDays: 365,
      });
      expect(again.status).toBe(409);
      expect((await outsiderDpo.api.get(`${BASE}/policies`)).body.items).toEqual([]);
    });

    it('places a hold on one case (201); another organisation’s case is 404', async () => {
      const hold = await dpo.api.post(`${BASE}/holds`, {
        recordType: 'case',
        recordId: held,
        reason: 'Evidence for the tribunal',
      });
      expect(hold.status).toBe(201);
      expect(hold.body).toMatchObject({
        recordType: 'case',
        recordId: held,
        reason: 'Evidence for the tribunal',
      });
      const foreign = await outsiderDpo.api.post(`${BASE}/holds`, {
        recordType: 'case',
        recordId: expired,
        reason: 'Not mine',
      });
      expect(foreign.status).toBe(404);
    });

    it('refuses to activate a policy before a dry run of it (409)', async () => {
      const response = await dpo.api.patch(`${BASE}/policies/${policy.id}`, {
        mode: 'active',
        version: policy.version,
      });
      expect(response.status).toBe(409);
      expect(response.body.error.message).toContain('dry run');
    });

    it('the dry run lists exactly the expired case, counts the held one, and shreds nothing', async () => {
      const preview = await dpo.api.get(`${BASE}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.body.id).toBeNull();
      const run = await dpo.api.post(`${BASE}/runs`, { dryRun: true });
      expect(run.status).toBe(201);
      for (const report of [preview.body, run.body]) {
        expect(report.policies).toHaveLength(1);
        expect(report.policies[0]).toMatchObject({
          policyId: policy.id,
          eligible: 1,
          held: 1,
          processed: 0,
          sampleIds: [expired],
        });
      }
      for (const id of [expired, held, recent, open]) expect(await hasKey(id)).toBe(true);
      const runs = await dpo.api.get(`${BASE}/runs`);
      expect(runs.body.items.map((r: { id: string }) => r.id)).toContain(run.body.id);
    });

    it('the run shreds the expired case only: unreadable, its facts kept, the audit chain valid', async () => {
      const activated = await dpo.api.patch(`${BASE}/policies/${policy.id}`, {
        mode: 'active',
        version: policy.version,
      });
      expect(activated.status).toBe(200);
      expect(activated.body).toMatchObject({ mode: 'active', version: 2 });
      const stale = await dpo.api.patch(`${BASE}/policies/${policy.id}`, { keepDays: 800, version: 1 });
      expect(stale.status).toBe(409);
      expect((await outsiderDpo.api.patch(`${BASE}/policies/${policy.id}`, { version: 2 })).status).toBe(404);

      const run = await dpo.api.post(`${BASE}/runs`, { dryRun: false });
      expect(run.status).toBe(201);
      expect(run.body.policies[0]).toMatchObject({ processed: 1, held: 1 });
      expect(await hasKey(expired)).toBe(false);
      for (const id of [held, recent, open]) expect(await hasKey(id)).toBe(true);

      const view = await caseworker.api.get(`/api/cases/${expired}`);
      expect(JSON.stringify(view.body)).not.toContain('Expired secret reason');
      const kept = await h.db
        .selectFrom('cases')
        .select(['status', 'type'])
        .where('id', '=', expired)
        .executeTakeFirstOrThrow();
      expect(kept.status).toBe('closed');
      const ledger = await h.db
        .selectFrom('erasure_ledger' as 'cases')
        .selectAll()
        .where('subject_id' as 'id', '=', expired)
        .execute();
      expect(ledger).toHaveLength(1);
      expect(await verifyAuditChain(h.db, h.keys)).toMatchObject({ ok: true });

      // A second run finds nothing left to do.
      const again = await dpo.api.post(`${BASE}/runs`, { dryRun: false });
      expect(again.body.policies[0]).toMatchObject({ processed: 0, eligible: 0, held: 1 });
    });

    it('a type-wide legal hold sets a floor: a shorter policy is refused (400) and changes nothing', async () => {
      const floor = await dpo.api.post(`${BASE}/holds`, {
        recordType: 'case',
        minKeepDays: 1825,
        reason: 'Statute of limitations',
      });
      expect(floor.status).toBe(201);
      const policies = await dpo.api.get(`${BASE}/policies`);
      expect(policies.body.items[0]).toMatchObject({ keepDays: 730, effectiveKeepDays: 1825 });
      const shorter = await dpo.api.patch(`${BASE}/policies/${policy.id}`, { keepDays: 1000, version: 2 });
      expect(shorter.status).toBe(400);
      expect(shorter.body.error.message).toContain('Statute of limitations');
      expect((await dpo.api.get(`${BASE}/policies`)).body.items[0]).toMatchObject({
        keepDays: 730,
        version: 2,
      });
      const tracing = await dpo.api.post(`${BASE}/holds`, {
        recordType: 'tracing_request',
        minKeepDays: 400,
        reason: 'Tracing minimum',
      });
      expect(tracing.status).toBe(201);
      const tooShort = await dpo.api.post(`${BASE}/policies`, {
        recordType: 'tracing_request',
        recordStatus: 'closed',
        keepDays: 100,
      });
      expect(tooShort.status).toBe(400);
      expect(tooShort.body.error.message).toContain('keepDays');

      expect((await outsiderDpo.api.post(`${BASE}/holds/${floor.body.id}/release`)).status).toBe(404);
      const released = await dpo.api.post(`${BASE}/holds/${floor.body.id}/release`);
      expect(released.status).toBe(200);
      expect((await dpo.api.post(`${BASE}/holds/${floor.body.id}/release`)).status).toBe(409);
      expect((await dpo.api.get(`${BASE}/policies`)).body.items[0]).toMatchObject({ effectiveKeepDays: 730 });
    });

    it('releasing the record hold lets the next run shred that case', async () => {
      const holds = await dpo.api.get(`${BASE}/holds`);
      const hold = holds.body.items.find((x: { recordId: string | null }) => x.recordId === held);
      expect((await dpo.api.post(`${BASE}/holds/${hold.id}/release`)).status).toBe(200);
      const run = await dpo.api.post(`${BASE}/runs`, { dryRun: false });
      expect(run.body.policies.find((p: { policyId: string }) => p.policyId === policy.id)).toMatchObject({
        processed: 1,
        held: 0,
      });
      expect(await hasKey(held)).toBe(false);
      expect(await hasKey(recent)).toBe(true);
    });
  });

  it('two runs at once (two processes) shred each due record exactly once', async () => {
    const orgId = (await h.createOrg()).id;
    const officer = await h.createUser(['data_protection_officer'], orgId);
    const reg = await h.createUser(['registration_officer'], orgId);
    const worker = await h.createUser(['caseworker'], orgId);
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const personId = await registerPerson(reg, { givenName: `Parallel${i}` });
      const row = await openCase(worker, personId);
      ids.push(row.id);
    }
    await h.db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: new Date(Date.now() - 400 * DAY_MS).toISOString() })
      .where('id', 'in', ids)
      .execute();
    const created = await officer.api.post(`${BASE}/policies`, {
      recordType: 'case',
      recordStatus: 'closed',
      keepDays: 365,
    });
    await officer.api.post(`${BASE}/runs`, { dryRun: true });
    expect(
      (await officer.api.patch(`${BASE}/policies/${created.body.id}`, { mode: 'active', version: 1 })).status,
    ).toBe(200);

    const ctx: ServiceContext = { db: h.db, keys: h.keys, now: h.clock.now, actor: SYSTEM_ACTOR };
    const reports = await Promise.all([
      runRetention(ctx, orgId, { dryRun: false, trigger: 'job' }),
      runRetention(ctx, orgId, { dryRun: false, trigger: 'job' }),
    ]);
    const processed = reports.reduce((sum, r) => sum + r.policies[0]!.processed, 0);
    expect(processed).toBe(6);
    const remaining = await h.db
      .selectFrom('case_keys')
      .select('case_id')
      .where('case_id', 'in', ids)
      .execute();
    expect(remaining).toEqual([]);
    const audited = await h.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'retention.shredded')
      .where('entity_id', 'in', ids)
      .execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual([...ids].sort());
    expect(await verifyAuditChain(h.db, h.keys)).toMatchObject({ ok: true });
  });
});
