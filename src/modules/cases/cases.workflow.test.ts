import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { checkTransition, nextSteps, type TransitionFacts, WORKFLOWS } from './cases.workflow.js';
import {
  biaAssessment,
  buildCaseTeam,
  type CaseTeam,
  childProtectionAssessment,
  generalAssessment,
  openCase,
  planBody,
  registerPerson,
  traffickingAssessment,
} from './testing/cases.fixture.js';

describe('workflows as data', () => {
  const facts = (row: Partial<TransitionFacts['row']>): TransitionFacts => ({
    row: {
      type: 'child_protection',
      status: 'open',
      assessed_at: null,
      bia_at: null,
      unaccompanied: 0,
      plan_created_at: null,
      plan_approved_at: null,
      ...row,
    },
    hasApprovedClosure: false,
    hasReason: false,
  });

  it('lets every type reach closure and reopen, and only general protection skip the plan', () => {
    for (const [type, workflow] of Object.entries(WORKFLOWS)) {
      expect(workflow.transitions.closed, type).toEqual(['open']);
      expect(workflow.steps.at(-1), type).toBe('closed');
    }
    expect(WORKFLOWS.general_protection.steps).not.toContain('case_plan');
    expect(
      checkTransition('implementation', facts({ type: 'general_protection', status: 'assessment' })),
    ).toEqual({
      ok: false,
      problem: 'assessment',
    });
  });

  it('asks a BIA only of an unaccompanied child', () => {
    const assessed = { status: 'assessment' as const, assessed_at: '2016-01-01T00:00:00Z' };
    expect(checkTransition('case_plan', facts(assessed))).toEqual({ ok: true });
    expect(checkTransition('case_plan', facts({ ...assessed, unaccompanied: 1 }))).toEqual({
      ok: false,
      problem: 'bia',
    });
    expect(
      nextSteps({ row: facts({ ...assessed, unaccompanied: 1 }).row, hasApprovedClosure: false }),
    ).toEqual([
      { to: 'case_plan', ready: false, blockedBy: 'bia' },
      { to: 'closed', ready: false, blockedBy: 'closure_approval' },
    ]);
  });
});

