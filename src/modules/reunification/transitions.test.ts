import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { addDays, localDateOf } from './calendar.js';
import {
  buildTeam,
  type ReunificationTeam,
  register,
  relativeAbroad,
  type TestUser,
} from './testing/reunification.fixture.js';

describeEngines('reunification case stages and dates', (h) => {
  let team: ReunificationTeam;
  let outsider: TestUser;
  let serial = 0;

  beforeAll(async () => {
    team = await buildTeam(h);
    outsider = await h.createUser(['reunification_officer']);
  });

  async function openCase(lodgedOn = '2016-02-10', relatives = [relativeAbroad()]) {
    serial += 1;
    // A child of 15 on the day the application was lodged.
    const personId = await register(team.registrar, {
      givenName: `Child${'x'.repeat(serial)}`,
      birthYear: Number(lodgedOn.slice(0, 4)) - 15,
    });
    const response = await team.officer.api.post('/api/reunification-cases', {
      personId,
      legalBasis: 'dublin_art8',
      applicationLodgedOn: lodgedOn,
      relatives,
    });
    if (response.status !== 201) throw new Error(response.raw);
    return response.body.id as string;
  }
  const move = (id: string, body: Record<string, unknown>) =>
    team.officer.api.post(`/api/reunification-cases/${id}/transitions`, body);
  const stageOf = async (id: string) =>
    await h.db
      .selectFrom('reunification_cases')
      .select(['stage', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const clock = (body: { deadlines: Array<{ rule: string }> }, rule: string) =>
    body.deadlines.find((d) => d.rule === rule);

  it('answers 409 to a move out of order and leaves the case as it was', async () => {
    const id = await openCase();
    const response = await move(id, { to: 'accepted', on: '2016-03-01' });
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/intake cannot move to accepted; next: evidence, closed/);
    expect(await stageOf(id)).toEqual({ stage: 'intake', version: 1 });
    expect(
      (
        await team.caseworker.api.post(`/api/reunification-cases/${id}/transitions`, {
          to: 'evidence',
          on: '2016-02-11',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await outsider.api.post(`/api/reunification-cases/${id}/transitions`, {
          to: 'evidence',
          on: '2016-02-11',
        })
      ).status,
    ).toBe(404);
    const bad = await move(id, { to: 'evidence', on: '11/02/2016' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('on');
  });

  it('goes from intake to transferred with dates that must follow each other (400 naming the field)', async () => {
    const id = await openCase();
    expect((await move(id, { to: 'evidence', on: '2016-02-09' })).body.error.message).toMatch(
      /^on: must not be before the application/,
    );
    expect((await move(id, { to: 'evidence', on: '2016-02-12' })).status).toBe(200);
    const sent = await move(id, { to: 'request_sent', on: '2016-03-01' });
    expect(clock(sent.body, 'take_charge_reply')).toMatchObject({
      dueOn: '2016-05-01',
      status: expect.any(String),
    });
    expect(clock(sent.body, 'take_charge_request')).toMatchObject({ status: 'met', doneOn: '2016-03-01' });
    const early = await move(id, { to: 'accepted', on: '2016-02-20' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toBe('on: must not be before the request was sent (2016-03-01)');
    expect((await stageOf(id)).stage).toBe('request_sent');
    const accepted = await move(id, { to: 'accepted', on: '2016-04-15' });
    expect(accepted.body.dates).toMatchObject({ acceptedOn: '2016-04-15', replyOn: '2016-04-15' });
    expect(clock(accepted.body, 'transfer')).toMatchObject({ dueOn: '2016-10-15' });
    const undated = await move(id, { to: 'transfer_scheduled', on: '2016-04-20' });
    expect(undated.body.error.details[0].field).toBe('transferDate');
    const before = await move(id, { to: 'transfer_scheduled', on: '2016-04-20', transferDate: '2016-04-01' });
    expect(before.status).toBe(400);
    expect(before.body.error.message).toBe('transferDate: must not be before the acceptance (2016-04-15)');
    expect(
      (await move(id, { to: 'transfer_scheduled', on: '2016-04-20', transferDate: '2016-06-01' })).status,
    ).toBe(200);
    const travelledEarly = await move(id, { to: 'transferred', on: '2016-04-01' });
    expect(travelledEarly.status).toBe(400);
    expect(travelledEarly.body.error.details[0]).toMatchObject({ field: 'on' });
    const transferred = await move(id, { to: 'transferred', on: '2016-06-01' });
    expect(clock(transferred.body, 'transfer')).toMatchObject({ status: 'met' });
    expect((await move(id, { to: 'closed', on: '2016-06-02' })).body.error.details[0].field).toBe('reason');
    const closed = await move(id, {
      to: 'closed',
      on: '2016-06-02',
      reason: 'Arrived safely with his brother',
    });
    expect(closed.body.stage).toBe('closed');
    const last = closed.body.events.at(-1);
    expect(last).toMatchObject({
      kind: 'transition',
      fromStage: 'transferred',
      toStage: 'closed',
      note: 'Arrived safely with his brother',
    });
    const stored = await h.db
      .selectFrom('reunification_events')
      .select('note')
      .where('id', '=', last.id)
      .executeTakeFirstOrThrow();
    expect(stored.note).not.toContain('Arrived');
    expect((await move(id, { to: 'closed', on: '2016-06-03', reason: 'again' })).status).toBe(409);
  });

  it('runs the re-examination clocks after a rejection and allows one re-examination only', async () => {
    const id = await openCase();
    await move(id, { to: 'evidence', on: '2016-02-12' });
    await move(id, { to: 'request_sent', on: '2016-03-01' });
    const rejected = await move(id, { to: 'rejected', on: '2016-04-10' });
    expect(clock(rejected.body, 're_examination_request')).toMatchObject({ dueOn: '2016-05-01' });
    const asked = await move(id, { to: 're_examination', on: '2016-04-20' });
    expect(clock(asked.body, 're_examination_reply')).toMatchObject({ dueOn: '2016-05-04' });
    expect(clock(asked.body, 're_examination_request')).toMatchObject({ status: 'met' });
    const final = await move(id, { to: 'rejected', on: '2016-05-02' });
    expect(final.body.dates).toMatchObject({ rejectedOn: '2016-04-10', reExaminationReplyOn: '2016-05-02' });
    const again = await move(id, { to: 're_examination', on: '2016-05-03' });
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].field).toBe('to');
  });

  it('records acceptance by silence on the day the reply period ended, and only once it has ended', async () => {
    const id = await openCase('2016-01-02');
    await move(id, { to: 'evidence', on: '2016-01-03' });
    await move(id, { to: 'request_sent', on: '2016-01-04' });
    const deemed = await move(id, { to: 'accepted', on: '2016-03-10', deemed: true });
    expect(deemed.status, deemed.raw).toBe(200);
    expect(deemed.body.dates).toMatchObject({
      acceptedOn: '2016-03-04',
      deemedAcceptance: true,
      replyOn: null,
    });
    expect(clock(deemed.body, 'transfer')).toMatchObject({ dueOn: '2016-09-04' });

    // Applications lodged since 1 July 2026 follow the AMMR, whose reply period is one month.
    const today = localDateOf(new Date());
    const recent = await openCase(addDays(today, -10));
    await move(recent, { to: 'evidence', on: addDays(today, -9) });
    await move(recent, { to: 'request_sent', on: addDays(today, -5) });
    const tooSoon = await move(recent, { to: 'accepted', on: today, deemed: true });
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.body.error.message).toMatch(/^deemed: the requested state may still reply until/);
    // After the AMMR reply period: no deemed acceptance is recorded, as its article was not verified.
    const ammr = await openCase('2026-08-01');
    await move(ammr, { to: 'evidence', on: '2026-08-02' });
    await move(ammr, { to: 'request_sent', on: '2026-08-15' });
    const unverified = await move(ammr, { to: 'accepted', on: today, deemed: true });
    expect(unverified.status).toBe(400);
    expect(unverified.body.error.message).toMatch(/^deemed: acceptance by silence is not verified/);
  });

  it('refuses a take charge request to the UK sent after it left the Dublin system', async () => {
    const id = await openCase('2020-12-10', [relativeAbroad({ country: 'GBR', city: 'Leeds' })]);
    await move(id, { to: 'evidence', on: '2020-12-11' });
    const late = await move(id, { to: 'request_sent', on: '2021-01-05' });
    expect(late.status).toBe(400);
    expect(late.body.error.message).toMatch(/^on: the United Kingdom left the Dublin system/);
    expect((await move(id, { to: 'request_sent', on: '2020-12-30' })).status).toBe(200);
  });

  it('PATCH records an extension, an appeal and a Eurodac hit, each changing its clock', async () => {
    const id = await openCase();
    const early = await team.officer.api.patch(`/api/reunification-cases/${id}`, {
      transferExtension: 'absconding',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].field).toBe('transferExtension');
    const hit = await team.officer.api.patch(`/api/reunification-cases/${id}`, {
      eurodacHitOn: '2016-02-20',
    });
    expect(clock(hit.body, 'take_charge_request_eurodac')).toMatchObject({ dueOn: '2016-04-20' });
    await move(id, { to: 'evidence', on: '2016-02-12' });
    await move(id, { to: 'request_sent', on: '2016-03-01' });
    await move(id, { to: 'accepted', on: '2016-03-31' });
    const fled = await team.officer.api.patch(`/api/reunification-cases/${id}`, {
      transferExtension: 'absconding',
    });
    expect(clock(fled.body, 'transfer_extended_absconding')).toMatchObject({ dueOn: '2017-09-30' });
    expect(clock(fled.body, 'transfer')).toBeUndefined();
    const badAppeal = await team.officer.api.patch(`/api/reunification-cases/${id}`, {
      appealDecidedOn: '2016-03-01',
    });
    expect(badAppeal.body.error.details[0].field).toBe('appealDecidedOn');
    const appeal = await team.officer.api.patch(`/api/reunification-cases/${id}`, {
      appealDecidedOn: '2016-05-31',
      transferExtension: 'none',
    });
    expect(clock(appeal.body, 'transfer')).toMatchObject({ startedOn: '2016-05-31', dueOn: '2016-11-30' });
    expect((await team.officer.api.patch(`/api/reunification-cases/${id}`, {})).status).toBe(400);
  });
});
