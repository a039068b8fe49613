import { describe, expect, it } from 'vitest';
import { localDateOf } from './calendar.js';
import { type CaseClocks, type Deadline, deadlinesOf, nearestDeadline } from './deadlines.js';
import { RULE_SETS, ruleSetFor } from './rule-sets.js';

function clocks(overrides: Partial<CaseClocks> & { dates: CaseClocks['dates'] }): CaseClocks {
  return { ruleSetId: 'dublin-iii', stage: 'intake', urgent: false, transferExtension: 'none', ...overrides };
}

function only(deadlines: Deadline[], rule: string): Deadline {
  const found = deadlines.find((d) => d.rule === rule);
  if (!found) throw new Error(`no ${rule} in ${deadlines.map((d) => d.rule).join(', ')}`);
  return found;
}

describe('rule sets by application date', () => {
  it('keeps Dublin III for applications before 1 July 2026 and the AMMR from then (AMMR Art. 84)', () => {
    expect(ruleSetFor('dublin_art8', '2016-02-10')?.id).toBe('dublin-iii');
    expect(ruleSetFor('dublin_art8', '2026-06-30')?.id).toBe('dublin-iii');
    expect(ruleSetFor('dublin_art9', '2026-07-01')?.id).toBe('ammr');
    expect(ruleSetFor('national_family_reunion', '2016-02-10')?.id).toBe('national');
    expect(ruleSetFor('dublin_art8', '2013-12-31')).toBeUndefined();
  });

  it('cites a legal source and a verification for every rule', () => {
    for (const set of RULE_SETS) {
      for (const rule of set.rules) {
        expect(rule.legalSource, rule.rule).toMatch(/Art\. \d+/);
        expect(rule.verification.checkedAgainst.length, rule.rule).toBeGreaterThan(10);
      }
    }
  });
});

