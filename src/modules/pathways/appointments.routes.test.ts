import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import {
  buildPathwayTeam,
  namesField,
  type PathwayTeam,
  registerPerson,
} from './testing/pathways.fixture.js';

// Wednesday 10 March 2027, before summer time: Paris is UTC+1.
const DAY = '2027-03-10';
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;

describeEngines('appointments and interpreters API', (h) => {
  let team: PathwayTeam;
  let personId: string;
  let strangerId: string;
  let amina: string; // interpreter: Arabic (Sudanese) and Tigrinya, Wednesdays 09:00–17:00 Paris
  let dawit: string; // cultural mediator: Tigrinya and Amharic, on call

  beforeAll(async () => {
    team = await buildPathwayTeam(h);
    personId = await registerPerson(team.registrar, { givenName: 'Yonas', languages: ['ti'] });
    strangerId = await registerPerson(team.outsiderRegistrar, { givenName: 'Ahmad' });
  });

  const count = async (table: 'appointments' | 'interpreter_bookings' | 'interpreters') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const appointment = (overrides: Record<string, unknown> = {}) => ({
    personId,
    purpose: 'pathway_step',
    startsAt: at('09:00'),
    place: 'Préfecture du Pas-de-Calais, Arras',
    hostOrganisation: 'GUDA Arras',
    interpreterLanguage: 'ti',
    transport: 'organised',
    ...overrides,
  });

  it('manages the interpreter roster (201, 400 naming the field, 403 to caseworkers)', async () => {
    const created = await team.supervisor.api.post('/api/interpreters', {
      name: 'Amina Osman',
      kind: 'interpreter',
      languages: ['ar-SD', 'ti'],
      organisation: 'ISM Interprétariat',
      availability: [{ weekday: 3, from: '09:00', to: '17:00' }],
    });
    expect(created.status, created.raw).toBe(201);
    amina = created.body.id;
    const mediator = await team.counsellor.api.post('/api/interpreters', {
      name: 'Dawit Bekele',
      kind: 'cultural_mediator',
      languages: ['ti', 'am'],
      organisation: 'Secours Catholique',
    });
    expect(mediator.status).toBe(201);
    dawit = mediator.body.id;
    const before = await count('interpreters');
    const bodies: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'interpreter', languages: ['ar'], organisation: 'X' }, 'name'],
      [{ name: 'N', kind: 'interpreter', languages: [], organisation: 'X' }, 'languages'],
      [{ name: 'N', kind: 'interpreter', languages: ['Arabic'], organisation: 'X' }, 'languages'],
      [{ name: 'N', kind: 'interpreter', languages: ['ar', 'ar'], organisation: 'X' }, 'languages'],
      [{ name: 'N', kind: 'translator', languages: ['ar'], organisation: 'X' }, 'kind'],
      [
        {
          name: 'N',
          kind: 'interpreter',
          languages: ['ar'],
          organisation: 'X',
          availability: [{ weekday: 8, from: '09:00', to: '10:00' }],
        },
        'availability',
      ],
    ];
    for (const [body, field] of bodies) {
      const response = await team.supervisor.api.post('/api/interpreters', body);
      expect(response.status, response.raw).toBe(400);
      expect(response.body.error.message.startsWith(field), response.body.error.message).toBe(true);
    }
    expect(await count('interpreters')).toBe(before);
    expect((await team.caseworker.api.post('/api/interpreters', { name: 'N' })).status).toBe(403);
    expect((await h.client().get('/api/interpreters')).status).toBe(401);
    expect((await team.registrar.api.get('/api/interpreters')).status).toBe(403);
    const changed = await team.supervisor.api.patch(`/api/interpreters/${dawit}`, {
      languages: ['ti', 'am', 'ar'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.languages).toEqual(['ti', 'am', 'ar']);
    expect(
      (await team.supervisor.api.patch('/api/interpreters/nosuchinterpreter', { active: false })).status,
    ).toBe(404);
    // Another organisation's roster is not ours: 404, and its list is empty.
    const otherManager = await h.createUser(['case_supervisor'], team.outsider.orgId);
    expect((await otherManager.api.patch(`/api/interpreters/${amina}`, { active: false })).status).toBe(404);
    expect((await otherManager.api.get('/api/interpreters')).body.items).toEqual([]);
  });

  it('matches interpreters by language (dialects by their primary subtag) and by free time', async () => {
    const names = async (query: string) =>
      (await team.caseworker.api.get(`/api/interpreters?${query}`)).body.items.map(
        (i: { name: string }) => i.name,
      );
    expect(await names('language=ar')).toEqual(['Amina Osman', 'Dawit Bekele']);
    expect(await names('language=ar-SD')).toEqual(['Amina Osman', 'Dawit Bekele']);
    expect(await names('language=am')).toEqual(['Dawit Bekele']);
    expect(await names('language=ps')).toEqual([]);
    // 08:00 UTC is 09:00 in Paris: Amina's slot; 16:30 UTC is 17:30 in Paris: past it.
    expect(await names(`language=ti&from=${at('08:00')}&to=${at('09:00')}`)).toEqual([
      'Amina Osman',
      'Dawit Bekele',
    ]);
    expect(await names(`language=ti&from=${at('16:30')}&to=${at('17:30')}`)).toEqual(['Dawit Bekele']);
    const half = await team.caseworker.api.get(`/api/interpreters?from=${at('08:00')}`);
    expect(namesField(half)).toEqual({ status: 400, field: 'to' });
    expect(namesField(await team.caseworker.api.get('/api/interpreters?language=Tigrinya'))).toEqual({
      status: 400,
      field: 'language',
    });
  });

  it('creates an appointment (201) for a person in scope, audited; refuses bad input (400) and others (404)', async () => {
    const created = await team.caseworker.api.post(
      '/api/appointments',
      appointment({ notes: 'Bring the convocation' }),
    );
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({
      personName: 'Yonas Tesfay',
      localDate: DAY,
      status: 'scheduled',
      interpreter: null,
      notes: 'Bring the convocation',
      endsAt: at('10:00'),
    });
    expect(created.body.allowed).toEqual(expect.arrayContaining(['bookInterpreter', 'printSlip']));
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'appointment.create')
      .where('entity_id', '=', created.body.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Yonas');
    const before = await count('appointments');
    const bodies: Array<[Record<string, unknown>, string]> = [
      [appointment({ personId: undefined }), 'personId'],
      [appointment({ purpose: 'lunch' }), 'purpose'],
      [appointment({ startsAt: '10 March' }), 'startsAt'],
      [appointment({ endsAt: at('08:00') }), 'endsAt'],
      [appointment({ endsAt: '2027-03-11T09:00:00.000Z' }), 'endsAt'],
      [appointment({ place: '' }), 'place'],
      [appointment({ interpreterLanguage: 'Tigrinya' }), 'interpreterLanguage'],
      [appointment({ stage: 'interview' }), 'stage'],
      [appointment({ procedureId: 'nosuchprocedure' }), 'procedureId'],
      [appointment({ purpose: 'medical_referral', procedureId: 'nosuchprocedure' }), 'procedureId'],
      [appointment({ siteId: 'nosuchsite' }), 'siteId'],
      [appointment({ counsellingSessionId: 'nosuchsession' }), 'counsellingSessionId'],
      [appointment({ transport: 'camel' }), 'transport'],
    ];
    for (const [body, field] of bodies) {
      const response = await team.caseworker.api.post('/api/appointments', body);
      expect(namesField(response), JSON.stringify(body)).toEqual({ status: 400, field });
    }
    expect(await count('appointments')).toBe(before);
    expect(
      (await team.caseworker.api.post('/api/appointments', appointment({ personId: strangerId }))).status,
    ).toBe(404);
    expect((await team.outsider.api.post('/api/appointments', appointment())).status).toBe(404);
    expect((await team.registrar.api.post('/api/appointments', appointment())).status).toBe(403);
    expect((await h.client().post('/api/appointments', appointment())).status).toBe(401);
  });

  it('books an interpreter, and refuses a double booking or a wrong language, changing nothing', async () => {
    const first = (await team.caseworker.api.get(`/api/appointments?date=${DAY}`)).body.items[0];
    const booked = await team.caseworker.api.post('/api/interpreter-bookings', {
      interpreterId: amina,
      appointmentId: first.id,
    });
    expect(booked.status, booked.raw).toBe(201);
    expect(booked.body).toMatchObject({
      language: 'ti',
      startsAt: at('09:00'),
      endsAt: at('10:00'),
      status: 'booked',
    });
    const second = await team.caseworker.api.post(
      '/api/appointments',
      appointment({ startsAt: at('09:30'), place: 'OFII Calais', hostOrganisation: 'OFII' }),
    );
    const before = await count('interpreter_bookings');
    const clash = await team.caseworker.api.post('/api/interpreter-bookings', {
      interpreterId: amina,
      appointmentId: second.body.id,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.message).toMatch(/^interpreterId: Amina Osman is already booked/);
    const refusals: Array<[Record<string, unknown>, string, number]> = [
      [{ interpreterId: amina, appointmentId: first.id }, 'appointmentId', 409],
      [{ interpreterId: dawit, appointmentId: second.body.id, language: 'fa' }, 'language', 400],
      [{ interpreterId: 'nosuchinterpreter', appointmentId: second.body.id }, 'interpreterId', 400],
      [{ interpreterId: dawit }, 'appointmentId', 400],
      [
        { interpreterId: dawit, appointmentId: second.body.id, counsellingSessionId: 'x' },
        'appointmentId',
        400,
      ],
    ];
    for (const [body, field, status] of refusals) {
      const response = await team.caseworker.api.post('/api/interpreter-bookings', body);
      expect(response.status, `${JSON.stringify(body)} ${response.raw}`).toBe(status);
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    expect(await count('interpreter_bookings')).toBe(before);
    expect(
      (
        await team.outsider.api.post('/api/interpreter-bookings', {
          interpreterId: dawit,
          appointmentId: second.body.id,
        })
      ).status,
    ).toBe(404);
    const mediator = await team.caseworker.api.post('/api/interpreter-bookings', {
      interpreterId: dawit,
      appointmentId: second.body.id,
    });
    expect(mediator.status).toBe(201);
    // Amina is busy 10:00–11:00 Paris now; the roster filter says so.
    const free = await team.caseworker.api.get(
      `/api/interpreters?language=ti&from=${at('09:15')}&to=${at('09:45')}`,
    );
    expect(free.body.items).toEqual([]);
  });

  it('lets only one of two simultaneous bookings of the same interpreter through', async () => {
    const [a, b] = await Promise.all(
      ['13:00', '13:00'].map((t) =>
        team.caseworker.api.post('/api/appointments', appointment({ startsAt: at(t) })),
      ),
    );
    const results = await Promise.all(
      [a!, b!].map((x) =>
        team.caseworker.api.post('/api/interpreter-bookings', {
          interpreterId: amina,
          appointmentId: x.body.id,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('cancels a booking (200), then the interpreter is free again; 404 for another organisation', async () => {
    const items = (await team.caseworker.api.get(`/api/appointments?date=${DAY}`)).body.items;
    const withAmina = items.find(
      (i: { interpreter: { interpreterId: string } | null; startsAt: string }) =>
        i.interpreter?.interpreterId === amina && i.startsAt === at('09:00'),
    );
    expect(
      (await team.outsider.api.post(`/api/interpreter-bookings/${withAmina.interpreter.id}/cancel`)).status,
    ).toBe(404);
    const cancelled = await team.caseworker.api.post(
      `/api/interpreter-bookings/${withAmina.interpreter.id}/cancel`,
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(
      (await team.caseworker.api.post(`/api/interpreter-bookings/${withAmina.interpreter.id}/cancel`)).status,
    ).toBe(409);
    const rebook = await team.caseworker.api.post('/api/interpreter-bookings', {
      interpreterId: amina,
      appointmentId: withAmina.id,
    });
    expect(rebook.status).toBe(201);
  });

  it('lists the day view (200, audited) and a person’s appointments; 400 without a filter', async () => {
    const day = await team.counsellor.api.get(`/api/appointments?date=${DAY}`);
    expect(day.status).toBe(200);
    expect(day.body.items.map((i: { startsAt: string }) => i.startsAt)).toEqual([
      at('09:00'),
      at('09:30'),
      at('13:00'),
      at('13:00'),
    ]);
    expect(day.body.items[0].interpreter).toMatchObject({ interpreterName: 'Amina Osman', language: 'ti' });
    expect((await team.caseworker.api.get('/api/appointments?date=2027-03-11')).body.items).toEqual([]);
    expect((await team.outsider.api.get(`/api/appointments?date=${DAY}`)).body.items).toEqual([]);
    expect(namesField(await team.caseworker.api.get('/api/appointments'))).toEqual({
      status: 400,
      field: 'date',
    });
    expect(namesField(await team.caseworker.api.get('/api/appointments?date=tomorrow'))).toEqual({
      status: 400,
      field: 'date',
    });
    expect((await team.caseworker.api.get(`/api/appointments?personId=${strangerId}`)).status).toBe(404);
    const mine = await team.caseworker.api.get(`/api/appointments?personId=${personId}`);
    expect(mine.body.items).toHaveLength(4);
    const listed = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'appointment.list')
      .execute();
    expect(listed.length).toBeGreaterThanOrEqual(3);
  });

  it('records a missed appointment with a follow-up alert, then the follow-up', async () => {
    const past = await team.caseworker.api.post(
      '/api/appointments',
      appointment({ startsAt: '2026-06-01T08:00:00.000Z', interpreterLanguage: undefined }),
    );
    const future = (await team.caseworker.api.get(`/api/appointments?date=${DAY}`)).body.items[2];
    expect(
      namesField(
        await team.caseworker.api.post(`/api/appointments/${future.id}/outcome`, { status: 'missed' }),
      ),
    ).toEqual({
      status: 400,
      field: 'status',
    });
    expect(
      namesField(
        await team.caseworker.api.post(`/api/appointments/${past.body.id}/outcome`, { status: 'late' }),
      ),
    ).toEqual({
      status: 400,
      field: 'status',
    });
    expect(
      (await team.outsider.api.post(`/api/appointments/${past.body.id}/outcome`, { status: 'missed' }))
        .status,
    ).toBe(404);
    expect((await team.caseworker.api.post(`/api/appointments/${past.body.id}/follow-up`)).status).toBe(409);
    const missed = await team.caseworker.api.post(`/api/appointments/${past.body.id}/outcome`, {
      status: 'missed',
    });
    expect(missed.status, missed.raw).toBe(200);
    expect(missed.body).toMatchObject({ status: 'missed', allowed: expect.arrayContaining(['followUp']) });
    const alert = await h.db
      .selectFrom('alerts')
      .selectAll()
      .where('entity', '=', 'appointment')
      .where('entity_id', '=', past.body.id)
      .executeTakeFirst();
    expect(alert).toMatchObject({ rule: 'pathways.missed_appointment' });
    expect(alert?.resolved_at ?? null).toBeNull();
    expect(
      (await team.caseworker.api.post(`/api/appointments/${past.body.id}/outcome`, { status: 'attended' }))
        .status,
    ).toBe(409);
    expect((await team.outsider.api.post(`/api/appointments/${past.body.id}/follow-up`)).status).toBe(404);
    const followed = await team.caseworker.api.post(`/api/appointments/${past.body.id}/follow-up`);
    expect(followed.status).toBe(200);
    expect(followed.body.followUpDoneAt).toEqual(expect.any(String));
    const after = await h.db
      .selectFrom('alerts')
      .selectAll()
      .where('entity_id', '=', past.body.id)
      .executeTakeFirst();
    expect(after?.resolved_at).toEqual(expect.any(String));
  });

  it('cancelling an appointment frees its interpreter', async () => {
    const items = (await team.caseworker.api.get(`/api/appointments?date=${DAY}`)).body.items;
    const booked = items.find(
      (i: { interpreter: unknown; startsAt: string }) => i.interpreter && i.startsAt === at('13:00'),
    );
    const cancelled = await team.caseworker.api.post(`/api/appointments/${booked.id}/outcome`, {
      status: 'cancelled',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.interpreter).toBeNull();
  });

  it('prints an appointment slip as a PDF in the person’s language (200); 404 out of scope', async () => {
    const first = (await team.caseworker.api.get(`/api/appointments?date=${DAY}`)).body.items[0];
    const slip = await h.app.inject({
      method: 'GET',
      url: `/api/appointments/${first.id}/slip.pdf?lang=ar`,
      headers: { authorization: `Bearer ${team.caseworker.token}` },
    });
    expect(slip.statusCode).toBe(200);
    expect(slip.headers['content-type']).toBe('application/pdf');
    expect(slip.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(slip.rawPayload.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect((await team.outsider.api.get(`/api/appointments/${first.id}/slip.pdf`)).status).toBe(404);
    expect(
      namesField(await team.caseworker.api.get(`/api/appointments/${first.id}/slip.pdf?lang=Arabic`)),
    ).toEqual({
      status: 400,
      field: 'lang',
    });
  });

  it('counts usage by language for planners (200), and refuses caseworkers (403) and a reversed range (400)', async () => {
    const usage = await team.analyst.api.get('/api/interpreters/usage?from=2027-03-01&to=2027-03-31');
    expect(usage.status, usage.raw).toBe(200);
    const ti = usage.body.byLanguage.find((l: { language: string }) => l.language === 'ti');
    // Four Tigrinya appointments, one cancelled (its booking with it): three needed one, two got one.
    expect(ti).toMatchObject({ bookings: 2, hours: 2, needed: 3, unmet: 1 });
    expect(
      (await team.caseworker.api.get('/api/interpreters/usage?from=2027-03-01&to=2027-03-31')).status,
    ).toBe(403);
    expect(
      namesField(await team.analyst.api.get('/api/interpreters/usage?from=2027-03-31&to=2027-03-01')),
    ).toEqual({
      status: 400,
      field: 'to',
    });
  });
});