describeEngines('case workflow', (h) => {
  let team: CaseTeam;
  let childId: string;
  let caseId: string;

  beforeAll(async () => {
    team = await buildCaseTeam(h);
    childId = await registerPerson(team.registrar, { givenName: 'Abel', age: 16 });
    caseId = (await openCase(team.caseworker, childId, { risk: 'medium' })).id;
  });

  const move = (to: string, reason?: string, user = team.caseworker) =>
    user.api.post(`/api/cases/${caseId}/transitions`, reason ? { to, reason } : { to });
  const status = async () => (await team.caseworker.api.get(`/api/cases/${caseId}`)).body.status;

  it('refuses moves out of order with 409 and changes nothing', async () => {
    for (const to of ['case_plan', 'implementation', 'open']) {
      const response = await move(to);
      expect(response.status, `${to}: ${response.raw}`).toBe(409);
    }
    expect((await move('closed', 'no longer needed')).body.error.details[0].code).toBe('closure_approval');
    expect(await status()).toBe('open');
    const events = await team.caseworker.api.get(`/api/cases/${caseId}/timeline`);
    expect(events.body.items.map((e: { kind: string }) => e.kind)).toEqual(['opened']);
  });

  it('needs the assessment before the plan step (409), then the BIA for a child alone', async () => {
    expect((await move('assessment')).status).toBe(200);
    const noAssessment = await move('case_plan');
    expect(noAssessment.status).toBe(409);
    expect(noAssessment.body.error.details[0].code).toBe('assessment');
    const plan = await team.caseworker.api.post(`/api/cases/${caseId}/plans`, planBody());
    expect(plan.status).toBe(409);
    const assessed = await team.caseworker.api.post(
      `/api/cases/${caseId}/assessments`,
      childProtectionAssessment(),
    );
    expect(assessed.status).toBe(201);
    const noBia = await move('case_plan');
    expect(noBia.status).toBe(409);
    expect(noBia.body.error.details[0].code).toBe('bia');
    expect((await team.caseworker.api.post(`/api/cases/${caseId}/assessments`, biaAssessment())).status).toBe(
      201,
    );
    const planStep = await move('case_plan');
    expect(planStep.status).toBe(200);
    expect(planStep.body.status).toBe('case_plan');
  });

  it('needs an approved plan before implementation; supervisors approve, never their own request', async () => {
    const noPlan = await move('implementation');
    expect(noPlan.body.error.details[0].code).toBe('plan');
    expect((await team.caseworker.api.post(`/api/cases/${caseId}/plans`, planBody())).status).toBe(201);
    expect((await move('implementation')).body.error.details[0].code).toBe('approved_plan');
    const request = await team.supervisor.api.post(`/api/cases/${caseId}/approvals`, { kind: 'plan' });
    expect(request.status).toBe(201);
    const self = await team.supervisor.api.post(
      `/api/cases/${caseId}/approvals/${request.body.id}/decision`,
      {
        decision: 'approved',
      },
    );
    expect(self.status).toBe(403);
    const byCaseworker = await team.caseworker.api.post(
      `/api/cases/${caseId}/approvals/${request.body.id}/decision`,
      { decision: 'approved' },
    );
    expect(byCaseworker.status).toBe(403);
    const approved = await team.supervisor2.api.post(
      `/api/cases/${caseId}/approvals/${request.body.id}/decision`,
      {
        decision: 'approved',
        note: 'Good plan',
      },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.planApprovedAt).not.toBeNull();
    const implementation = await move('implementation');
    expect(implementation.status).toBe(200);
    expect(implementation.body.nextSteps).toEqual([
      { to: 'case_plan', ready: true, blockedBy: null },
      { to: 'closed', ready: false, blockedBy: 'closure_approval' },
    ]);
  });

  it('needs a reason to go back a step, and a revised plan needs approval again', async () => {
    const noReason = await move('case_plan');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^reason:/);
    expect((await move('case_plan', 'The child moved to a centre')).status).toBe(200);
    const revised = await team.caseworker.api.post(`/api/cases/${caseId}/plans`, planBody(10));
    expect(revised.body.version).toBe(2);
    expect((await move('implementation')).body.error.details[0].code).toBe('approved_plan');
  });

  it('closes only with a reason and a supervisor’s approval of the closure; reopens with a reason', async () => {
    const request = await team.caseworker.api.post(`/api/cases/${caseId}/approvals`, {
      kind: 'closure',
      closureReason: 'moved_away',
      note: 'Crossed to the UK',
    });
    expect(request.status).toBe(201);
    expect((await move('closed', 'Crossed to the UK')).body.error.details[0].code).toBe('closure_approval');
    const rejected = await team.supervisor.api.post(
      `/api/cases/${caseId}/approvals/${request.body.id}/decision`,
      {
        decision: 'rejected',
      },
    );
    expect(rejected.status).toBe(200);
    expect((await move('closed', 'Crossed to the UK')).status).toBe(409);
    const again = await team.caseworker.api.post(`/api/cases/${caseId}/approvals`, {
      kind: 'closure',
      closureReason: 'moved_away',
    });
    await team.supervisor.api.post(`/api/cases/${caseId}/approvals/${again.body.id}/decision`, {
      decision: 'approved',
    });
    const noReason = await move('closed');
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^reason:/);
    const closed = await move('closed', 'Confirmed arrival with his brother');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closureReason: 'moved_away' });
    expect((await team.caseworker.api.post(`/api/cases/${caseId}/notes`, { text: 'late note' })).status).toBe(
      409,
    );
    expect((await team.caseworker.api.get(`/api/alerts?entityId=${caseId}`)).body.items).toEqual([]);
    expect((await move('open')).status).toBe(400);
    const reopened = await move('open', 'He came back to Calais');
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({
      status: 'open',
      assessedAt: null,
      closedAt: null,
      closureReason: null,
    });
    const due = (await team.caseworker.api.get(`/api/alerts?entityId=${caseId}`)).body.items;
    expect(due.map((a: { rule: string }) => a.rule)).toContain('cases.assessment_due');
  });

  it('audits every transition', async () => {
    const entries = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_id', '=', caseId)
      .where('action', 'in', ['case.transition', 'case.reopen'])
      .execute();
    expect(entries.map((e) => JSON.parse(e.details ?? '{}').to)).toEqual([
      'assessment',
      'case_plan',
      'implementation',
      'case_plan',
      'closed',
      'open',
    ]);
  });

  it('runs general protection from assessment straight to implementation', async () => {
    const adult = await registerPerson(team.registrar, { givenName: 'Dawit' });
    const id = (await openCase(team.caseworker, adult, { type: 'general_protection', risk: 'low' })).id;
    await team.caseworker.api.post(`/api/cases/${id}/transitions`, { to: 'assessment' });
    expect((await team.caseworker.api.post(`/api/cases/${id}/transitions`, { to: 'case_plan' })).status).toBe(
      409,
    );
    expect((await team.caseworker.api.post(`/api/cases/${id}/plans`, planBody())).status).toBe(409);
    expect((await team.caseworker.api.post(`/api/cases/${id}/assessments`, biaAssessment())).status).toBe(
      400,
    );
    expect((await team.caseworker.api.post(`/api/cases/${id}/assessments`, generalAssessment())).status).toBe(
      201,
    );
    const moved = await team.caseworker.api.post(`/api/cases/${id}/transitions`, { to: 'implementation' });
    expect(moved.status).toBe(200);
  });

  it('raises risk from the trafficking checklist without ever labelling a victim', async () => {
    const person = await registerPerson(team.registrar, { givenName: 'Mariam', sex: 'female' });
    const id = (await openCase(team.caseworker, person, { type: 'trafficking', risk: 'low' })).id;
    const weak = await team.caseworker.api.post(
      `/api/cases/${id}/assessments`,
      traffickingAssessment(['no_language_or_information']),
    );
    expect(weak.body).toMatchObject({ suggestedRisk: null, caseRisk: 'low', riskRaised: false });
    const strong = await team.caseworker.api.post(
      `/api/cases/${id}/assessments`,
      traffickingAssessment(['journey_debt_to_work_off', 'documents_held_by_others', 'always_accompanied']),
    );
    expect(strong.status).toBe(201);
    expect(strong.body).toMatchObject({ suggestedRisk: 'critical', caseRisk: 'critical', riskRaised: true });
    expect(strong.raw).not.toMatch(/victim/i);
    const unknown = await team.caseworker.api.post(
      `/api/cases/${id}/assessments`,
      traffickingAssessment(['is_victim']),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^answers\.indicators\.0:/);
    // A later, milder checklist never lowers the risk.
    await team.caseworker.api.post(`/api/cases/${id}/assessments`, traffickingAssessment(['hazardous_work']));
    expect((await team.caseworker.api.get(`/api/cases/${id}`)).body.risk).toBe('critical');
    const stored = await h.db
      .selectFrom('case_assessments')
      .select('answers')
      .where('case_id', '=', id)
      .execute();
    expect(JSON.stringify(stored)).not.toContain('documents_held_by_others');
  });
});
