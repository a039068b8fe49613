import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import {
  buildPathwayTeam,
  namesField,
  type PathwayTeam,
  registerPerson,
} from './testing/pathways.fixture.js';

describeEngines('pathways API', (h) => {
  let team: PathwayTeam;
  let personId: string;
  let strangerId: string;

  beforeAll(async () => {
    team = await buildPathwayTeam(h);
    personId = await registerPerson(team.registrar, { givenName: 'Yonas', fathersName: 'Tesfay' });
    strangerId = await registerPerson(team.outsiderRegistrar, { givenName: 'Ahmad' });
  });

  const count = async (table: 'pathways' | 'procedures' | 'procedure_events' | 'procedure_documents') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = (action: string, entityId: string) =>
    h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('entity_id', '=', entityId)
      .execute();

  it('chooses a pathway (201), keeps one current and the history, and audits without personal data', async () => {
    const first = await team.counsellor.api.post(`/api/people/${personId}/pathways`, {
      route: 'undecided',
      since: '2026-01-05',
      notes: 'Wants to think about the UK',
    });
    expect(first.status, first.raw).toBe(201);
    expect(first.body).toMatchObject({ route: 'undecided', since: '2026-01-05', current: true, until: null });
    const second = await team.caseworker.api.post(`/api/people/${personId}/pathways`, {
      route: 'asylum_france',
      since: '2026-02-01',
    });
    expect(second.status, second.raw).toBe(201);
    const read = await team.caseworker.api.get(`/api/people/${personId}/pathways`);
    expect(read.status).toBe(200);
    expect(read.body.current).toMatchObject({ route: 'asylum_france', since: '2026-02-01' });
    expect(read.body.history).toHaveLength(2);
    expect(read.body.history[1]).toMatchObject({
      route: 'undecided',
      until: '2026-02-01',
      current: false,
      notes: 'Wants to think about the UK',
    });
    expect(read.body.allowed).toEqual(expect.arrayContaining(['choosePathway', 'openProcedure']));
    const stored = await h.db
      .selectFrom('pathways')
      .select('notes')
      .where('id', '=', first.body.id)
      .execute();
    expect(stored[0]?.notes).not.toContain('UK');
    const chosen = await audits('pathway.choose', personId);
    expect(chosen).toHaveLength(2);
    expect(JSON.stringify(chosen)).not.toContain('Yonas');
    expect(await audits('pathway.read', personId)).toHaveLength(1);
  });

  it('refuses the same route again (409) and bad input (400 naming the field), writing nothing', async () => {
    const before = await count('pathways');
    const same = await team.caseworker.api.post(`/api/people/${personId}/pathways`, {
      route: 'asylum_france',
    });
    expect(same.status).toBe(409);
    const bodies: Array<[Record<string, unknown>, string]> = [
      [{}, 'route'],
      [{ route: 'england' }, 'route'],
      [{ route: 'dublin', since: '2026-13-01' }, 'since'],
      [{ route: 'dublin', since: '2099-01-01' }, 'since'],
      [{ route: 'dublin', since: '2026-01-10' }, 'since'], // before the current route began
      [{ route: 'dublin', reunificationCaseId: 'nosuchcase' }, 'reunificationCaseId'],
      [{ route: 'family_reunification', reunificationCaseId: 'nosuchcase' }, 'reunificationCaseId'],
      [{ route: 'dublin', counsellingSessionId: 'nosuchsession' }, 'counsellingSessionId'],
      [{ route: 'dublin', notes: 'bell\u0007' }, 'notes'],
      [{ route: 'dublin', colour: 'blue' }, 'colour'],
    ];
    for (const [body, field] of bodies) {
      const response = await team.caseworker.api.post(`/api/people/${personId}/pathways`, body);
      expect(namesField(response), JSON.stringify(body)).toEqual({ status: 400, field });
    }
    expect(await count('pathways')).toBe(before);
  });

  it('answers 401 without credentials, 403 to roles outside, 404 out of scope', async () => {
    expect((await h.client().get(`/api/people/${personId}/pathways`)).status).toBe(401);
    expect((await team.registrar.api.get(`/api/people/${personId}/pathways`)).status).toBe(403);
    expect(
      (await team.analyst.api.post(`/api/people/${personId}/pathways`, { route: 'dublin' })).status,
    ).toBe(403);
    expect((await team.outsider.api.get(`/api/people/${personId}/pathways`)).status).toBe(404);
    expect(
      (await team.outsider.api.post(`/api/people/${personId}/pathways`, { route: 'dublin' })).status,
    ).toBe(404);
    expect((await team.caseworker.api.get(`/api/people/${strangerId}/pathways`)).status).toBe(404);
    expect(
      (await team.caseworker.api.post(`/api/people/${strangerId}/procedures`, { kind: 'voluntary_return' }))
        .status,
    ).toBe(404);
  });

  it('opens an asylum procedure (201) once, and refuses inconsistent bodies (400)', async () => {
    const before = await count('procedures');
    const bodies: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'asylum' }, 'procedureType'],
      [{ kind: 'voluntary_return', procedureType: 'normal' }, 'procedureType'],
      [{ kind: 'asylum', procedureType: 'normal', destinationCountry: 'ERI' }, 'destinationCountry'],
      [{ kind: 'voluntary_return', destinationCountry: 'eritrea' }, 'destinationCountry'],
      [{ kind: 'asylum', procedureType: 'normal', country: 'GBR' }, 'country'],
      [{ kind: 'resettlement' }, 'kind'],
    ];
    for (const [body, field] of bodies) {
      const response = await team.caseworker.api.post(`/api/people/${personId}/procedures`, body);
      expect(namesField(response), JSON.stringify(body)).toEqual({ status: 400, field });
    }
    expect(await count('procedures')).toBe(before);
    const opened = await team.caseworker.api.post(`/api/people/${personId}/procedures`, {
      kind: 'asylum',
      procedureType: 'normal',
    });
    expect(opened.status, opened.raw).toBe(201);
    expect(opened.body).toMatchObject({
      kind: 'asylum',
      procedureType: 'normal',
      country: 'FRA',
      status: 'open',
    });
    expect(opened.body.nextStages).toEqual(expect.arrayContaining(['first_appointment', 'registration']));
    const again = await team.caseworker.api.post(`/api/people/${personId}/procedures`, {
      kind: 'asylum',
      procedureType: 'accelerated',
    });
    expect(again.status).toBe(409);
    expect(await audits('procedure.open', opened.body.id)).toHaveLength(1);
  });

  it('follows the law’s order: a decision before the application is refused and changes nothing', async () => {
    const [procedure] = (await team.caseworker.api.get(`/api/people/${personId}/pathways`)).body.procedures;
    const url = `/api/procedures/${procedure.id}/events`;
    const early = await team.caseworker.api.post(url, {
      stage: 'decision',
      occurredOn: '2026-03-01',
      result: 'rejected',
    });
    expect(namesField(early)).toEqual({ status: 400, field: 'stage' });
    const registered = await team.caseworker.api.post(url, {
      stage: 'registration',
      occurredOn: '2026-02-10',
    });
    expect(registered.status, registered.raw).toBe(201);
    // 21 days from Tuesday 10 February 2026: Tuesday 3 March 2026.
    expect(registered.body.deadlines).toEqual([
      expect.objectContaining({ rule: 'pathways.ofpra_application_due', dueOn: '2026-03-03', met: false }),
    ]);
    const before = await count('procedure_events');
    const refusals: Array<[Record<string, unknown>, string, number]> = [
      [{ stage: 'application', occurredOn: '2026-02-09' }, 'occurredOn', 400],
      [{ stage: 'registration', occurredOn: '2026-02-11' }, 'stage', 409],
      [{ stage: 'decision', occurredOn: '2026-02-20', result: 'rejected' }, 'stage', 400],
      [{ stage: 'application', occurredOn: '2099-02-20' }, 'occurredOn', 400],
      [{ stage: 'application', occurredOn: '2026-02-20', result: 'granted' }, 'result', 400],
      [{ stage: 'tea', occurredOn: '2026-02-20' }, 'stage', 400],
      [{ stage: 'transfer_decision', occurredOn: '2026-02-20', custody: 'none' }, 'stage', 400],
      [
        { stage: 'application', occurredOn: '2026-02-20', occurredAt: '2026-02-21T10:00:00Z' },
        'occurredAt',
        400,
      ],
    ];
    for (const [body, field, status] of refusals) {
      const response = await team.caseworker.api.post(url, body);
      expect(response.status, `${JSON.stringify(body)} ${response.raw}`).toBe(status);
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    expect(await count('procedure_events')).toBe(before);
    expect(
      (await team.caseworker.api.post(url, { stage: 'application', occurredOn: '2026-02-20' })).status,
    ).toBe(201);
    const decision = await team.caseworker.api.post(url, {
      stage: 'decision',
      occurredOn: '2026-10-30',
      result: 'rejected',
    });
    expect(decision.status, decision.raw).toBe(201);
    expect(decision.body.outcome).toBe('rejected');
    const byRule = Object.fromEntries(decision.body.deadlines.map((d: { rule: string }) => [d.rule, d]));
    // Application met on 20 February; CNDA appeal: one month from Friday 30 October 2026 is
    // Monday 30 November; legal aid: 15 days, Saturday 14 November 2026 (not moved).
    expect(byRule['pathways.ofpra_application_due']).toMatchObject({ met: true, metOn: '2026-02-20' });
    expect(byRule['pathways.cnda_appeal_due']).toMatchObject({
      dueOn: '2026-11-30',
      legalSource: expect.stringMatching(/art\./),
      met: false,
    });
    expect(byRule['pathways.legal_aid_due']).toMatchObject({ dueOn: '2026-11-14' });
    expect(decision.body.nextStages).toEqual(expect.arrayContaining(['appeal', 'legal_aid_request']));
  });

  it('raises an alert for the appeal deadline, naming the procedure', async () => {
    const [procedure] = (await team.caseworker.api.get(`/api/people/${personId}/pathways`)).body.procedures;
    const alerts = await h.db
      .selectFrom('alerts')
      .selectAll()
      .where('entity', '=', 'procedure')
      .where('entity_id', '=', procedure.id)
      .where('rule', '=', 'pathways.cnda_appeal_due')
      .execute();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.due_at).toBe(
      procedure.deadlines.find((d: { rule: string }) => d.rule === 'pathways.cnda_appeal_due').dueAt,
    );
  });

  it('records documents with expiry (201, number encrypted) and refuses an expiry before issue', async () => {
    const [procedure] = (await team.caseworker.api.get(`/api/people/${personId}/pathways`)).body.procedures;
    const url = `/api/procedures/${procedure.id}/documents`;
    const bad = await team.caseworker.api.post(url, {
      kind: 'asylum_certificate',
      issuedOn: '2026-02-10',
      expiresOn: '2026-02-01',
    });
    expect(namesField(bad)).toEqual({ status: 400, field: 'expiresOn' });
    expect(
      namesField(await team.caseworker.api.post(url, { kind: 'passport', issuedOn: '2026-02-10' })),
    ).toEqual({
      status: 400,
      field: 'kind',
    });
    const first = await team.caseworker.api.post(url, {
      kind: 'asylum_certificate',
      issuedOn: '2026-02-10',
      expiresOn: '2026-03-10',
      number: '7503-AB-12345',
    });
    expect(first.status, first.raw).toBe(201);
    const renewed = await team.caseworker.api.post(url, {
      kind: 'asylum_certificate',
      issuedOn: '2026-03-09',
      expiresOn: '2027-03-08',
    });
    expect(renewed.status).toBe(201);
    const certificates = renewed.body.documents.filter(
      (d: { kind: string }) => d.kind === 'asylum_certificate',
    );
    expect(certificates).toHaveLength(2);
    expect(certificates[0]).toMatchObject({ number: '7503-AB-12345', replacedBy: certificates[1].id });
    const stored = await h.db.selectFrom('procedure_documents').select('number').execute();
    expect(JSON.stringify(stored)).not.toContain('7503-AB');
    expect(await audits('procedure.document', procedure.id)).toHaveLength(2);
  });

  it('reads a procedure (200, audited); 401, 403 and 404 out of scope', async () => {
    const [procedure] = (await team.caseworker.api.get(`/api/people/${personId}/pathways`)).body.procedures;
    const url = `/api/procedures/${procedure.id}`;
    const read = await team.supervisor.api.get(url);
    expect(read.status).toBe(200);
    expect(read.body.events.map((e: { stage: string }) => e.stage)).toEqual([
      'registration',
      'application',
      'decision',
    ]);
    expect(await audits('procedure.read', procedure.id)).toHaveLength(1);
    expect((await h.client().get(url)).status).toBe(401);
    expect((await team.registrar.api.get(url)).status).toBe(403);
    expect((await team.outsider.api.get(url)).status).toBe(404);
    expect(
      (await team.outsider.api.post(`${url}/events`, { stage: 'appeal', occurredOn: '2026-11-02' })).status,
    ).toBe(404);
    expect(
      (await team.outsider.api.post(`${url}/documents`, { kind: 'other', issuedOn: '2026-11-02' })).status,
    ).toBe(404);
    expect((await team.caseworker.api.get('/api/procedures/nosuchprocedure')).status).toBe(404);
  });

  it('tracks a voluntary return: withdrawal possible until departure, then refused', async () => {
    const returnee = await registerPerson(team.registrar, { givenName: 'Samir' });
    const opened = await team.caseworker.api.post(`/api/people/${returnee}/procedures`, {
      kind: 'voluntary_return',
      destinationCountry: 'SDN',
    });
    expect(opened.status, opened.raw).toBe(201);
    expect(opened.body).toMatchObject({ procedureType: 'return', destinationCountry: 'SDN', deadlines: [] });
    const url = `/api/procedures/${opened.body.id}/events`;
    const steps = [
      { stage: 'request', occurredOn: '2026-09-01' },
      { stage: 'counselling', occurredOn: '2026-09-02' },
      { stage: 'counselling', occurredOn: '2026-09-09' },
      { stage: 'informed_decision', occurredOn: '2026-09-10' },
      { stage: 'eligibility', occurredOn: '2026-09-15', result: 'eligible' },
      { stage: 'travel_documents', occurredOn: '2026-10-01' },
      { stage: 'departure', occurredOn: '2026-10-20' },
    ];
    for (const step of steps) {
      const response = await team.caseworker.api.post(url, step);
      expect(response.status, `${step.stage} ${response.raw}`).toBe(201);
    }
    const late = await team.caseworker.api.post(url, { stage: 'withdrawn', occurredOn: '2026-10-21' });
    expect(namesField(late)).toEqual({ status: 400, field: 'stage' });
    const follow = await team.caseworker.api.post(url, {
      stage: 'reintegration_follow_up',
      occurredOn: '2026-11-20',
    });
    expect(follow.body).toMatchObject({ status: 'open', outcome: 'departed' });
  });

  it('closes a procedure on withdrawal, and a closed procedure refuses further stages (409)', async () => {
    const person = await registerPerson(team.registrar, { givenName: 'Hewan', sex: 'female' });
    const opened = await team.caseworker.api.post(`/api/people/${person}/procedures`, {
      kind: 'voluntary_return',
    });
    const url = `/api/procedures/${opened.body.id}/events`;
    await team.caseworker.api.post(url, { stage: 'request', occurredOn: '2026-09-01' });
    const withdrawn = await team.caseworker.api.post(url, { stage: 'withdrawn', occurredOn: '2026-09-03' });
    expect(withdrawn.body).toMatchObject({ status: 'closed', outcome: 'withdrawn', allowed: [] });
    const after = await team.caseworker.api.post(url, { stage: 'counselling', occurredOn: '2026-09-04' });
    expect(after.status).toBe(409);
    const doc = await team.caseworker.api.post(`/api/procedures/${opened.body.id}/documents`, {
      kind: 'other',
      issuedOn: '2026-09-04',
    });
    expect(doc.status).toBe(409);
  });
});
