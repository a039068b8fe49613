import type { HolidayCalendar } from './legal-calendar.js';
import type { Custody, RuleSet, TimeLimitRule } from './rule-types.js';

/*
 * French asylum procedure time limits (CESEDA), as data. Each set applies to clocks whose starting
 * event (registration, OFPRA's decision, the transfer decision) falls within its dates: the
 * transitional rules of the 2024 reform apply it to "decisions taken from" its entry into force.
 * Checked in December 2025 with the texts named in each rule's `verification`.
 *
 * Open questions, shown rather than guessed:
 * - whether the one-month CNDA period is a "délai franc" (one more day) is not settled by the
 *   sources read; the earlier date is shown, which is safe for the person;
 * - a legal-aid request made within its 15 days suspends the appeal period (loi 91-647, art. 9-4
 *   and CNDA 16 February 2017, n° 16029246): the appeal due date shown is the unsuspended one
 *   until the appeal is recorded, so it is never later than the real one.
 */

/** Code du travail, art. L. 3133-1 (the list was not re-read during the check). */
const FRENCH_HOLIDAYS: HolidayCalendar = {
  fixed: ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'],
  // Easter Monday, Ascension Thursday, Whit Monday.
  easterOffsets: [1, 39, 50],
};
const HOLIDAY_SOURCE = 'Code du travail, art. L. 3133-1 (not re-read during the check)';

const NATIONAL = ['normal', 'accelerated'] as const;

const EXTENSION_SOURCE =
  'extension to the next working day: Conseil d’État, 19 September 2014, n° 362568 (administrative appeal periods), applied to CNDA appeals in practitioners’ guidance; not written in the CESEDA article itself';

function ofpraApplication(
  legalSource: string,
  status: 'verified' | 'secondary',
  checked: string,
): TimeLimitRule {
  return {
    rule: 'pathways.ofpra_application_due',
    label: 'Application to OFPRA (21 days from registration and the asylum-seeker certificate)',
    legalSource,
    procedureTypes: NATIONAL,
    from: { stage: 'registration' },
    period: { days: 21 },
    metBy: ['application', 'withdrawn'],
    extendsToWorkingDay: false,
    noticeDays: null,
    consequence: 'OFPRA refuses to register a late application; the person loses reception conditions',
    verification: {
      status,
      checkedAgainst: `${checked}. No text read extends it past a weekend or holiday: the unextended (earlier) date is shown`,
    },
  };
}

function cndaAppeal(legalSource: string, checked: string): TimeLimitRule {
  return {
    rule: 'pathways.cnda_appeal_due',
    label: 'Appeal to the CNDA (one month from notification of OFPRA’s decision)',
    legalSource,
    procedureTypes: NATIONAL,
    from: { stage: 'decision', results: ['rejected', 'subsidiary_protection', 'inadmissible', 'closed'] },
    period: { months: 1 },
    metBy: ['appeal', 'withdrawn'],
    extendsToWorkingDay: true,
    noticeDays: null,
    consequence: 'a late appeal is inadmissible (forclusion); the right to stay ends',
    verification: { status: 'secondary', checkedAgainst: `${checked}; ${EXTENSION_SOURCE}` },
  };
}

const LEGAL_AID: TimeLimitRule = {
  rule: 'pathways.legal_aid_due',
  label: 'Legal-aid request for the CNDA appeal (15 days from notification of OFPRA’s decision)',
  legalSource: 'Loi n° 91-647 du 10 juillet 1991, art. 9-4',
  procedureTypes: NATIONAL,
  from: { stage: 'decision', results: ['rejected', 'subsidiary_protection', 'inadmissible', 'closed'] },
  period: { days: 15 },
  metBy: ['legal_aid_request', 'appeal', 'withdrawn'],
  extendsToWorkingDay: false,
  noticeDays: null,
  consequence:
    'a later request does not suspend the appeal period: legal aid can then only be asked when lodging the appeal within the month',
  verification: {
    status: 'verified',
    checkedAgainst:
      'text of art. 9-4 as published on Légifrance (mirror legal.tricoteuses.fr, LEGIARTI000030951625); its effect on the appeal period: CNDA 16 February 2017, n° 16029246. No text read extends it past a weekend or holiday',
  },
};

function transferAppeal(
  legalSource: string,
  custody: readonly Custody[],
  period: { days: number } | { hours: number },
  checked: string,
  whenDetained: string,
): TimeLimitRule {
  const inDays = 'days' in period;
  return {
    rule: 'pathways.transfer_appeal_due',
    label:
      'hours' in period
        ? `Appeal against the Dublin transfer decision (48 hours: ${whenDetained})`
        : `Appeal against the Dublin transfer decision (${'days' in period ? period.days : 0} days)`,
    legalSource,
    procedureTypes: ['dublin'],
    from: { stage: 'transfer_decision', custody },
    period,
    metBy: ['transfer_appeal', 'withdrawn'],
    extendsToWorkingDay: inDays,
    noticeDays: null,
    consequence: 'no other remedy lies against the transfer decision once the period has passed',
    verification: {
      status: inDays ? 'secondary' : 'verified',
      checkedAgainst: inDays
        ? `period: ${checked}; ${EXTENSION_SOURCE}`
        : `${checked}. A period in hours runs to the minute and is never extended`,
    },
  };
}

const NOT_COMPUTED = [
  'Time limits that bind the authorities (registration within 3 working days, OFPRA’s decision in accelerated procedure): they are the administration’s, and no alert of ours can make it meet them',
  'The detained application limit (5 days from placement in retention, R. 531-2 para. 3): Passerelle does not record retention placements as events',
  'Overseas “délai de distance” (one more month): not relevant to the Calais reference situation',
];

