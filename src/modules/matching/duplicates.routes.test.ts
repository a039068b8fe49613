import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { drainMatchingJobs, registerMany, strangers } from './testing/registry.fixture.js';

interface Pair {
  id: string;
  status: string;
  older: { personId: string; code: string | null; visible: boolean };
  newer: { personId: string; code: string | null; visible: boolean };
  crossOrganisation: boolean;
  allowed: string[];
}

describeEngines('duplicate review: queue, merge, unmerge, different', (h) => {
  let reviewer: TestUser;
  const ids: Record<string, string> = {};

  const register = async (key: string, user: TestUser, body: Parameters<typeof buildPerson>[0]) => {
    const response = await user.api.post('/api/people', buildPerson({ fathersName: undefined, ...body }));
    expect(response.status).toBe(201);
    ids[key] = response.body.person.id;
  };
  const queue = async (user = reviewer, query = '') =>
    (await user.api.get(`/api/duplicates${query}`)).body.items as Pair[];
  const pairOf = (items: Pair[], a: string, b: string) =>
    items.find((p) => [p.older.personId, p.newer.personId].sort().join() === [ids[a], ids[b]].sort().join());
  const run = async () => {
    await reviewer.api.post('/api/matching/runs', {});
    await drainMatchingJobs(h);
  };

  beforeAll(async () => {
    const orgA = (await h.createOrg()).id;
    const orgB = (await h.createOrg()).id;
    reviewer = await h.createUser(['registration_officer'], orgA);
    const partner = await h.createUser(['registration_officer'], orgB);
    await registerMany(h, reviewer, strangers(20));
    await register('mohammed', reviewer, {
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      birthYear: 1995,
      nationality: 'SDN',
    });
    await register('muhammad', reviewer, {
      givenName: 'Muhammad',
      familyName: 'Abdalla',
      originalScriptName: 'محمد عبدالله',
      birthYear: 1995,
      nationality: 'SDN',
      specificNeeds: ['DS-PM'],
    });
    await register('tesfay', reviewer, { givenName: 'Tesfay', familyName: 'Haile', birthYear: 1990 });
    await register('tesfai', reviewer, { givenName: 'Tesfai', familyName: 'Haile', birthYear: 1990 });
    await register('c1', reviewer, { givenName: 'Ghebremedhin', familyName: 'Tesfamariam', birthYear: 1988 });
    await register('c2', reviewer, { givenName: 'Gebremedhin', familyName: 'Tesfamariam', birthYear: 1988 });
    await register('c3', reviewer, { givenName: 'Ghebremedhin', familyName: 'Tesfamaryam', birthYear: 1988 });
    await register('diallo', partner, {
      givenName: 'Abdoulaye',
      familyName: 'Diallo',
      birthYear: 1985,
      nationality: 'GIN',
    });
    await register('dialo', reviewer, {
      givenName: 'Abdulaye',
      familyName: 'Diallo',
      birthYear: 1985,
      nationality: 'GIN',
    });
    await run();
  }, 60_000);

  it('lists the planted pairs, most likely first, only where both records are visible', async () => {
    const items = await queue();
    expect(pairOf(items, 'mohammed', 'muhammad')).toMatchObject({
      older: { personId: ids.mohammed, visible: true },
      newer: { personId: ids.muhammad, visible: true },
      crossOrganisation: false,
      allowed: ['same', 'different'],
    });
    expect(pairOf(items, 'tesfay', 'tesfai')).toBeDefined();
    expect(pairOf(items, 'diallo', 'dialo')).toBeUndefined();
    const scores = items.map((p) => (p as unknown as { score: number }).score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('answers 400 naming the field, 401, 403, and 404 outside the scope', async () => {
    const pair = pairOf(await queue(), 'mohammed', 'muhammad')!;
    const url = `/api/duplicates/${pair.id}/decision`;
    for (const [body, field] of [
      [{ decision: 'maybe' }, 'decision'],
      [{}, 'decision'],
      [{ decision: 'same', colour: 'red' }, 'colour'],
      [{ decision: 'same', reason: 'x'.repeat(501) }, 'reason'],
    ] as const) {
      const response = await reviewer.api.post(url, body);
      expect(response.status).toBe(400);
      expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await reviewer.api.get('/api/duplicates?status=maybe')).status).toBe(400);
    expect((await h.client().post(url, { decision: 'same' })).status).toBe(401);
    const caseworker = await h.createUser(['caseworker'], reviewer.orgId);
    expect((await caseworker.api.post(url, { decision: 'same' })).status).toBe(403);
    const outsider = await h.createUser(['registration_officer']);
    expect((await outsider.api.get(`/api/duplicates/${pair.id}`)).status).toBe(404);
    expect((await outsider.api.post(url, { decision: 'different' })).status).toBe(404);
    expect(await queue(outsider)).toEqual([]);
    expect((await reviewer.api.get('/api/duplicates/nosuchpair')).status).toBe(404);
    expect(await h.db.selectFrom('person_merges').selectAll().execute()).toEqual([]);
  });

  it('answers the pair, the queue and unmerge with 400, 401, 403 and 404 as the decision does', async () => {
    const pair = pairOf(await queue(), 'mohammed', 'muhammad')!;
    const unmerge = `/api/duplicates/${pair.id}/unmerge`;
    const extra = await reviewer.api.post(unmerge, { force: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.map((d: { field: string }) => d.field)).toContain('force');
    expect((await reviewer.api.get('/api/duplicates?limit=0')).status).toBe(400);
    expect((await reviewer.api.get('/api/duplicates?personId=')).status).toBe(400);
    const anonymous = h.client();
    expect((await anonymous.get('/api/duplicates')).status).toBe(401);
    expect((await anonymous.get(`/api/duplicates/${pair.id}`)).status).toBe(401);
    expect((await anonymous.post(unmerge, {})).status).toBe(401);
    const caseworker = await h.createUser(['caseworker'], reviewer.orgId);
    expect((await caseworker.api.get('/api/duplicates')).status).toBe(403);
    expect((await caseworker.api.get(`/api/duplicates/${pair.id}`)).status).toBe(403);
    expect((await caseworker.api.post(unmerge, {})).status).toBe(403);
    const outsider = await h.createUser(['registration_officer']);
    expect((await outsider.api.post(unmerge, {})).status).toBe(404);
    expect((await reviewer.api.post('/api/duplicates/nosuchpair/unmerge', {})).status).toBe(404);
    // An open pair has nothing to undo.
    expect((await reviewer.api.post(unmerge, {})).status).toBe(409);
    const detail = await reviewer.api.get(`/api/duplicates/${pair.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: pair.id, status: 'open', merge: null, reason: null });
    expect(detail.body.explanation[0].field).toBe('prior');
    const total = detail.body.explanation.reduce((sum: number, c: { weight: number }) => sum + c.weight, 0);
    expect(total).toBeCloseTo(detail.body.weight, 1);
    expect((await reviewer.api.get(`/api/duplicates?personId=${ids.muhammad}`)).body.items).toEqual([
      expect.objectContaining({ id: pair.id }),
    ]);
  });

  it('merges on `same`: the newer record is merged into the older, its need moves, all audited', async () => {
    const pair = pairOf(await queue(), 'mohammed', 'muhammad')!;
    const decided = await reviewer.api.post(`/api/duplicates/${pair.id}/decision`, {
      decision: 'same',
      reason: 'Same card photo and phone',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      status: 'same',
      allowed: ['unmerge'],
      reason: 'Same card photo and phone',
      merge: { survivorId: ids.mohammed, mergedId: ids.muhammad },
    });
    const merged = await reviewer.api.get(`/api/people/${ids.muhammad}`);
    expect(merged.body.status).toBe('merged');
    expect(merged.body.originalScriptName).toBe('محمد عبدالله');
    const survivor = await reviewer.api.get(`/api/people/${ids.mohammed}`);
    expect(survivor.body.specificNeeds.map((n: { code: string }) => n.code)).toContain('DS-PM');
    expect(pairOf(await queue(), 'mohammed', 'muhammad')).toBeUndefined();
    const search = await reviewer.api.get(`/api/people?q=${encodeURIComponent('Muhammad Abdalla')}`);
    expect(search.body.items.map((p: { id: string }) => p.id)).not.toContain(ids.muhammad);
    const again = await reviewer.api.post(`/api/duplicates/${pair.id}/decision`, { decision: 'different' });
    expect(again.status).toBe(409);
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'duplicates.decided')
      .where('entity_id', '=', pair.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({
      decision: 'same',
      survivorId: ids.mohammed,
      withReason: true,
    });
    expect(audit.details).not.toMatch(/photo|Abd|Muh/i);
    const stored = await h.db
      .selectFrom('duplicate_pairs')
      .select('reason')
      .where('id', '=', pair.id)
      .executeTakeFirstOrThrow();
    expect(stored.reason).not.toMatch(/photo/);
  });

  it('unmerges: the merged record is active again, its need returns, the pair is back in the queue', async () => {
    const pair = (await queue(reviewer, '?status=same')).find((p) => p.newer.personId === ids.muhammad)!;
    const undone = await reviewer.api.post(`/api/duplicates/${pair.id}/unmerge`, {});
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'open', merge: null, reason: null });
    const restored = await reviewer.api.get(`/api/people/${ids.muhammad}`);
    expect(restored.body.status).toBe('active');
    expect(restored.body.specificNeeds.map((n: { code: string }) => n.code)).toContain('DS-PM');
    const survivor = await reviewer.api.get(`/api/people/${ids.mohammed}`);
    expect(survivor.body.specificNeeds.map((n: { code: string }) => n.code)).not.toContain('DS-PM');
    expect(pairOf(await queue(), 'mohammed', 'muhammad')?.status).toBe('open');
    expect((await reviewer.api.post(`/api/duplicates/${pair.id}/unmerge`, {})).status).toBe(409);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', pair.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('duplicates.unmerged');
  });

  it('records `different`, and the next run never proposes the pair again', async () => {
    const pair = pairOf(await queue(), 'tesfay', 'tesfai')!;
    const decided = await reviewer.api.post(`/api/duplicates/${pair.id}/decision`, { decision: 'different' });
    expect(decided.body).toMatchObject({ status: 'different', allowed: [] });
    await run();
    const latest = (await reviewer.api.get('/api/matching/runs/latest')).body.run;
    expect(latest.result.skippedDecided).toBeGreaterThanOrEqual(1);
    expect(pairOf(await queue(), 'tesfay', 'tesfai')).toBeUndefined();
    expect(pairOf(await queue(reviewer, '?status=different'), 'tesfay', 'tesfai')?.id).toBe(pair.id);
    expect(pairOf(await queue(), 'mohammed', 'muhammad')).toBeDefined();
  });

  it('merges a cluster of three into its oldest record, pair by pair', async () => {
    const first = pairOf(await queue(), 'c2', 'c3')!;
    expect(first).toBeDefined();
    expect(
      (await reviewer.api.post(`/api/duplicates/${first.id}/decision`, { decision: 'same' })).status,
    ).toBe(200);
    // What is left of the cluster is one comparison: its oldest record against the merged pair's survivor.
    const rest = (await queue()).filter((p) => [ids.c1, ids.c2, ids.c3].includes(p.older.personId));
    expect(rest.map((p) => [p.older.personId, p.newer.personId])).toEqual([[ids.c1, ids.c2]]);
    expect(
      (await reviewer.api.post(`/api/duplicates/${rest[0]!.id}/decision`, { decision: 'same' })).status,
    ).toBe(200);
    const people = await h.db
      .selectFrom('people')
      .select(['id', 'status', 'merged_into'])
      .where('id', 'in', [ids.c1!, ids.c2!, ids.c3!])
      .execute();
    const byId = Object.fromEntries(people.map((p) => [p.id, p]));
    expect(byId[ids.c1!]).toMatchObject({ status: 'active', merged_into: null });
    expect(byId[ids.c2!]).toMatchObject({ status: 'merged', merged_into: ids.c1 });
    expect(byId[ids.c3!]).toMatchObject({ status: 'merged', merged_into: ids.c1 });
    expect((await queue()).filter((p) => [p.older.personId, p.newer.personId].includes(ids.c1!))).toEqual([]);
    // The first merge cannot be undone while the later one stands on it; the later one can.
    expect((await reviewer.api.post(`/api/duplicates/${first.id}/unmerge`, {})).status).toBe(409);
    expect((await reviewer.api.post(`/api/duplicates/${rest[0]!.id}/unmerge`, {})).status).toBe(200);
    const after = await h.db
      .selectFrom('people')
      .select(['id', 'status', 'merged_into'])
      .where('id', 'in', [ids.c2!, ids.c3!])
      .execute();
    expect(Object.fromEntries(after.map((p) => [p.id, [p.status, p.merged_into]]))).toEqual({
      [ids.c2!]: ['active', null],
      [ids.c3!]: ['merged', ids.c2],
    });
  });

  it('sends a cross-organisation pair to the data protection officer of the older record, who cannot merge it', async () => {
    const partnerOrg = (
      await h.db.selectFrom('people').select('org_id').where('id', '=', ids.diallo!).executeTakeFirstOrThrow()
    ).org_id;
    const officer = await h.createUser(['data_protection_officer'], partnerOrg);
    const pair = pairOf(await queue(officer), 'diallo', 'dialo')!;
    expect(pair).toMatchObject({
      crossOrganisation: true,
      older: { personId: ids.diallo, visible: true },
      newer: { visible: false, code: null },
      allowed: ['different'],
    });
    const otherOfficer = await h.createUser(['data_protection_officer'], reviewer.orgId);
    expect((await otherOfficer.api.get(`/api/duplicates/${pair.id}`)).status).toBe(404);
    expect((await officer.api.post(`/api/duplicates/${pair.id}/decision`, { decision: 'same' })).status).toBe(
      409,
    );
    expect(
      (await officer.api.post(`/api/duplicates/${pair.id}/decision`, { decision: 'different' })).status,
    ).toBe(200);
  });
});
