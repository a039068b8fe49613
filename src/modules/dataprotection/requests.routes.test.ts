import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { insertShares } from '../cases/referrals.repository.js';
import { openCase, registerPerson } from '../cases/testing/cases.fixture.js';

/*
 * Erasure and access requests through the API: the second person's approval, what erasure leaves
 * readable (nothing about the person) and what it keeps (aggregates, the audit chain), the
 * article 17(3) refusals, and the article 15 export in JSON and PDF.
 */

const ERASURES = '/api/data-protection/erasure-requests';
const ACCESS = '/api/data-protection/access-requests';
const GIVEN = 'Semhar';
const FATHER = 'Gebremedhin';
const PHONE = '+33612345678';

describeEngines('data protection requests API', (h) => {
  let orgId: string;
  let dpo: TestUser;
  let dpo2: TestUser;
  let registrar: TestUser;
  let caseworker: TestUser;
  let analyst: TestUser;
  let outsiderDpo: TestUser;
  let outsiderRegistrar: TestUser;

  beforeAll(async () => {
    orgId = (await h.createOrg()).id;
    dpo = await h.createUser(['data_protection_officer'], orgId);
    dpo2 = await h.createUser(['data_protection_officer'], orgId);
    registrar = await h.createUser(['registration_officer'], orgId);
    caseworker = await h.createUser(['caseworker'], orgId);
    analyst = await h.createUser(['analyst'], orgId);
    outsiderDpo = await h.createUser(['data_protection_officer']);
    outsiderRegistrar = await h.createUser(['registration_officer']);
  });

  const register = (givenName: string, extra: Record<string, unknown> = {}) =>
    registerPerson(registrar, { givenName, fathersName: FATHER, phone: PHONE, ...extra });

  const countPeople = async () =>
    Number(
      (
        await h.db
          .selectFrom('people')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers 401 without credentials and 403 to other roles', async () => {
    expect((await h.client().get(ERASURES)).status).toBe(401);
    expect((await h.client().post(ACCESS, {})).status).toBe(401);
    for (const user of [registrar, caseworker, analyst]) {
      expect((await user.api.get(ERASURES)).status).toBe(403);
      expect((await user.api.post(ERASURES, {})).status).toBe(403);
      expect((await user.api.get(ACCESS)).status).toBe(403);
    }
  });

  it('answers 400 naming the field, and 404 for a person or request of another organisation', async () => {
    const personId = await register('Luwam');
    const bad = await dpo.api.post(ERASURES, { personId, ground: 'because' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('ground');
    const extra = await dpo.api.post(ERASURES, { personId, ground: 'objection', wipe: true });
    expect(extra.status).toBe(400);
    const badAccess = await dpo.api.post(ACCESS, { personId, language: 'not a tag', verification: 'other' });
    expect(badAccess.status).toBe(400);
    expect(badAccess.body.error.message).toContain('language');
    expect((await dpo.api.get(`${ERASURES}?status=lost`)).status).toBe(400);

    expect((await outsiderDpo.api.post(ERASURES, { personId, ground: 'objection' })).status).toBe(404);
    expect(
      (await outsiderDpo.api.post(ACCESS, { personId, language: 'en', verification: 'other' })).status,
    ).toBe(404);
    const filed = await dpo.api.post(ERASURES, { personId, ground: 'objection' });
    expect(filed.status).toBe(201);
    for (const path of ['', '/approve', '/cancel']) {
      const method = path ? 'POST' : 'GET';
      const response = await outsiderDpo.api.request(
        method,
        `${ERASURES}/${filed.body.id}${path}`,
        path ? {} : undefined,
      );
      expect(response.status, path).toBe(404);
    }
    expect((await outsiderDpo.api.get(ERASURES)).body.items).toEqual([]);
    expect((await dpo.api.post(`${ERASURES}/${filed.body.id}/cancel`)).body.status).toBe('cancelled');
    expect((await dpo.api.get(`${ERASURES}/0000000000000000000000000`)).status).toBe(404);
  });

  it('needs a second data protection officer to approve an erasure, and changes nothing until then', async () => {
    const personId = await register(GIVEN);
    const filed = await dpo.api.post(ERASURES, {
      personId,
      ground: 'consent_withdrawn',
      note: 'Asked in person at the day centre',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      personId,
      status: 'pending',
      ground: 'consent_withdrawn',
      note: 'Asked in person at the day centre',
      requestedBy: dpo.id,
      allowed: ['refuse', 'cancel'],
    });
    expect(filed.body.personCode).toEqual(expect.any(String));
    // The second officer sees approve among the allowed actions.
    expect((await dpo2.api.get(`${ERASURES}/${filed.body.id}`)).body.allowed).toEqual([
      'approve',
      'refuse',
      'cancel',
    ]);
    const duplicate = await dpo2.api.post(ERASURES, { personId, ground: 'objection' });
    expect(duplicate.status).toBe(409);

    const self = await dpo.api.post(`${ERASURES}/${filed.body.id}/approve`);
    expect(self.status).toBe(403);
    expect(self.body.error.message).toContain('second data protection officer');
    const person = await registrar.api.get(`/api/people/${personId}`);
    expect(person.status).toBe(200);
    expect(JSON.stringify(person.body)).toContain(GIVEN);
    expect((await dpo.api.get(`${ERASURES}/${filed.body.id}`)).body.status).toBe('pending');
    await dpo2.api.post(`${ERASURES}/${filed.body.id}/cancel`);
  });

  it('erases a person: nothing about them is readable anywhere, aggregates and the audit chain stay valid', async () => {
    const personId = await register(GIVEN, { sex: 'female', nationality: 'ERI', birthYear: 1999 });
    const caseRow = await openCase(caseworker, personId, {
      type: 'gbv',
      risk: 'high',
      riskReason: 'Threatened by a smuggler called Kidane',
    });
    const peopleBefore = await countPeople();
    const filed = await dpo.api.post(ERASURES, {
      personId,
      ground: 'consent_withdrawn',
      note: 'Private note for the file',
    });
    const approved = await dpo2.api.post(`${ERASURES}/${filed.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'completed',
      decidedBy: dpo2.id,
      personStatus: 'erased',
      personCode: null,
      allowed: [],
      // The note was sealed with the person's key: it went with it.
      note: null,
    });
    expect(approved.body.summary).toMatchObject({ people: 1, personKeys: 1, caseKeys: 1 });

    // Through the API: no name, no phone, no case reason; the record says erased.
    const profile = await registrar.api.get(`/api/people/${personId}`);
    const profileText = JSON.stringify(profile.body);
    for (const secret of [GIVEN, FATHER, PHONE, 'Kidane']) expect(profileText).not.toContain(secret);
    // 410 with the date to those who could see the person; to anyone else, as if it never existed.
    expect(profile.status).toBe(410);
    expect(profile.body.error).toMatchObject({
      code: 'erased',
      message: `This record was erased on ${approved.body.decidedAt.slice(0, 10)}.`,
      details: [{ field: 'erasedAt', message: approved.body.decidedAt }],
    });
    expect((await outsiderRegistrar.api.get(`/api/people/${personId}`)).status).toBe(404);
    expect((await analyst.api.get(`/api/people/${personId}`)).status).toBe(403);
    // The ledger file outside the database names the erasure by id, and nothing else.
    const ledger = readFileSync(h.erasureLedgerPath, 'utf8');
    expect(ledger).toContain(`"subjectId":"${personId}"`);
    for (const secret of [GIVEN, FATHER, PHONE, 'Kidane']) expect(ledger).not.toContain(secret);
    const search = await registrar.api.get(`/api/people?q=${GIVEN}`);
    expect(JSON.stringify(search.body)).not.toContain(personId);
    const caseView = await caseworker.api.get(`/api/cases/${caseRow.id}`);
    expect(JSON.stringify(caseView.body)).not.toContain('Kidane');

    // In the database: no key to open anything, no blind index, no clear text.
    expect(
      await h.db.selectFrom('person_keys').selectAll().where('person_id', '=', personId).execute(),
    ).toEqual([]);
    expect(
      await h.db.selectFrom('person_index').selectAll().where('person_id', '=', personId).execute(),
    ).toEqual([]);
    expect(
      await h.db.selectFrom('case_keys').selectAll().where('case_id', '=', caseRow.id).execute(),
    ).toEqual([]);
    const rows = JSON.stringify(
      await Promise.all([
        h.db.selectFrom('people').selectAll().where('id', '=', personId).execute(),
        h.db.selectFrom('audit_log').selectAll().where('entity_id', '=', personId).execute(),
        h.db.selectFrom('erasure_requests').selectAll().execute(),
      ]),
    );
    for (const secret of [GIVEN, FATHER, PHONE, 'Kidane', 'Private note']) expect(rows).not.toContain(secret);

    // The row stays for aggregates, with its plain facts.
    expect(await countPeople()).toBe(peopleBefore);
    const kept = await h.db
      .selectFrom('people')
      .select(['status', 'sex', 'nationality', 'birth_year'])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ status: 'erased', sex: 'female', nationality: 'ERI' });
    expect(Number(kept.birth_year)).toBe(1999);
    expect(await verifyAuditChain(h.db, h.keys)).toMatchObject({ ok: true });

    // No second erasure, no access request about someone erased, no approving twice.
    expect((await dpo.api.post(ERASURES, { personId, ground: 'objection' })).status).toBe(409);
    expect((await dpo.api.post(ACCESS, { personId, language: 'en', verification: 'other' })).status).toBe(
      409,
    );
    expect((await dpo2.api.post(`${ERASURES}/${filed.body.id}/approve`)).status).toBe(409);
  });

  it('refuses an erasure citing an article 17(3) exception, and keeps the person', async () => {
    const personId = await register('Dawit');
    const filed = await dpo.api.post(ERASURES, { personId, ground: 'objection' });
    const bad = await dpo.api.post(`${ERASURES}/${filed.body.id}/refuse`, { ground: 'we_said_so' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('ground');
    const refused = await dpo.api.post(`${ERASURES}/${filed.body.id}/refuse`, {
      ground: 'legal_claims',
      note: 'Evidence in a pending trafficking prosecution',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      refusalGround: 'legal_claims',
      decisionNote: 'Evidence in a pending trafficking prosecution',
      personStatus: 'active',
      allowed: [],
    });
    expect(JSON.stringify((await registrar.api.get(`/api/people/${personId}`)).body)).toContain('Dawit');
    expect((await dpo2.api.post(`${ERASURES}/${filed.body.id}/approve`)).status).toBe(409);
    const listed = await dpo.api.get(`${ERASURES}?status=refused`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(filed.body.id);
    expect(listed.body.items.every((r: { status: string }) => r.status === 'refused')).toBe(true);
  });

  it('refuses to erase while a legal hold covers one of the person’s cases', async () => {
    const personId = await register('Tekle');
    const held = await openCase(caseworker, personId);
    const hold = await dpo.api.post('/api/data-protection/retention/holds', {
      recordType: 'case',
      recordId: held.id,
      reason: 'Court order 2026/118',
    });
    expect(hold.status).toBe(201);
    const filed = await dpo.api.post(ERASURES, { personId, ground: 'objection' });
    const blocked = await dpo2.api.post(`${ERASURES}/${filed.body.id}/approve`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('Court order 2026/118');
    expect(JSON.stringify((await registrar.api.get(`/api/people/${personId}`)).body)).toContain('Tekle');
  });

  it('exports everything held about a person, as JSON and as a PDF, after a second approval', async () => {
    const personId = await register('Mulu', { phone: '+33699887766' });
    const caseRow = await openCase(caseworker, personId, { riskReason: 'Sleeps under the bridge' });
    // The case was shared with another organisation (a referral's grant): a disclosure the person
    // must be told of (articles 15(1)(c) and 19).
    const partner = await h.createOrg();
    await insertShares(h.db, [
      {
        id: `share-${caseRow.id}`,
        record_type: 'case',
        record_id: caseRow.id,
        org_id: partner.id,
        granted_by: 'referral',
        source_id: null,
        granted_at: new Date().toISOString(),
        revoked_at: null,
      },
    ]);

    const filed = await dpo.api.post(ACCESS, { personId, language: 'fr', verification: 'identity_document' });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      status: 'pending',
      language: 'fr',
      templateLanguage: 'fr',
      allowed: ['refuse', 'cancel'],
    });
    const early = await dpo.api.get(`${ACCESS}/${filed.body.id}/export.json`);
    expect(early.status).toBe(409);
    expect((await dpo.api.post(`${ACCESS}/${filed.body.id}/approve`)).status).toBe(403);
    const approved = await dpo2.api.post(`${ACCESS}/${filed.body.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', allowed: ['export'] });

    const json = await dpo.api.get(`${ACCESS}/${filed.body.id}/export.json`);
    expect(json.status).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(json.body.format).toBe('passerelle-subject-access/1');
    expect(json.body.person.identity).toMatchObject({ givenName: 'Mulu', phone: '+33699887766' });
    expect(JSON.stringify(json.body.cases)).toContain('Sleeps under the bridge');
    expect(json.body.recipients).toEqual([
      expect.objectContaining({
        organisation: partner.name,
        recordType: 'case',
        grantedBy: 'referral',
        revokedAt: null,
      }),
    ]);
    expect(json.body.consents.map((c: { purpose: string }) => c.purpose)).toEqual(
      expect.arrayContaining(['services', 'referral']),
    );

    const pdf = await dpo.api.get(`${ACCESS}/${filed.body.id}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.startsWith('%PDF-')).toBe(true);
    expect(pdf.raw.trimEnd().endsWith('%%EOF')).toBe(true);

    const after = await dpo.api.get(`${ACCESS}/${filed.body.id}`);
    expect(after.body.exportCount).toBe(2);
    const audited = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', personId)
      .where('action', '=', 'access_request.exported')
      .execute();
    expect(audited).toHaveLength(2);
  });

  it('refuses an access request with an article 12 reason, and 404s another organisation', async () => {
    const personId = await register('Ruta');
    const filed = await dpo.api.post(ACCESS, { personId, language: 'ti', verification: 'known_to_staff' });
    expect(filed.body.templateLanguage).toBe('en');
    expect((await outsiderDpo.api.get(`${ACCESS}/${filed.body.id}`)).status).toBe(404);
    expect((await outsiderDpo.api.get(`${ACCESS}/${filed.body.id}/export.pdf`)).status).toBe(404);
    expect((await dpo.api.post(`${ACCESS}/${filed.body.id}/refuse`, { reason: 'no' })).status).toBe(400);
    const refused = await dpo.api.post(`${ACCESS}/${filed.body.id}/refuse`, {
      reason: 'identity_not_verified',
    });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'identity_not_verified' });
    expect((await dpo.api.get(`${ACCESS}/${filed.body.id}/export.json`)).status).toBe(409);
    const list = await dpo.api.get(ACCESS);
    expect(list.body.items.map((r: { id: string }) => r.id)).toContain(filed.body.id);
  });

  it('shows the consent overview to the data protection officer only', async () => {
    expect((await analyst.api.get('/api/data-protection/consents')).status).toBe(403);
    const overview = await dpo.api.get('/api/data-protection/consents');
    expect(overview.status).toBe(200);
    expect(JSON.stringify(overview.body)).not.toContain(GIVEN);
  });
});
