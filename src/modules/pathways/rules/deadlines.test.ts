import { describe, expect, it } from 'vitest';
import { type ClockEvent, computeDeadlines, type ProcedureFacts } from './deadlines.js';
import { FRANCE_2024 } from './france.rules.js';
import { easterSunday, isPublicHoliday, nextWorkingDay } from './legal-calendar.js';
import { RULE_SETS, ruleSetFor } from './rule-sets.js';

let seq = 0;
function event(stage: string, occurredOn: string, extra: Partial<ClockEvent> = {}): ClockEvent {
  seq += 1;
  return { id: `e${seq}`, stage, occurredOn, occurredAt: null, result: null, custody: null, ...extra };
}
const rejected = (on: string) => event('decision', on, { result: 'rejected' });

function due(
  facts: Partial<ProcedureFacts> & { events: ClockEvent[] },
  rule: string,
  now = '2030-01-01T12:00:00Z',
) {
  const all = computeDeadlines({ country: 'FRA', procedureType: 'normal', ...facts }, new Date(now));
  return all.find((d) => d.rule === rule);
}

describe('French public holidays and Easter', () => {
  it('computes Easter Sunday for real years', () => {
    expect(easterSunday(2016)).toBe('2016-03-27');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
  });

  it('knows the fixed and movable holidays, and skips weekends to the next working day', () => {
    const { holidays } = FRANCE_2024;
    expect(isPublicHoliday('2016-03-28', holidays)).toBe(true); // Easter Monday
    expect(isPublicHoliday('2016-05-05', holidays)).toBe(true); // Ascension
    expect(isPublicHoliday('2016-05-16', holidays)).toBe(true); // Whit Monday
    expect(isPublicHoliday('2024-07-14', holidays)).toBe(true);
    expect(isPublicHoliday('2024-07-15', holidays)).toBe(false);
    // Saturday 2 November 2024 → Monday 4 November; Sunday 10 November → Tuesday 12 (11th: Armistice).
    expect(nextWorkingDay('2024-11-02', holidays)).toBe('2024-11-04');
    expect(nextWorkingDay('2024-11-10', holidays)).toBe('2024-11-12');
  });
});

describe('rule sets', () => {
  it('cover every day from November 2015 without gap or overlap', () => {
    const french = RULE_SETS.filter((s) => s.country === 'FRA');
    for (const day of ['2015-11-01', '2021-04-30', '2021-05-01', '2024-07-14', '2024-07-15', '2031-01-01']) {
      expect(
        french.filter((s) => ruleSetFor('FRA', day) === s),
        day,
      ).toHaveLength(1);
    }
    expect(ruleSetFor('FRA', '2015-10-31')).toBeUndefined();
    expect(ruleSetFor('GBR', '2024-01-01')).toBeUndefined();
  });

  it('cite an article and say how each limit was verified', () => {
    for (const set of RULE_SETS)
      for (const rule of set.rules) {
        expect(rule.legalSource, rule.rule).toMatch(/art\./);
        expect(['verified', 'secondary', 'unverified']).toContain(rule.verification.status);
        expect(rule.verification.checkedAgainst.length).toBeGreaterThan(20);
      }
  });
});

describe('application to OFPRA: 21 days from registration', () => {
  it('counts 21 days from the day after registration', () => {
    expect(
      due({ events: [event('registration', '2024-01-10')] }, 'pathways.ofpra_application_due'),
    ).toMatchObject({
      dueOn: '2024-01-31',
      extended: false,
      legalSource: 'CESEDA, art. R. 531-2',
      ruleSetId: 'fr-2021-recodified',
    });
  });

  it('is not moved off a Saturday: no text read extends it', () => {
    // 10 February 2024 + 21 days = Saturday 2 March 2024.
    expect(
      due({ events: [event('registration', '2024-02-10')] }, 'pathways.ofpra_application_due')?.dueOn,
    ).toBe('2024-03-02');
  });

  it('is met by the application, and does not run for a Dublin procedure', () => {
    const met = due(
      { events: [event('registration', '2024-02-10'), event('application', '2024-02-20')] },
      'pathways.ofpra_application_due',
    );
    expect(met?.metOn).toBe('2024-02-20');
    expect(
      due(
        { procedureType: 'dublin', events: [event('registration', '2024-02-10')] },
        'pathways.ofpra_application_due',
      ),
    ).toBeUndefined();
  });
});