describe('Dublin III clocks, article by article', () => {
  it('Art. 21(1): take charge request within 3 months of the application, 31 Jan → 30 Apr', () => {
    const d = only(
      deadlinesOf(clocks({ dates: { applicationLodgedOn: '2016-01-31' } }), '2016-03-01'),
      'take_charge_request',
    );
    expect(d).toMatchObject({ dueOn: '2016-04-30', daysLeft: 60, status: 'running' });
  });

  it('Art. 21(1): 30 November 2015 + 3 months ends on 29 February 2016 (leap year)', () => {
    const d = only(
      deadlinesOf(clocks({ dates: { applicationLodgedOn: '2015-11-30' } }), '2016-02-29'),
      'take_charge_request',
    );
    expect(d).toMatchObject({ dueOn: '2016-02-29', daysLeft: 0, status: 'running' });
    const next = only(
      deadlinesOf(clocks({ dates: { applicationLodgedOn: '2015-11-30' } }), '2016-03-01'),
      'take_charge_request',
    );
    expect(next).toMatchObject({ daysLeft: -1, status: 'overdue' });
  });

  it('Art. 21(1) second subparagraph: 2 months after a Eurodac hit, alongside the 3-month limit', () => {
    const all = deadlinesOf(
      clocks({ stage: 'evidence', dates: { applicationLodgedOn: '2016-01-10', eurodacHitOn: '2015-12-31' } }),
      '2016-02-01',
    );
    expect(only(all, 'take_charge_request_eurodac')).toMatchObject({
      dueOn: '2016-02-29',
      status: 'running',
    });
    expect(only(all, 'take_charge_request')).toMatchObject({ dueOn: '2016-04-10' });
    expect(nearestDeadline(all)?.rule).toBe('take_charge_request_eurodac');
  });

  it('Art. 21(1): met when the request went on or before the due day, missed after', () => {
    const onTime = deadlinesOf(
      clocks({
        stage: 'request_sent',
        dates: { applicationLodgedOn: '2016-01-31', requestSentOn: '2016-04-30' },
      }),
      '2016-05-10',
    );
    expect(only(onTime, 'take_charge_request')).toMatchObject({ status: 'met', doneOn: '2016-04-30' });
    const late = deadlinesOf(
      clocks({
        stage: 'request_sent',
        dates: { applicationLodgedOn: '2016-01-31', requestSentOn: '2016-05-01' },
      }),
      '2016-05-10',
    );
    expect(only(late, 'take_charge_request').status).toBe('missed');
  });

  it('Art. 22(1): reply within 2 months of the request, 31 Dec 2015 → 29 Feb 2016', () => {
    const all = deadlinesOf(
      clocks({
        stage: 'request_sent',
        dates: { applicationLodgedOn: '2015-12-01', requestSentOn: '2015-12-31' },
      }),
      '2016-02-01',
    );
    expect(only(all, 'take_charge_reply')).toMatchObject({ dueOn: '2016-02-29', daysLeft: 28 });
    expect(all.some((d) => d.rule === 'take_charge_reply_urgent')).toBe(false);
  });

  it('Art. 22(6): an urgent request is answered within 1 month, 31 Jan 2015 → 28 Feb 2015', () => {
    const all = deadlinesOf(
      clocks({
        stage: 'request_sent',
        urgent: true,
        dates: { applicationLodgedOn: '2015-01-05', requestSentOn: '2015-01-31' },
      }),
      '2015-03-02',
    );
    const urgent = only(all, 'take_charge_reply_urgent');
    expect(urgent).toMatchObject({ dueOn: '2015-02-28', daysLeft: -2, status: 'overdue' });
    expect(urgent.verification.status).toBe('unverified');
    expect(all.some((d) => d.rule === 'take_charge_reply')).toBe(false);
  });

  it('Art. 22(7): a reply recorded after the due day is marked missed (acceptance was deemed)', () => {
    const all = deadlinesOf(
      clocks({
        stage: 'accepted',
        dates: {
          applicationLodgedOn: '2016-01-04',
          requestSentOn: '2016-01-20',
          replyOn: '2016-03-21',
          acceptedOn: '2016-03-21',
        },
      }),
      '2016-03-25',
    );
    expect(only(all, 'take_charge_reply')).toMatchObject({ dueOn: '2016-03-20', status: 'missed' });
  });

  it('1560/2003 Art. 5(2): re-examination asked within 3 weeks of the negative reply', () => {
    const all = deadlinesOf(
      clocks({
        stage: 'rejected',
        dates: {
          applicationLodgedOn: '2016-01-04',
          requestSentOn: '2016-01-20',
          replyOn: '2016-02-15',
          rejectedOn: '2016-02-15',
        },
      }),
      '2016-02-20',
    );
    expect(only(all, 're_examination_request')).toMatchObject({
      dueOn: '2016-03-07',
      daysLeft: 16,
      status: 'running',
    });
  });

  it('1560/2003 Art. 5(2): the requested state answers a re-examination within 2 weeks', () => {
    const all = deadlinesOf(
      clocks({
        stage: 're_examination',
        dates: {
          applicationLodgedOn: '2016-01-04',
          rejectedOn: '2016-02-15',
          reExaminationRequestedOn: '2016-02-22',
        },
      }),
      '2016-03-08',
    );
    expect(only(all, 're_examination_request')).toMatchObject({ status: 'met' });
    expect(only(all, 're_examination_reply')).toMatchObject({
      dueOn: '2016-03-07',
      status: 'overdue',
      daysLeft: -1,
    });
  });

  it('Art. 29(1): transfer within 6 months of acceptance, 31 Aug 2016 → 28 Feb 2017', () => {
    const all = deadlinesOf(
      clocks({
        stage: 'transfer_scheduled',
        dates: { applicationLodgedOn: '2016-05-02', acceptedOn: '2016-08-31' },
      }),
      '2017-02-01',
    );
    expect(only(all, 'transfer')).toMatchObject({ dueOn: '2017-02-28', daysLeft: 27 });
  });

  it('Art. 29(1): an appeal with suspensive effect restarts the transfer clock from its final decision', () => {
    const all = deadlinesOf(
      clocks({
        stage: 'accepted',
        dates: { applicationLodgedOn: '2016-05-02', acceptedOn: '2016-06-30', appealDecidedOn: '2016-09-15' },
      }),
      '2016-10-01',
    );
    expect(only(all, 'transfer')).toMatchObject({ startedOn: '2016-09-15', dueOn: '2017-03-15' });
  });

  it('Art. 29(2): 12 months when imprisoned, 18 months when absconding', () => {
    const base = {
      stage: 'accepted' as const,
      dates: { applicationLodgedOn: '2015-10-01', acceptedOn: '2016-01-31' },
    };
    const prison = deadlinesOf(clocks({ ...base, transferExtension: 'imprisonment' }), '2016-06-01');
    expect(only(prison, 'transfer_extended_imprisonment').dueOn).toBe('2017-01-31');
    expect(prison.some((d) => d.rule === 'transfer')).toBe(false);
    const fled = deadlinesOf(clocks({ ...base, transferExtension: 'absconding' }), '2016-06-01');
    expect(only(fled, 'transfer_extended_absconding').dueOn).toBe('2017-07-31');
  });

  it('a clock whose stage has passed without the act is stopped', () => {
    const all = deadlinesOf(
      clocks({ stage: 'closed', dates: { applicationLodgedOn: '2016-01-31' } }),
      '2016-02-10',
    );
    expect(only(all, 'take_charge_request').status).toBe('stopped');
    expect(nearestDeadline(all)).toBeNull();
  });
});

