import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { daysBetween, localDateOf } from './calendar.js';
import {
  buildTeam,
  type ReunificationTeam,
  register,
  relativeAbroad,
  type TestUser,
} from './testing/reunification.fixture.js';

const today = () => localDateOf(new Date());

describeEngines('reunification cases API', (h) => {
  let team: ReunificationTeam;
  let outsider: TestUser;
  let child = '';
  let caseId = '';

  beforeAll(async () => {
    team = await buildTeam(h);
    outsider = await h.createUser(['reunification_officer']);
    child = await register(team.registrar, { birthYear: 2001 });
  });

  const open = (body: Record<string, unknown>) => team.officer.api.post('/api/reunification-cases', body);
  const countCases = async () => (await h.db.selectFrom('reunification_cases').select('id').execute()).length;

  describe('POST /api/reunification-cases', () => {
    it('answers 401 without credentials and 403 to caseworkers', async () => {
      const body = {
        personId: child,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: '2016-02-10',
        relatives: [relativeAbroad()],
      };
      expect((await h.client().post('/api/reunification-cases', body)).status).toBe(401);
      expect((await team.caseworker.api.post('/api/reunification-cases', body)).status).toBe(403);
    });

    it('refuses Article 8 for an adult, naming legalBasis, and writes nothing', async () => {
      const adult = await register(team.registrar, { givenName: 'Kidane', birthYear: 1990 });
      const before = await countCases();
      const response = await open({
        personId: adult,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: '2016-02-10',
        relatives: [relativeAbroad()],
      });
      expect(response.status).toBe(400);
      expect(response.body.error.details[0].field).toBe('legalBasis');
      expect(response.body.error.message).toMatch(/^legalBasis: Article 8 is for unaccompanied minors/);
      expect(await countCases()).toBe(before);
      expect(
        await h.db.selectFrom('family_links').select('id').where('person_id', '=', adult).execute(),
      ).toHaveLength(0);
    });

    it('refuses a Dublin basis for a relative in the UK since 2021, and opens it as national family reunion', async () => {
      const girl = await register(team.registrar, { givenName: 'Hiwet', sex: 'female', age: 14 });
      const uk = relativeAbroad({ country: 'GBR', city: 'London' });
      const lodged = today();
      const dublin = await open({
        personId: girl,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: lodged,
        relatives: [uk],
      });
      expect(dublin.status).toBe(400);
      expect(dublin.body.error.message).toMatch(
        /United Kingdom left the Dublin system.*national_family_reunion/,
      );
      const national = await open({
        personId: girl,
        legalBasis: 'national_family_reunion',
        applicationLodgedOn: lodged,
        relatives: [uk],
      });
      expect(national.status, national.raw).toBe(201);
      expect(national.body).toMatchObject({ ruleSet: 'national', deadlines: [], relativeCountries: ['GBR'] });
      const clocks = await team.officer.api.get(`/api/reunification-cases/${national.body.id}/deadlines`);
      expect(clocks.body).toMatchObject({ ruleSet: 'national', deadlines: [], timeZone: 'Europe/Paris' });
      expect(clocks.body.notComputed[0]).toMatch(/National rules/);
    });

    it('refuses Article 9 when no family member is a beneficiary of protection, and bad dates and fields', async () => {
      const adult = await register(team.registrar, { givenName: 'Amanuel', birthYear: 1985 });
      const applicant = relativeAbroad({ kinship: 'spouse', legalStatus: 'asylum_applicant' });
      const art9 = await open({
        personId: adult,
        legalBasis: 'dublin_art9',
        applicationLodgedOn: '2016-03-01',
        relatives: [applicant],
      });
      expect(art9.status).toBe(400);
      expect(art9.body.error.message).toMatch(/^legalBasis: Article 9 needs/);
      const art10 = await open({
        personId: adult,
        legalBasis: 'dublin_art10',
        applicationLodgedOn: '2016-03-01',
        relatives: [applicant],
      });
      expect(art10.status, art10.raw).toBe(201);
      const future = await open({
        personId: child,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: '2999-01-01',
        relatives: [relativeAbroad()],
      });
      expect(future.body.error.details[0].field).toBe('applicationLodgedOn');
      const canada = await open({
        personId: child,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: '2016-02-10',
        relatives: [relativeAbroad({ country: 'CAN' })],
      });
      expect(canada.body.error.details[0].field).toBe('relatives');
      const noRelatives = await open({
        personId: child,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: '2016-02-10',
        relatives: [],
      });
      expect(noRelatives.body.error.details[0].field).toBe('relatives');
      const stranger = await open({
        personId: 'nobody',
        legalBasis: 'other',
        applicationLodgedOn: '2016-02-10',
        relatives: [relativeAbroad()],
      });
      expect(stranger.body.error.details[0].field).toBe('personId');
    });

    it('opens an Article 8 case for a child in 2016 with its checklist and the Dublin III clocks', async () => {
      const response = await open({
        personId: child,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: '2016-02-10',
        relatives: [relativeAbroad()],
      });
      expect(response.status, response.raw).toBe(201);
      caseId = response.body.id;
      expect(response.body).toMatchObject({
        stage: 'intake',
        ruleSet: 'dublin-iii',
        applicantChild: true,
        person: { givenName: 'Abel' },
        relatives: [{ givenName: 'Tesfay', city: 'Hamburg', country: 'DEU' }],
        nextStages: ['evidence', 'closed'],
      });
      expect(response.body.evidence.map((e: { item: string }) => e.item)).toEqual([
        'identity',
        'proof_of_relationship',
        'relative_status',
        'relative_care_capacity',
        'bia',
      ]);
      const duplicate = await open({
        personId: child,
        legalBasis: 'dublin_art8',
        applicationLodgedOn: '2016-02-10',
        relatives: [relativeAbroad()],
      });
      expect(duplicate.status).toBe(409);
    });
  });

  describe('GET /api/reunification-cases/:id/deadlines', () => {
    it('lists each clock with its legal source, due date and days left (Paris days)', async () => {
      const response = await team.caseworker.api.get(`/api/reunification-cases/${caseId}/deadlines`);
      expect(response.status).toBe(200);
      const [request] = response.body.deadlines;
      expect(request).toMatchObject({
        rule: 'take_charge_request',
        legalSource: expect.stringContaining('Article 21(1)'.replace('Article ', 'Art. ')),
        dueOn: '2016-05-10',
        daysLeft: daysBetween(today(), '2016-05-10'),
        status: 'overdue',
      });
      expect((await outsider.api.get(`/api/reunification-cases/${caseId}/deadlines`)).status).toBe(404);
      expect((await h.client().get(`/api/reunification-cases/${caseId}/deadlines`)).status).toBe(401);
    });
  });

  describe('GET /api/reunification-cases and the dashboard', () => {
    it('lists cases in scope with their nearest clock, and counts them by stage and urgency', async () => {
      const list = await team.caseworker.api.get('/api/reunification-cases?active=true');
      expect(list.status).toBe(200);
      const mine = list.body.items.find((c: { id: string }) => c.id === caseId);
      expect(mine.nearestDeadline).toMatchObject({ rule: 'take_charge_request' });
      expect((await outsider.api.get('/api/reunification-cases')).body.items).toHaveLength(0);
      const board = await team.officer.api.get('/api/reunification-cases/dashboard');
      expect(board.status).toBe(200);
      expect(
        board.body.byStage.find((s: { stage: string }) => s.stage === 'intake').count,
      ).toBeGreaterThanOrEqual(2);
      expect(
        board.body.byUrgency.find((b: { bucket: string }) => b.bucket === 'overdue').count,
      ).toBeGreaterThanOrEqual(1);
      expect(board.body.soonest[0].id).toBe(caseId);
    });
  });

  describe('PUT /api/reunification-cases/:id/evidence/:item', () => {
    it('marks an item, refuses one that is not on the checklist, and refuses caseworkers', async () => {
      const done = await team.officer.api.put(`/api/reunification-cases/${caseId}/evidence/identity`, {
        status: 'verified',
      });
      expect(done.body.evidence.find((e: { item: string }) => e.item === 'identity').status).toBe('verified');
      const notListed = await team.officer.api.put(`/api/reunification-cases/${caseId}/evidence/dependency`, {
        status: 'received',
      });
      expect(notListed.status).toBe(400);
      expect(notListed.body.error.details[0].field).toBe('item');
      const unknown = await team.officer.api.put(`/api/reunification-cases/${caseId}/evidence/horoscope`, {
        status: 'received',
      });
      expect(unknown.status).toBe(400);
      expect(
        (
          await team.caseworker.api.put(`/api/reunification-cases/${caseId}/evidence/identity`, {
            status: 'missing',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await outsider.api.put(`/api/reunification-cases/${caseId}/evidence/identity`, {
            status: 'missing',
          })
        ).status,
      ).toBe(404);
    });
  });
});