describe('appeal to the CNDA: one month from OFPRA’s decision', () => {
  const cnda = (on: string) => due({ events: [rejected(on)] }, 'pathways.cnda_appeal_due');

  it('ends on the same date a month later, or the month’s last day', () => {
    expect(cnda('2024-01-31')?.dueOn).toBe('2024-02-29'); // leap year
    expect(cnda('2023-01-31')?.dueOn).toBe('2023-02-28');
    expect(cnda('2025-05-31')?.dueOn).toBe('2025-06-30');
  });

  it('moves to the next working day off a weekend or a public holiday', () => {
    expect(cnda('2024-08-14')).toMatchObject({ dueOn: '2024-09-16', extended: true }); // Sat 14 Sept
    expect(cnda('2024-10-11')?.dueOn).toBe('2024-11-12'); // Mon 11 Nov, Armistice
    expect(cnda('2024-11-25')?.dueOn).toBe('2024-12-26'); // Christmas Day
    expect(cnda('2025-03-21')?.dueOn).toBe('2025-04-22'); // Easter Monday
    expect(cnda('2025-04-29')?.dueOn).toBe('2025-05-30'); // Ascension Thursday
  });

  it('ends at midnight Paris time on the due date, summer or winter', () => {
    expect(cnda('2024-05-10')?.dueAt).toBe('2024-06-10T22:00:00.000Z');
    expect(cnda('2024-12-10')?.dueAt).toBe('2025-01-10T23:00:00.000Z');
  });

  it('runs after a rejection or subsidiary protection, not after refugee status', () => {
    const granted = event('decision', '2024-05-10', { result: 'refugee_status' });
    expect(due({ events: [granted] }, 'pathways.cnda_appeal_due')).toBeUndefined();
    const subsidiary = event('decision', '2024-05-10', { result: 'subsidiary_protection' });
    expect(due({ events: [subsidiary] }, 'pathways.cnda_appeal_due')?.dueOn).toBe('2024-06-10');
  });

  it('counts days left from today in Paris, not in UTC', () => {
    // 23:30 UTC on 13 September is already 14 September in Paris (summer time).
    const left = due(
      { events: [rejected('2024-08-14')] },
      'pathways.cnda_appeal_due',
      '2024-09-13T22:30:00Z',
    );
    expect(left?.daysLeft).toBe(2);
  });

  it('is met by the appeal', () => {
    const met = due(
      { events: [rejected('2024-08-14'), event('appeal', '2024-09-02')] },
      'pathways.cnda_appeal_due',
    );
    expect(met?.metOn).toBe('2024-09-02');
  });
});

describe('legal-aid request: 15 days from OFPRA’s decision', () => {
  it('counts 15 calendar days and is not moved off a weekend', () => {
    const aid = (on: string) => due({ events: [rejected(on)] }, 'pathways.legal_aid_due');
    expect(aid('2024-08-14')?.dueOn).toBe('2024-08-29');
    expect(aid('2024-09-13')?.dueOn).toBe('2024-09-28'); // a Saturday: stays
    expect(aid('2024-09-13')?.legalSource).toBe('Loi n° 91-647 du 10 juillet 1991, art. 9-4');
  });
});

describe('appeal against a Dublin transfer decision', () => {
  const transfer = (on: string, custody: ClockEvent['custody'], occurredAt: string | null = null) =>
    due(
      { procedureType: 'dublin', events: [event('transfer_decision', on, { custody, occurredAt })] },
      'pathways.transfer_appeal_due',
    );

  it('was 15 days (48 hours under house arrest) until 14 July 2024', () => {
    expect(transfer('2024-07-10', 'none')).toMatchObject({
      dueOn: '2024-07-25',
      legalSource: 'CESEDA, art. L. 572-5',
    });
    expect(transfer('2024-07-14', 'none')?.dueOn).toBe('2024-07-29');
    expect(transfer('2023-03-01', 'house_arrest')?.legalSource).toBe('CESEDA, art. L. 572-6');
    expect(transfer('2016-02-01', 'none')?.legalSource).toBe('CESEDA (version 2015–2021), art. L. 742-4 I');
  });

  it('is 7 days for decisions from 15 July 2024, house arrest included, moved off a weekend', () => {
    expect(transfer('2024-07-15', 'none')?.dueOn).toBe('2024-07-22');
    expect(transfer('2024-07-20', 'none')).toMatchObject({ dueOn: '2024-07-29', extended: true });
    expect(transfer('2024-08-01', 'house_arrest')?.legalSource).toBe('CESEDA, art. L. 572-4 and L. 921-1');
  });

  it('is 48 hours to the minute in retention, across the change from summer time', () => {
    // Notified at 16:30 Paris time on Friday 25 October 2024; clocks go back on Sunday the 27th.
    const limit = transfer('2024-10-25', 'retention', '2024-10-25T14:30:00.000Z');
    expect(limit).toMatchObject({ dueAt: '2024-10-27T14:30:00.000Z', dueOn: '2024-10-27', extended: false });
  });

  it('starts at the beginning of the day when the time of notification is unknown', () => {
    expect(transfer('2024-10-25', 'retention')?.dueAt).toBe('2024-10-26T22:00:00.000Z');
  });
});

describe('procedures before any rule set', () => {
  it('get no computed limit rather than a wrong one', () => {
    expect(
      computeDeadlines(
        { country: 'FRA', procedureType: 'normal', events: [rejected('2015-06-01')] },
        new Date(),
      ),
    ).toEqual([]);
  });
});
