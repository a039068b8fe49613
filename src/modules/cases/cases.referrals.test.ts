import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import {
  buildCaseTeam,
  type CaseTeam,
  openCase,
  registerPerson,
  type TestUser,
} from './testing/cases.fixture.js';

describeEngines('referrals and transfers', (h) => {
  let team: CaseTeam;
  let partner: CaseTeam;
  let childId: string;
  let caseId: string;

  beforeAll(async () => {
    team = await buildCaseTeam(h);
    partner = await buildCaseTeam(h);
    childId = await registerPerson(team.registrar, { givenName: 'Abel', fathersName: 'Haile', age: 15 });
    caseId = (await openCase(team.caseworker, childId, { risk: 'high' })).id;
  });

  const refer = (user: TestUser, body: Record<string, unknown> = {}) =>
    user.api.post(`/api/cases/${caseId}/referrals`, {
      kind: 'referral',
      toOrgId: partner.orgId,
      service: 'child_protection',
      note: 'Please take Abel into your night shelter',
      ...body,
    });
  const incoming = async (user: TestUser) =>
    (await user.api.get('/api/referrals?direction=incoming')).body.items;

  it('answers 404 to another organisation until a referral is accepted', async () => {
    expect((await partner.caseworker.api.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await partner.caseworker.api.get(`/api/people/${childId}`)).status).toBe(404);
  });

  it('refers with the person’s consent; the receiving side sees the request and an alert, not the case', async () => {
    const referral = await refer(team.caseworker, { urgent: true });
    expect(referral.status).toBe(201);
    expect(referral.body).toMatchObject({
      status: 'requested',
      consentBasis: 'consent',
      toOrgId: partner.orgId,
    });
    const [received] = await incoming(partner.caseworker);
    expect(received).toMatchObject({
      id: referral.body.id,
      caseId,
      caseType: 'child_protection',
      note: 'Please take Abel into your night shelter',
      allowed: ['accept', 'reject'],
    });
    const alerts = (await partner.caseworker.api.get('/api/alerts')).body.items;
    expect(alerts).toEqual([
      expect.objectContaining({
        rule: 'cases.referral_received',
        entityId: caseId,
        subjectId: referral.body.id,
      }),
    ]);
    expect(JSON.stringify(alerts)).not.toContain('Abel');
    expect((await partner.caseworker.api.get(`/api/cases/${caseId}`)).status).toBe(404);
    const twice = await refer(team.caseworker);
    expect(twice.status).toBe(409);
  });

  it('accepting shares the case and the person: 200, the partner records its work but does not steer', async () => {
    const [received] = await incoming(partner.caseworker);
    const accepted = await partner.caseworker.api.post(`/api/referrals/${received.id}/decision`, {
      decision: 'accepted',
      note: 'Bed available tonight',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const read = await partner.caseworker.api.get(`/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ owner: false, access: 'full', person: { name: 'Abel Haile' } });
    expect(read.body.allowed).toEqual(['note', 'followUp', 'service', 'attach']);
    expect((await partner.caseworker.api.get(`/api/people/${childId}`)).status).toBe(200);
    const note = await partner.caseworker.api.post(`/api/cases/${caseId}/notes`, {
      text: 'Slept at the shelter',
    });
    expect(note.status).toBe(201);
    expect(
      (await partner.caseworker.api.post(`/api/cases/${caseId}/transitions`, { to: 'assessment' })).status,
    ).toBe(403);
    expect((await partner.caseworker.api.get('/api/alerts')).body.items).toEqual([]);
    const again = await partner.caseworker.api.post(`/api/referrals/${received.id}/decision`, {
      decision: 'rejected',
    });
    expect(again.status).toBe(409);
    const shares = await h.db
      .selectFrom('record_shares')
      .selectAll()
      .where('source_id', '=', received.id)
      .execute();
    expect(shares.map((s) => [s.record_type, s.granted_by]).sort()).toEqual([
      ['case', 'referral'],
      ['person', 'referral'],
    ]);
  });

  it('revoking ends the shares at once: 404 again', async () => {
    const [sent] = (await team.caseworker.api.get('/api/referrals?direction=outgoing')).body.items;
    expect(sent.allowed).toEqual(['revoke']);
    const noReason = await team.caseworker.api.post(`/api/referrals/${sent.id}/revoke`, {});
    expect(noReason.status).toBe(400);
    const revoked = await team.caseworker.api.post(`/api/referrals/${sent.id}/revoke`, {
      reason: 'Placed with ASE',
    });
    expect(revoked.body.status).toBe('revoked');
    expect((await partner.caseworker.api.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await partner.caseworker.api.get(`/api/people/${childId}`)).status).toBe(404);
  });

  it('without referral consent: 403 consent_required, and nothing is written', async () => {
    await team.caseworker.api.post(`/api/people/${childId}/consent`, { withdraw: ['referral'] });
    const before = await h.db.selectFrom('case_referrals').select('id').execute();
    const refused = await refer(team.caseworker);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('consent_required');
    const notPermitted = await refer(team.caseworker, {
      consentOverride: { reason: 'best_interests_of_child', note: 'At risk tonight' },
    });
    expect(notPermitted.status).toBe(403);
    expect(notPermitted.body.error.message).toMatch(/^consentOverride:/);
    expect(await h.db.selectFrom('case_referrals').select('id').execute()).toHaveLength(before.length);
  });

  it('a case supervisor overrides the missing consent with a reason, audited on its own', async () => {
    const noReason = await refer(team.supervisor, { consentOverride: { reason: 'best_interests_of_child' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^consentOverride\.note:/);
    const overridden = await refer(team.supervisor, {
      consentOverride: { reason: 'best_interests_of_child', note: 'Sleeping rough in winter' },
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({
      consentBasis: 'override',
      overrideReason: 'best_interests_of_child',
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['details', 'actor_id'])
      .where('action', '=', 'case.consent_override')
      .where('entity_id', '=', caseId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(team.supervisor.id);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ reason: 'best_interests_of_child' });
    expect(JSON.stringify(audit)).not.toContain('winter');
    const rejected = await partner.supervisor.api.post(`/api/referrals/${overridden.body.id}/decision`, {
      decision: 'rejected',
      note: 'No places for minors',
    });
    expect(rejected.body.status).toBe('rejected');
    expect((await partner.caseworker.api.get(`/api/cases/${caseId}`)).status).toBe(404);
    await team.caseworker.api.post(`/api/people/${childId}/consent`, {
      basis: 'consent',
      give: ['referral'],
    });
  });

  it('refuses to refer to your own or an unknown organisation (400) and hides others’ referrals (404)', async () => {
    expect((await refer(team.caseworker, { toOrgId: team.orgId })).body.error.message).toMatch(/^toOrgId:/);
    expect((await refer(team.caseworker, { toOrgId: 'nosuchorg' })).status).toBe(400);
    const [sent] = (await team.caseworker.api.get('/api/referrals?direction=outgoing')).body.items;
    const stranger = await h.createUser(['caseworker']);
    expect(
      (await stranger.api.post(`/api/referrals/${sent.id}/decision`, { decision: 'accepted' })).status,
    ).toBe(404);
    expect((await stranger.api.post(`/api/referrals/${sent.id}/revoke`, { reason: 'x' })).status).toBe(404);
  });

  it('a transfer moves ownership: deadlines follow, the former owner keeps read access', async () => {
    const transfer = await refer(team.caseworker, { kind: 'transfer', service: 'child_protection' });
    expect(transfer.status).toBe(201);
    const accepted = await partner.colleague.api.post(`/api/referrals/${transfer.body.id}/decision`, {
      decision: 'accepted',
    });
    expect(accepted.status).toBe(200);
    const now = await partner.colleague.api.get(`/api/cases/${caseId}`);
    expect(now.body).toMatchObject({
      owner: true,
      orgId: partner.orgId,
      assignedUserId: partner.colleague.id,
    });
    const due = (await partner.colleague.api.get('/api/alerts')).body.items;
    expect(due.map((a: { rule: string }) => a.rule)).toContain('cases.assessment_due');
    expect(
      (await team.caseworker.api.get('/api/alerts')).body.items.filter(
        (a: { entityId: string }) => a.entityId === caseId,
      ),
    ).toEqual([]);
    const former = await team.caseworker.api.get(`/api/cases/${caseId}`);
    expect(former.status).toBe(200);
    expect(former.body.owner).toBe(false);
    expect(
      (await team.caseworker.api.post(`/api/cases/${caseId}/transitions`, { to: 'assessment' })).status,
    ).toBe(403);
    expect(
      (await team.caseworker.api.post(`/api/referrals/${transfer.body.id}/revoke`, { reason: 'x' })).status,
    ).toBe(409);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', caseId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['case.refer', 'case.referral_decide']),
    );
  });
  it('runs referrals to different organisations side by side, but one transfer at a time', async () => {
    const third = await buildCaseTeam(h);
    const person = await registerPerson(team.registrar, { givenName: 'Selam', sex: 'female' });
    const id = (await openCase(team.caseworker, person, { type: 'general_protection', risk: 'low' })).id;
    const send = (toOrgId: string, kind = 'referral') =>
      team.caseworker.api.post(`/api/cases/${id}/referrals`, { kind, toOrgId, service: 'health' });
    expect((await send(partner.orgId)).status).toBe(201);
    expect((await send(third.orgId)).status).toBe(201);
    expect((await send(third.orgId)).status).toBe(409);
    const transfer = await send(third.orgId, 'transfer');
    expect(transfer.status).toBe(409);
    expect(transfer.body.error.message).toMatch(/wait for the answer or revoke it first/);
  });
});
