import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import {
  brotherInUkRequest,
  buildTeam,
  type ReunificationTeam,
  register,
  type TestUser,
} from './testing/reunification.fixture.js';

describeEngines('tracing requests API', (h) => {
  let team: ReunificationTeam;
  let outsider: TestUser;
  let abel = '';
  let namesake = '';
  let requestId = '';

  beforeAll(async () => {
    team = await buildTeam(h);
    outsider = await h.createUser(['reunification_officer']);
    abel = await register(team.registrar);
    // Same name, nine years older: a plausible but wrong candidate.
    namesake = await register(team.registrar, { age: 24 });
    // Same name, no consent to tracing: never a candidate.
    await register(team.registrar, { tracing: false });
  });

  describe('POST /api/tracing-requests', () => {
    it('answers 401 without credentials and 403 to roles other than reunification officers', async () => {
      expect((await h.client().post('/api/tracing-requests', brotherInUkRequest())).status).toBe(401);
      const refused = await team.caseworker.api.post('/api/tracing-requests', brotherInUkRequest());
      expect(refused.status).toBe(403);
    });

    it('refuses a request without a name, or without the enquirer agreeing, naming the field', async () => {
      const nameless = await team.officer.api.post('/api/tracing-requests', {
        ...brotherInUkRequest(),
        sought: { sex: 'male' },
      });
      expect(nameless.status).toBe(400);
      expect(nameless.body.error.details.map((d: { field: string }) => d.field)).toContain(
        'sought.givenName',
      );
      const { consentToTracing: _dropped, ...enquirer } = brotherInUkRequest().enquirer;
      const unconsented = await team.officer.api.post('/api/tracing-requests', {
        ...brotherInUkRequest(),
        enquirer,
      });
      expect(unconsented.status).toBe(400);
      expect(unconsented.body.error.message).toMatch(/^enquirer\.consentToTracing:/);
      const unknown = await team.officer.api.post('/api/tracing-requests', {
        ...brotherInUkRequest(),
        extra: 1,
      });
      expect(unknown.body.error.details[0].field).toBe('extra');
    });

    it('refuses a registered enquirer who has not consented to tracing, writing nothing', async () => {
      const before = await h.db.selectFrom('tracing_requests').select('id').execute();
      const noConsent = await register(team.registrar, { givenName: 'Mehari', tracing: false });
      const response = await team.officer.api.post('/api/tracing-requests', {
        enquirer: { kind: 'registered', personId: noConsent },
        sought: { givenName: 'Ruth', fathersName: 'Mehari', sex: 'female', birthYear: 2003 },
        relationship: 'sibling',
      });
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'consent_required' });
      expect(response.body.error.details[0].field).toBe('enquirer.personId');
      expect(await h.db.selectFrom('tracing_requests').select('id').execute()).toHaveLength(before.length);
    });

    it('records a request from a brother in the UK, names encrypted at rest', async () => {
      const response = await team.officer.api.post('/api/tracing-requests', brotherInUkRequest());
      expect(response.status, response.raw).toBe(201);
      expect(response.body).toMatchObject({
        status: 'open',
        relationship: 'sibling',
        enquirer: {
          kind: 'outside',
          givenName: 'Tesfay',
          city: 'Leeds',
          country: 'GBR',
          legalStatus: 'refugee',
        },
        sought: { givenName: 'Abel', fathersName: 'Haile', ageEstimated: true, nationality: 'ERI' },
      });
      requestId = response.body.id;
      const stored = await h.db
        .selectFrom('tracing_requests')
        .selectAll()
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(`${stored.sought}${stored.enquirer}`).not.toMatch(/Abel|Haile|Tesfay|Leeds|7700/);
      expect(
        await h.db
          .selectFrom('tracing_request_index')
          .select('hmac')
          .where('request_id', '=', requestId)
          .execute(),
      ).not.toHaveLength(0);
    });
  });

  describe('GET /api/tracing-requests/:id and the list', () => {
    it('reads a request in scope, audited; 404 for another organisation', async () => {
      const response = await team.officer.api.get(`/api/tracing-requests/${requestId}`);
      expect(response.status).toBe(200);
      expect(response.body.allowed).toContain('decideMatch');
      const audit = await h.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_id', '=', requestId)
        .execute();
      expect(audit.map((a) => a.action)).toContain('tracing_request.read');
      expect((await outsider.api.get(`/api/tracing-requests/${requestId}`)).status).toBe(404);
      const list = await team.officer.api.get('/api/tracing-requests?status=open');
      expect(list.body.items.map((r: { id: string }) => r.id)).toContain(requestId);
      expect((await outsider.api.get('/api/tracing-requests')).body.items).toHaveLength(0);
    });
  });

  describe('GET /api/tracing-requests/:id/matches', () => {
    it('lists consented candidates, most likely first, with what each field contributed', async () => {
      const response = await team.officer.api.get(`/api/tracing-requests/${requestId}/matches`);
      expect(response.status, response.raw).toBe(200);
      const ids = response.body.items.map((m: { personId: string }) => m.personId);
      expect(ids[0]).toBe(abel);
      expect(ids).toContain(namesake);
      expect(ids).toHaveLength(2);
      const [best, second] = response.body.items;
      expect(best).toMatchObject({
        band: 'high',
        status: 'proposed',
        person: { givenName: 'Abel', tracingConsent: true },
      });
      expect(second.score).toBeLessThan(best.score);
      expect(best.explanation.map((c: { field: string }) => c.field)).toEqual(
        expect.arrayContaining(['prior', 'name', 'birthDate', 'sex', 'nationality']),
      );
      const birth = second.explanation.find((c: { field: string }) => c.field === 'birthDate');
      expect(birth.weight).toBeLessThan(0);
      expect((await outsider.api.get(`/api/tracing-requests/${requestId}/matches`)).status).toBe(404);
    });
  });

  describe('POST /api/tracing-requests/:id/matches/:matchId/decision', () => {
    it('confirms the brother, records the family link with his whereabouts, and refuses a second decision', async () => {
      const matches = (await team.officer.api.get(`/api/tracing-requests/${requestId}/matches`)).body.items;
      const right = matches.find((m: { personId: string }) => m.personId === abel);
      const wrong = matches.find((m: { personId: string }) => m.personId === namesake);
      const bad = await team.officer.api.post(
        `/api/tracing-requests/${requestId}/matches/${right.id}/decision`,
        {
          decision: 'maybe',
        },
      );
      expect(bad.status).toBe(400);
      const confirmed = await team.officer.api.post(
        `/api/tracing-requests/${requestId}/matches/${right.id}/decision`,
        {
          decision: 'confirmed',
          note: 'Both recognised their mother on a photo',
        },
      );
      expect(confirmed.status, confirmed.raw).toBe(200);
      const mine = confirmed.body.items.find((m: { id: string }) => m.id === right.id);
      expect(mine).toMatchObject({
        status: 'confirmed',
        decisionNote: 'Both recognised their mother on a photo',
      });
      expect(mine.familyLinkId).toBeTruthy();
      const rejected = await team.officer.api.post(
        `/api/tracing-requests/${requestId}/matches/${wrong.id}/decision`,
        {
          decision: 'rejected',
        },
      );
      expect(rejected.body.items.find((m: { id: string }) => m.id === wrong.id).status).toBe('rejected');
      const again = await team.officer.api.post(
        `/api/tracing-requests/${requestId}/matches/${right.id}/decision`,
        {
          decision: 'rejected',
        },
      );
      expect(again.status).toBe(409);
      expect((await team.officer.api.get(`/api/tracing-requests/${requestId}`)).body).toMatchObject({
        status: 'matched',
        matches: { confirmed: 1, rejected: 1 },
      });
      const links = await team.caseworker.api.get(`/api/people/${abel}/family-links`);
      expect(links.status).toBe(200);
      expect(links.body.items[0]).toMatchObject({
        kinship: 'sibling',
        givenName: 'Tesfay',
        city: 'Leeds',
        country: 'GBR',
        legalStatus: 'refugee',
        tracingRequestId: requestId,
      });
      const raw = await h.db
        .selectFrom('family_links')
        .select('details')
        .where('person_id', '=', abel)
        .executeTakeFirstOrThrow();
      expect(raw.details).not.toMatch(/Tesfay|Leeds/);
    });

    it('refuses to confirm someone who withdrew their consent to tracing (403, nothing changed)', async () => {
      const selam = await register(team.registrar, {
        givenName: 'Selam',
        fathersName: 'Gebre',
        sex: 'female',
      });
      const created = await team.officer.api.post(
        '/api/tracing-requests',
        brotherInUkRequest({ givenName: 'Selam', fathersName: 'Gebre', sex: 'female' }),
      );
      const [match] = (await team.officer.api.get(`/api/tracing-requests/${created.body.id}/matches`)).body
        .items;
      expect(match.personId).toBe(selam);
      const withdrawn = await team.registrar.api.post(`/api/people/${selam}/consent`, {
        withdraw: ['tracing'],
      });
      expect(withdrawn.status, withdrawn.raw).toBe(200);
      const response = await team.officer.api.post(
        `/api/tracing-requests/${created.body.id}/matches/${match.id}/decision`,
        { decision: 'confirmed' },
      );
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'consent_required' });
      expect(response.body.error.details[0].field).toBe('personId');
      expect(
        await h.db.selectFrom('family_links').select('id').where('person_id', '=', selam).execute(),
      ).toHaveLength(0);
      // Withdrawn consent: an undecided candidate is no longer shown.
      expect(
        (await team.officer.api.get(`/api/tracing-requests/${created.body.id}/matches`)).body.items,
      ).toHaveLength(0);
    });
  });

  describe('a new registration that matches an open request', () => {
    it("raises an alert to the request's owner, and only when the person consented to tracing", async () => {
      const created = await team.officer.api.post(
        '/api/tracing-requests',
        brotherInUkRequest({ givenName: 'Yohannes', fathersName: 'Kidane', age: 16 }),
      );
      await register(team.registrar, {
        givenName: 'Yohannes',
        fathersName: 'Kidane',
        tracing: false,
        age: 16,
      });
      const alerts = async () =>
        (await team.officer.api.get('/api/alerts?limit=100')).body.items.filter(
          (a: { entityId: string }) => a.entityId === created.body.id,
        );
      expect(await alerts()).toHaveLength(0);
      const yohannes = await register(team.registrar, {
        givenName: 'Yohanes',
        fathersName: 'Kidane',
        age: 16,
      });
      const [alert] = await alerts();
      expect(alert).toMatchObject({
        rule: 'reunification.tracing_match',
        entity: 'tracing_request',
        subjectId: yohannes,
        assignedUserId: team.officer.id,
      });
      expect(JSON.stringify(alert.details)).not.toMatch(/Yohan|Kidane/);
      const [match] = (await team.officer.api.get(`/api/tracing-requests/${created.body.id}/matches`)).body
        .items;
      expect(match).toMatchObject({ personId: yohannes, source: 'registration' });
      await team.officer.api.post(`/api/tracing-requests/${created.body.id}/matches/${match.id}/decision`, {
        decision: 'confirmed',
      });
      expect(await alerts()).toHaveLength(0);
    });
  });

  describe('POST /api/tracing-requests/:id/status', () => {
    it('closes a request, refuses to close it twice, and refuses decisions while closed', async () => {
      const created = await team.officer.api.post(
        '/api/tracing-requests',
        brotherInUkRequest({ givenName: 'Senait' }),
      );
      const closed = await team.officer.api.post(`/api/tracing-requests/${created.body.id}/status`, {
        status: 'closed',
      });
      expect(closed.body).toMatchObject({ status: 'closed', allowed: ['reopen'] });
      expect(
        (await team.officer.api.post(`/api/tracing-requests/${created.body.id}/status`, { status: 'closed' }))
          .status,
      ).toBe(409);
      const reopened = await team.officer.api.post(`/api/tracing-requests/${created.body.id}/status`, {
        status: 'open',
      });
      expect(reopened.body.status).toBe('open');
      expect(
        (await outsider.api.post(`/api/tracing-requests/${created.body.id}/status`, { status: 'closed' }))
          .status,
      ).toBe(404);
    });
  });
});
