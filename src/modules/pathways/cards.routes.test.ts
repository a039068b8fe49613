import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import {
  buildPathwayTeam,
  namesField,
  type PathwayTeam,
  registerPerson,
} from './testing/pathways.fixture.js';

describeEngines('registration cards API', (h) => {
  let team: PathwayTeam;
  let mohammed: string;
  let yonas: string;
  let strangerId: string;

  beforeAll(async () => {
    team = await buildPathwayTeam(h);
    mohammed = await registerPerson(team.registrar, {
      givenName: 'Mohammed',
      familyName: 'Abdallah',
      originalScriptName: 'محمد عبد الله',
      nationality: 'SDN',
      languages: ['ar'],
    });
    yonas = await registerPerson(team.registrar, { givenName: 'Yonas', originalScriptName: 'ዮናስ ተስፋይ' });
    strangerId = await registerPerson(team.outsiderRegistrar, { givenName: 'Ahmad' });
  });

  const pdf = (token: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
    h.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      payload: body ? JSON.stringify(body) : undefined,
    });
  const cards = () => h.db.selectFrom('registration_cards').selectAll().execute();

  it('prints a person’s card as a PDF (200), records the card and audits the print with ids only', async () => {
    const response = await pdf(team.registrar.token, 'GET', `/api/people/${mohammed}/card.pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(response.rawPayload.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const rows = (await cards()).filter((c) => c.person_id === mohammed);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'active', printed_count: 1 });
    await pdf(team.caseworker.token, 'GET', `/api/people/${mohammed}/card.pdf`);
    expect((await cards()).filter((c) => c.person_id === mohammed)[0]?.printed_count).toBe(2);
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'card.print')
      .where('entity_id', '=', mohammed)
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toMatch(/Mohammed|محمد/);
  });

  it('answers 401, 403 to roles that do not print cards, and 404 out of scope', async () => {
    const url = `/api/people/${mohammed}/card.pdf`;
    expect((await h.client().get(url)).status).toBe(401);
    expect((await team.counsellor.api.get(url)).status).toBe(403);
    expect((await team.analyst.api.get(url)).status).toBe(403);
    expect((await team.outsiderRegistrar.api.get(url)).status).toBe(404);
    expect((await team.registrar.api.get(`/api/people/${strangerId}/card.pdf`)).status).toBe(404);
    expect((await team.registrar.api.get(`/api/people/${mohammed}/cards`)).status).toBe(200);
    expect((await team.outsiderRegistrar.api.get(`/api/people/${mohammed}/cards`)).status).toBe(404);
    expect((await team.counsellor.api.get(`/api/people/${mohammed}/cards`)).status).toBe(403);
  });

  it('prints a batch as one PDF; a bad batch answers 400 naming the position and records nothing', async () => {
    const ok = await pdf(team.registrar.token, 'POST', '/api/cards/batch', { personIds: [mohammed, yonas] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const before = await cards();
    const bodies: Array<[Record<string, unknown>, string]> = [
      [{ personIds: [] }, 'personIds'],
      [{ personIds: [yonas, yonas] }, 'personIds'],
      [{ personIds: [yonas, strangerId] }, 'personIds.1'],
      [{ personIds: [yonas, 'nosuchperson'] }, 'personIds.1'],
      [{}, 'personIds'],
    ];
    for (const [body, field] of bodies) {
      const response = await team.registrar.api.post('/api/cards/batch', body);
      expect(namesField(response), JSON.stringify(body)).toEqual({ status: 400, field });
    }
    expect(await cards()).toEqual(before);
  });

  it('refuses a card for an erased person (409 alone, 400 in a batch), changing nothing', async () => {
    const erased = await registerPerson(team.registrar, { givenName: 'Erased' });
    await h.db.updateTable('people').set({ status: 'erased' }).where('id', '=', erased).execute();
    await h.db.deleteFrom('person_keys').where('person_id', '=', erased).execute();
    const before = await cards();
    const alone = await team.registrar.api.get(`/api/people/${erased}/card.pdf`);
    expect(alone.status, alone.raw).toBe(409);
    expect(alone.body.error.message).toMatch(/erased/);
    const batch = await team.registrar.api.post('/api/cards/batch', { personIds: [yonas, erased] });
    expect(namesField(batch)).toEqual({ status: 400, field: 'personIds.1' });
    expect(await cards()).toEqual(before);
  });

  it('revokes a lost card (200): a new code with its check character, the old one no longer finds the person', async () => {
    const before = (await team.registrar.api.get(`/api/people/${mohammed}/cards`)).body;
    expect(
      namesField(await team.registrar.api.post(`/api/people/${mohammed}/card/revoke`, { reason: 'eaten' })),
    ).toEqual({
      status: 400,
      field: 'reason',
    });
    expect(
      (await team.caseworker.api.post(`/api/people/${mohammed}/card/revoke`, { reason: 'lost' })).status,
    ).toBe(403);
    expect(
      (await team.outsiderRegistrar.api.post(`/api/people/${mohammed}/card/revoke`, { reason: 'lost' }))
        .status,
    ).toBe(404);
    const revoked = await team.registrar.api.post(`/api/people/${mohammed}/card/revoke`, { reason: 'lost' });
    expect(revoked.status, revoked.raw).toBe(200);
    expect(revoked.body.previousCode).toBe(before.currentCode);
    expect(revoked.body.code).not.toBe(before.currentCode);
    const after = (await team.registrar.api.get(`/api/people/${mohammed}/cards`)).body;
    expect(after.currentCode).toBe(revoked.body.code);
    expect(after.cards.find((c: { code: string }) => c.code === before.currentCode)).toMatchObject({
      status: 'revoked',
      revokeReason: 'lost',
    });
    expect(after.cards.find((c: { code: string }) => c.code === revoked.body.code)).toMatchObject({
      status: 'active',
    });
    const byOld = await team.registrar.api.get(`/api/people?q=${encodeURIComponent(before.currentCode)}`);
    expect(byOld.body.items.map((p: { id: string }) => p.id)).not.toContain(mohammed);
    const byNew = await team.registrar.api.get(`/api/people?q=${encodeURIComponent(revoked.body.code)}`);
    expect(byNew.body.items.map((p: { id: string }) => p.id)).toContain(mohammed);
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'card.revoke')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
