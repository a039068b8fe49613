import { describe, expect, it } from 'vitest';
import { isAvailable, speaks } from './interpreters.service.js';
import {
  checkStage,
  nextStages,
  outcomeAfter,
  type RecordedStage,
  WORKFLOWS,
} from './procedures.workflow.js';

const r = (stage: string, occurredOn: string, result: string | null = null): RecordedStage => ({
  stage,
  occurredOn,
  result,
});

describe('asylum procedure workflow', () => {
  const applied = [r('registration', '2026-02-10'), r('application', '2026-02-20')];

  it('refuses a decision before the application, and one dated before it', () => {
    expect(
      checkStage('normal', [r('registration', '2026-02-10')], {
        stage: 'decision',
        occurredOn: '2026-03-01',
        result: 'rejected',
      }),
    ).toMatchObject({ ok: false, field: 'stage' });
    expect(
      checkStage('normal', applied, { stage: 'decision', occurredOn: '2026-02-19', result: 'rejected' }),
    ).toMatchObject({ ok: false, field: 'occurredOn' });
    expect(
      checkStage('normal', applied, { stage: 'decision', occurredOn: '2026-02-20', result: 'rejected' }).ok,
    ).toBe(true);
  });

  it('wants a result from the list for a decision, and none for other stages', () => {
    expect(checkStage('normal', applied, { stage: 'decision', occurredOn: '2026-05-01' })).toMatchObject({
      ok: false,
      field: 'result',
    });
    expect(
      checkStage('normal', applied, { stage: 'interview', occurredOn: '2026-05-01', result: 'good' }),
    ).toMatchObject({ ok: false, field: 'result' });
  });

  it('opens the appeal only after a negative decision, and the legal-aid request only before the appeal', () => {
    const granted = [...applied, r('decision', '2026-06-01', 'refugee_status')];
    expect(checkStage('normal', granted, { stage: 'appeal', occurredOn: '2026-06-10' })).toMatchObject({
      ok: false,
      field: 'stage',
    });
    const rejected = [...applied, r('decision', '2026-06-01', 'rejected')];
    expect(nextStages('normal', rejected)).toEqual(expect.arrayContaining(['legal_aid_request', 'appeal']));
    const appealed = [...rejected, r('appeal', '2026-06-20')];
    expect(
      checkStage('normal', appealed, { stage: 'legal_aid_request', occurredOn: '2026-06-21' }),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/too late/) });
    expect(nextStages('normal', appealed)).toContain('appeal_decision');
  });

  it('closes on refugee status; a rejection sets the outcome and leaves the appeal open', () => {
    const decision = WORKFLOWS.normal.find((s) => s.stage === 'decision')!;
    expect(outcomeAfter(decision, 'refugee_status')).toEqual({ outcome: 'refugee_status', closes: true });
    expect(outcomeAfter(decision, 'rejected')).toEqual({ outcome: 'rejected', closes: false });
    const appealDecision = WORKFLOWS.normal.find((s) => s.stage === 'appeal_decision')!;
    expect(outcomeAfter(appealDecision, 'subsidiary_protection')).toEqual({
      outcome: 'subsidiary_protection',
      closes: true,
    });
  });

  it('refuses a stage recorded twice as a conflict, except repeatable ones', () => {
    expect(checkStage('normal', applied, { stage: 'application', occurredOn: '2026-03-01' })).toMatchObject({
      ok: false,
      conflict: true,
    });
    const counselled = [r('request', '2026-01-01'), r('counselling', '2026-01-02')];
    expect(checkStage('return', counselled, { stage: 'counselling', occurredOn: '2026-01-09' }).ok).toBe(
      true,
    );
  });

  it('needs the custody at a Dublin transfer decision: it decides the appeal limit', () => {
    const registered = [r('registration', '2026-02-10')];
    expect(
      checkStage('dublin', registered, { stage: 'transfer_decision', occurredOn: '2026-03-01' }),
    ).toMatchObject({ ok: false, field: 'custody' });
    expect(
      checkStage('dublin', registered, {
        stage: 'transfer_decision',
        occurredOn: '2026-03-01',
        custody: 'retention',
      }).ok,
    ).toBe(true);
    expect(
      checkStage('dublin', registered, { stage: 'decision', occurredOn: '2026-03-01', result: 'rejected' }),
    ).toMatchObject({ ok: false, field: 'stage' });
  });
});

describe('interpreter matching', () => {
  it('matches a dialect by its primary language, not across languages', () => {
    expect(speaks(['ar-SD'], 'ar')).toBe(true);
    expect(speaks(['ar'], 'ar-SD')).toBe(true);
    expect(speaks(['fa'], 'fa-AF')).toBe(true);
    expect(speaks(['ckb'], 'kmr')).toBe(false);
    expect(speaks(['ti', 'am'], 'ps')).toBe(false);
  });

  it('checks weekly slots in Paris time, across the change to summer time', () => {
    const slots = [{ weekday: 1, from: '09:00', to: '12:00' }];
    // Monday 23 March 2026, winter time (UTC+1): 08:00–09:00 UTC is 09:00–10:00 in Paris.
    expect(
      isAvailable(slots, new Date('2026-03-23T08:00:00Z'), new Date('2026-03-23T09:00:00Z'), 'Europe/Paris'),
    ).toBe(true);
    // Monday 30 March 2026, summer time (UTC+2): the same UTC hour is 10:00–11:00, still inside.
    expect(
      isAvailable(slots, new Date('2026-03-30T07:00:00Z'), new Date('2026-03-30T08:00:00Z'), 'Europe/Paris'),
    ).toBe(true);
    // 10:30–11:30 UTC in summer is 12:30–13:30 in Paris: outside; ending exactly at 12:00 is inside.
    expect(
      isAvailable(slots, new Date('2026-03-30T10:30:00Z'), new Date('2026-03-30T11:30:00Z'), 'Europe/Paris'),
    ).toBe(false);
    expect(
      isAvailable(slots, new Date('2026-03-30T09:00:00Z'), new Date('2026-03-30T10:00:00Z'), 'Europe/Paris'),
    ).toBe(true);
    // Tuesday: no slot.
    expect(
      isAvailable(slots, new Date('2026-03-31T08:00:00Z'), new Date('2026-03-31T09:00:00Z'), 'Europe/Paris'),
    ).toBe(false);
    // No slots at all: on call.
    expect(
      isAvailable([], new Date('2026-03-31T02:00:00Z'), new Date('2026-03-31T03:00:00Z'), 'Europe/Paris'),
    ).toBe(true);
  });
});