export const FRANCE_2015: RuleSet = {
  id: 'fr-2015-asylum-reform',
  country: 'FRA',
  timeZone: 'Europe/Paris',
  holidays: FRENCH_HOLIDAYS,
  holidaySource: HOLIDAY_SOURCE,
  effectiveFrom: '2015-11-01',
  effectiveUntil: '2021-04-30',
  effectiveDateSource:
    'Loi n° 2015-925 du 29 juillet 2015 (most provisions from 1 November 2015: not re-read); until the recodification of 1 May 2021 (ordonnance n° 2020-1733, art. 20: verified on Légifrance)',
  rules: [
    ofpraApplication(
      'CESEDA (version 2015–2021), art. R. 723-1',
      'secondary',
      '21 days from the certificate: asile-en-france.org (procédure normale); the article number of the 2015 version was not read',
    ),
    cndaAppeal(
      'CESEDA (version 2015–2021), art. L. 731-2',
      'period read in art. L. 731-2 as published by Lexbase (L5126IQW)',
    ),
    LEGAL_AID,
    transferAppeal(
      'CESEDA (version 2015–2021), art. L. 742-4 I',
      ['none'],
      { days: 15 },
      'art. L. 742-4 I as published by Lexbase (L9275K4B)',
      '',
    ),
    transferAppeal(
      'CESEDA (version 2015–2021), art. L. 742-4 II',
      ['house_arrest', 'retention'],
      { hours: 48 },
      'art. L. 742-4 II as published by Lexbase (L9275K4B)',
      'notified with a retention or house-arrest decision',
    ),
  ],
  notComputed: NOT_COMPUTED,
};

export const FRANCE_2021: RuleSet = {
  id: 'fr-2021-recodified',
  country: 'FRA',
  timeZone: 'Europe/Paris',
  holidays: FRENCH_HOLIDAYS,
  holidaySource: HOLIDAY_SOURCE,
  effectiveFrom: '2021-05-01',
  effectiveUntil: '2024-07-14',
  effectiveDateSource:
    'Ordonnance n° 2020-1733, art. 20 (from 1 May 2021: verified); until décret n° 2024-799, art. 9 I (the 2024 appeal procedures apply from 15 July 2024 to decisions taken from then: verified)',
  rules: [
    ofpraApplication(
      'CESEDA, art. R. 531-2',
      'verified',
      'art. R. 531-2 para. 1 as published by Lexbase (L1855MNZ)',
    ),
    cndaAppeal(
      'CESEDA, art. L. 532-1 and R. 532-1',
      'one month from notification: the CNDA’s own guidance (cnda.fr; Paris administrative court of appeal site, “Déposer mon recours”); the articles themselves were not read',
    ),
    LEGAL_AID,
    transferAppeal(
      'CESEDA, art. L. 572-5',
      ['none'],
      { days: 15 },
      'art. L. 572-5 in its version in force on 2 December 2021 (Légifrance)',
      '',
    ),
    transferAppeal(
      'CESEDA, art. L. 572-6',
      ['house_arrest', 'retention'],
      { hours: 48 },
      'art. L. 572-6 in its version in force on 2 December 2021 (Légifrance)',
      'notified with a house-arrest (L. 751-2) or retention (L. 751-9) decision',
    ),
  ],
  notComputed: NOT_COMPUTED,
};

/**
 * Since 15 July 2024 (loi n° 2024-42, décret n° 2024-799) a transfer decision is challenged under
 * the general procedures of L. 921-1 (7 days) or, in retention, L. 921-2 (48 hours). House arrest
 * alone no longer shortens the period: the 15-day / 48-hour limits of DOMAIN.md are the older law.
 */
export const FRANCE_2024: RuleSet = {
  id: 'fr-2024-immigration-law',
  country: 'FRA',
  timeZone: 'Europe/Paris',
  holidays: FRENCH_HOLIDAYS,
  holidaySource: HOLIDAY_SOURCE,
  effectiveFrom: '2024-07-15',
  effectiveUntil: null,
  effectiveDateSource:
    'Décret n° 2024-799 du 2 juillet 2024, art. 9 I, applying loi n° 2024-42 art. 86 IV (verified in the nota of art. L. 921-1)',
  rules: [
    ofpraApplication(
      'CESEDA, art. R. 531-2',
      'verified',
      'art. R. 531-2 para. 1 as published by Lexbase (L1855MNZ), the version that mentions the pôles of L. 121-17 (2024 law)',
    ),
    cndaAppeal(
      'CESEDA, art. L. 532-1 and R. 532-1',
      'one month from notification: the CNDA’s own guidance (Paris administrative court of appeal site, “Déposer mon recours”); the articles themselves were not read',
    ),
    LEGAL_AID,
    transferAppeal(
      'CESEDA, art. L. 572-4 and L. 921-1',
      ['none', 'house_arrest'],
      { days: 7 },
      'art. L. 921-1 (Légifrance mirror tricoteuses.fr, LEGIARTI000049050149) and art. L. 572-4 (juriblio.fr)',
      '',
    ),
    transferAppeal(
      'CESEDA, art. L. 572-4 and L. 921-2',
      ['retention'],
      { hours: 48 },
      'art. L. 921-2 and L. 572-4 as published by juriblio.fr',
      'in administrative retention',
    ),
  ],
  notComputed: NOT_COMPUTED,
};