describe('AMMR clocks', () => {
  it('Art. 39(1) and 40(1): 2 months to request, 1 month to reply', () => {
    const request = deadlinesOf(
      clocks({ ruleSetId: 'ammr', dates: { applicationLodgedOn: '2026-07-31' } }),
      '2026-08-01',
    );
    expect(only(request, 'take_charge_request').dueOn).toBe('2026-09-30');
    const reply = deadlinesOf(
      clocks({
        ruleSetId: 'ammr',
        stage: 'request_sent',
        dates: { applicationLodgedOn: '2026-07-01', requestSentOn: '2027-01-31' },
      }),
      '2027-02-01',
    );
    expect(only(reply, 'take_charge_reply').dueOn).toBe('2027-02-28');
  });

  it('Art. 39(1) and 40(2): 1 month to request and 2 weeks to reply after a Eurodac hit', () => {
    const all = deadlinesOf(
      clocks({
        ruleSetId: 'ammr',
        stage: 'request_sent',
        dates: { applicationLodgedOn: '2026-07-06', eurodacHitOn: '2026-07-06', requestSentOn: '2026-07-20' },
      }),
      '2026-07-21',
    );
    expect(only(all, 'take_charge_request_eurodac')).toMatchObject({ dueOn: '2026-08-06', status: 'met' });
    expect(only(all, 'take_charge_reply_eurodac').dueOn).toBe('2026-08-03');
    expect(all.some((d) => d.rule === 'take_charge_reply')).toBe(false);
  });

  it('Art. 42(1) and 46(1): transfer decision within 2 weeks, transfer within 6 months', () => {
    const all = deadlinesOf(
      clocks({
        ruleSetId: 'ammr',
        stage: 'accepted',
        dates: { applicationLodgedOn: '2026-07-06', acceptedOn: '2026-08-31' },
      }),
      '2026-09-01',
    );
    expect(only(all, 'transfer_decision').dueOn).toBe('2026-09-14');
    expect(only(all, 'transfer').dueOn).toBe('2027-02-28');
  });
});

describe('today is the Paris date', () => {
  it('counts a deadline due today at 00:30 in Paris although it is still yesterday in UTC', () => {
    const due = clocks({ dates: { applicationLodgedOn: '2016-03-15' } });
    // 14 June 2016 22:30 UTC is 15 June 00:30 in Paris (summer time): the due day has begun.
    const today = localDateOf(new Date('2016-06-14T22:30:00Z'));
    expect(only(deadlinesOf(due, today), 'take_charge_request')).toMatchObject({
      dueOn: '2016-06-15',
      daysLeft: 0,
    });
    // 15 June 22:30 UTC is 16 June in Paris: the deadline has passed there, not yet in UTC.
    const after = localDateOf(new Date('2016-06-15T22:30:00Z'));
    expect(only(deadlinesOf(due, after), 'take_charge_request')).toMatchObject({
      daysLeft: -1,
      status: 'overdue',
    });
  });
});
