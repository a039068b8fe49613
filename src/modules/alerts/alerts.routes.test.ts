import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { type RaiseAlertInput, raiseAlert } from './alerts.service.js';

describeEngines('alerts API', (h) => {
  let orgId: string;
  let caseworker: TestUser;
  let colleague: TestUser;
  let supervisor: TestUser;
  let registrar: TestUser;

  const raise = (rule: string, entityId: string, extra: Partial<RaiseAlertInput> = {}) =>
    h.db.transaction().execute((trx) =>
      raiseAlert(trx, h.systemContext(), {
        orgId,
        rule,
        entity: 'person',
        entityId,
        severity: 'warning',
        assignedRole: 'caseworker',
        ...extra,
      }),
    );
  const inbox = async (user: TestUser, query = '') => (await user.api.get(`/api/alerts${query}`)).body;

  beforeAll(async () => {
    orgId = (await h.createOrg()).id;
    caseworker = await h.createUser(['caseworker'], orgId);
    colleague = await h.createUser(['caseworker'], orgId);
    supervisor = await h.createUser(['case_supervisor'], orgId);
    registrar = await h.createUser(['registration_officer'], orgId);
    const now = h.clock.now().getTime();
    const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
    await raise('test.later', 'p-later', { dueAt: at(48) });
    await raise('test.soon', 'p-soon', { dueAt: at(2) });
    await raise('test.late', 'p-late', { dueAt: at(-5) });
    await raise('test.none', 'p-none');
    await raise('test.hidden', 'p-hidden', { dueAt: at(200), visibleFrom: at(100) });
    await raise('test.supervisors', 'p-sup', { assignedRole: 'case_supervisor', dueAt: at(1) });
  });

  it('lists due work first, pages through it, and keeps advance-notice alerts back until their time', async () => {
    const first = await inbox(caseworker, '?limit=2');
    expect(first.items.map((a: { rule: string }) => a.rule)).toEqual(['test.late', 'test.soon']);
    expect(first.items[0]).toMatchObject({ overdue: true, managed: false, allowed: ['resolve', 'assign'] });
    const second = await inbox(caseworker, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((a: { rule: string }) => a.rule)).toEqual(['test.later', 'test.none']);
    expect(second.nextCursor).toBeNull();
    const bad = await caseworker.api.get('/api/alerts?cursor=notacursor');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^cursor:/);
    h.clock.advance(101 * 3_600_000);
    expect((await inbox(caseworker)).items.map((a: { rule: string }) => a.rule)).toContain('test.hidden');
    h.clock.reset();
  });

  it('shows each role its own alerts', async () => {
    expect((await inbox(supervisor)).items.map((a: { rule: string }) => a.rule)).toEqual([
      'test.supervisors',
    ]);
    expect((await inbox(registrar)).items).toEqual([]);
  });

  it('lets a supervisor assign an alert to a caseworker, who then has it as theirs', async () => {
    const [late] = (await inbox(caseworker)).items;
    const wrongRole = await supervisor.api.post(`/api/alerts/${late.id}/assign`, { userId: registrar.id });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.error.message).toMatch(/^userId:/);
    expect(
      (await caseworker.api.post(`/api/alerts/${late.id}/assign`, { userId: colleague.id })).status,
    ).toBe(403);
    const assigned = await supervisor.api.post(`/api/alerts/${late.id}/assign`, { userId: colleague.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignedUserId).toBe(colleague.id);
    expect((await inbox(colleague, '?mine=true')).items.map((a: { id: string }) => a.id)).toEqual([late.id]);
    expect((await inbox(caseworker)).items.map((a: { id: string }) => a.id)).not.toContain(late.id);
  });

  it('resolves a manual alert once, audited; another organisation gets 404', async () => {
    const [soon] = (await inbox(caseworker)).items;
    const outsider = await h.createUser(['caseworker']);
    expect((await outsider.api.post(`/api/alerts/${soon.id}/resolve`)).status).toBe(404);
    expect((await caseworker.api.post(`/api/alerts/${soon.id}/resolve`)).status).toBe(200);
    expect((await caseworker.api.post(`/api/alerts/${soon.id}/resolve`)).status).toBe(409);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', soon.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['alert.resolve']);
    // The dedupe key is released: the same rule may fall due again for the same record later.
    await raise(soon.rule, soon.entityId);
    expect(
      (await inbox(caseworker)).items.filter((a: { rule: string }) => a.rule === soon.rule),
    ).toHaveLength(1);
  });
});
