import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { buildCaseTeam, type CaseTeam, openCase, registerPerson } from './testing/cases.fixture.js';

describeEngines('case proposals from recorded needs', (h) => {
  let team: CaseTeam;

  beforeAll(async () => {
    team = await buildCaseTeam(h);
  });

  const proposals = async (personId: string) =>
    ((await team.supervisor.api.get(`/api/alerts?rule=cases.proposed&entityId=${personId}`)).body.items ??
      []) as Array<{
      subjectId: string;
      severity: string;
      details: { suggestedType: string; needs: string[] };
    }>;
  const casesOf = (personId: string) =>
    h.db.selectFrom('cases').select('id').where('person_id', '=', personId).execute();

  it('proposes a child protection case to supervisors when a child alone is registered, opening none', async () => {
    const child = await registerPerson(team.registrar, { givenName: 'Abel', age: 14 });
    const [proposal] = await proposals(child);
    expect(proposal).toMatchObject({
      subjectId: 'child_protection',
      severity: 'urgent',
      details: { suggestedType: 'child_protection', needs: ['SC-UC'] },
    });
    expect(await casesOf(child)).toEqual([]);
    // Caseworkers see the registry's own alert for the child; the proposal is for supervisors.
    const caseworkerAlerts = (await team.caseworker.api.get(`/api/alerts?entityId=${child}`)).body.items;
    expect(caseworkerAlerts.map((a: { rule: string }) => a.rule)).toEqual(['registry.unaccompanied_child']);
  });

  it('proposes trafficking and gbv cases when such needs are added later, and nothing for other needs', async () => {
    const adult = await registerPerson(team.registrar, {
      givenName: 'Mariam',
      sex: 'female',
      specificNeeds: ['SM-CI'],
    });
    expect(await proposals(adult)).toEqual([]);
    const added = await team.registrar.api.post(`/api/people/${adult}/needs`, {
      add: ['TI-DB', 'TI-CD', 'SV-VA'],
    });
    expect(added.status).toBe(200);
    const found = await proposals(adult);
    expect(found.map((p) => p.subjectId).sort()).toEqual(['gbv', 'trafficking']);
    expect(found.find((p) => p.subjectId === 'trafficking')?.details.needs).toEqual(['TI-DB', 'TI-CD']);
    expect(await casesOf(adult)).toEqual([]);
  });

  it('opening the proposed case resolves its proposal (and the child-alone alert), not the others', async () => {
    const child = await registerPerson(team.registrar, {
      givenName: 'Yonas',
      age: 16,
      specificNeeds: ['TI-RM'],
    });
    expect((await proposals(child)).map((p) => p.subjectId).sort()).toEqual([
      'child_protection',
      'trafficking',
    ]);
    await openCase(team.caseworker, child, { type: 'child_protection', risk: 'high' });
    expect((await proposals(child)).map((p) => p.subjectId)).toEqual(['trafficking']);
    const registryAlert = (await team.caseworker.api.get(`/api/alerts?entityId=${child}`)).body.items;
    expect(registryAlert).toEqual([]);
    // A trafficking need recorded now does not propose a second child protection case.
    await team.registrar.api.post(`/api/people/${child}/needs`, { add: ['CR-LW'] });
    expect((await proposals(child)).map((p) => p.subjectId)).toEqual(['trafficking']);
  });

  it('refreshes an open case when the child is recorded as alone later: shorter deadline, BIA due', async () => {
    const boy = await registerPerson(team.registrar, {
      givenName: 'Samuel',
      age: 17,
      householdId: undefined,
    });
    await team.registrar.api.post(`/api/people/${boy}/needs`, { remove: ['SC-UC'] });
    const opened = await openCase(team.caseworker, boy, { type: 'child_protection', risk: 'low' });
    const read = async () => (await team.caseworker.api.get(`/api/cases/${opened.id}`)).body;
    expect((await read()).unaccompanied).toBe(false);
    await team.registrar.api.post(`/api/people/${boy}/needs`, { add: ['SC-SC'] });
    const after = await read();
    expect(after.unaccompanied).toBe(true);
    const due = after.dueItems.find((d: { rule: string }) => d.rule === 'cases.assessment_due');
    expect(Date.parse(due.dueAt) - Date.parse(after.openedAt)).toBe(24 * 3_600_000);
  });
});
