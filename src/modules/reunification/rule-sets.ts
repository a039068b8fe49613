import type { LocalDate, Period } from './calendar.js';
import { DUBLIN_BASES, type LegalBasis, type Stage, type TransferExtension } from './reunification.enums.js';

/** The dates of a case that start or stop a clock. */
export type ClockDate =
  | 'applicationLodgedOn'
  | 'eurodacHitOn'
  | 'requestSentOn'
  | 'replyOn'
  | 'rejectedOn'
  | 'reExaminationRequestedOn'
  | 'reExaminationReplyOn'
  | 'acceptedOn'
  | 'appealDecidedOn'
  | 'transferredOn';

/**
 * How each time limit was checked. `verified`: the period was read in the regulation's text (an
 * official language version); `secondary`: read in case law or an official commentary quoting the
 * article, not in the article itself; `unverified`: not found in any text during the check, kept
 * because the issue and DOMAIN.md state it, and flagged as such wherever it is shown.
 */
export interface Verification {
  status: 'verified' | 'secondary' | 'unverified';
  checkedAgainst: string;
}

export interface ClockRule {
  rule: string;
  legalSource: string;
  period: Period;
  /** The clock starts on the first of these dates that is set (an appeal restarts the transfer clock). */
  from: readonly ClockDate[];
  /** The clock is met once one of these dates is set. */
  metBy: readonly ClockDate[];
  /** Stages in which the clock runs. */
  runsIn: readonly Stage[];
  when?: { urgent?: boolean; eurodacHit?: boolean; transferExtension?: TransferExtension };
  /** A reply clock whose expiry counts as acceptance (verified in the law or its case law). */
  deemsAcceptance?: true;
  /** What the law makes of the deadline passing. */
  consequence: string;
  verification: Verification;
}

export interface RuleSet {
  id: string;
  instrument: string;
  /** Applications lodged (registered) on or after this date use this set; a case keeps it for life. */
  effectiveFrom: LocalDate;
  effectiveUntil: LocalDate | null;
  bases: readonly LegalBasis[];
  effectiveDateSource: string;
  rules: readonly ClockRule[];
  /** Time limits of the instrument that are not computed here, and why. */
  notComputed: readonly string[];
}

const DUBLIN = [...DUBLIN_BASES];
const BEFORE_REQUEST: readonly Stage[] = ['intake', 'evidence'];
const AWAITING_TRANSFER: readonly Stage[] = ['accepted', 'transfer_scheduled'];

const D3 = 'Regulation (EU) No 604/2013 (Dublin III)';
const IR = 'Commission Regulation (EC) No 1560/2003 as amended by Implementing Regulation (EU) No 118/2014';
const AMMR = 'Regulation (EU) 2024/1351 (AMMR)';

/**
 * Dublin III. Checked against: Art. 21(1) in the English text published on legislation.gov.uk
 * (eur/2013/604/article/21, as adopted) and the Romanian and Bulgarian texts; Art. 22(1) in the
 * Spanish and French texts (iberley.es, europeanmigrationlaw.eu); Art. 29(1) and the first limb of
 * 29(2) in the French text (doctrine.fr); Art. 5(2) of Regulation 1560/2003 in OJ L 222, 5.9.2003,
 * p. 5, and the CJEU's reading of it in X and X (C-47/17 and C-48/17, 13 November 2018).
 */
const DUBLIN_III: RuleSet = {
  id: 'dublin-iii',
  instrument: D3,
  effectiveFrom: '2014-01-01',
  effectiveUntil: '2026-06-30',
  bases: DUBLIN,
  effectiveDateSource: `${D3}, Art. 49 (applications lodged from 1 January 2014: not re-read during the check); until AMMR Art. 84(2) (verified: applications registered before 1 July 2026 stay under Dublin III)`,
  rules: [
    {
      rule: 'take_charge_request',
      legalSource: `${D3}, Art. 21(1), first subparagraph`,
      period: { months: 3 },
      from: ['applicationLodgedOn'],
      metBy: ['requestSentOn'],
      runsIn: BEFORE_REQUEST,
      consequence:
        'Art. 21(1), third subparagraph: responsibility lies with the Member State where the application was lodged.',
      verification: { status: 'verified', checkedAgainst: 'legislation.gov.uk eur/2013/604/article/21 (EN)' },
    },
    {
      rule: 'take_charge_request_eurodac',
      legalSource: `${D3}, Art. 21(1), second subparagraph`,
      period: { months: 2 },
      from: ['eurodacHitOn'],
      metBy: ['requestSentOn'],
      runsIn: BEFORE_REQUEST,
      when: { eurodacHit: true },
      consequence:
        'Art. 21(1), third subparagraph; the three-month limit from the application still applies (CJEU C-670/16 Mengesteab).',
      verification: { status: 'verified', checkedAgainst: 'legislation.gov.uk eur/2013/604/article/21 (EN)' },
    },
    {
      rule: 'take_charge_reply',
      legalSource: `${D3}, Art. 22(1); deemed acceptance Art. 22(7)`,
      period: { months: 2 },
      from: ['requestSentOn'],
      metBy: ['replyOn'],
      runsIn: ['request_sent'],
      when: { urgent: false },
      deemsAcceptance: true,
      consequence:
        'Art. 22(7): no reply in time is tantamount to accepting the request (the requested state must take charge).',
      verification: {
        status: 'verified',
        checkedAgainst:
          'Art. 22(1) in the ES and FR texts; Art. 22(7) deemed acceptance only in secondary sources (Swiss Dublin ordinance, art. 3(3); CJEU C-47/17)',
      },
    },
    {
      rule: 'take_charge_reply_urgent',
      legalSource: `${D3}, Art. 22(6) (urgent request under Art. 21(2)); deemed acceptance Art. 22(7)`,
      period: { months: 1 },
      from: ['requestSentOn'],
      metBy: ['replyOn'],
      runsIn: ['request_sent'],
      when: { urgent: true },
      deemsAcceptance: true,
      consequence: 'Art. 22(7): no reply within one month is tantamount to accepting the request.',
      verification: {
        status: 'unverified',
        checkedAgainst:
          'The one-month figure of Art. 22(6) was not found in any text read; it comes from DOMAIN.md and the issue. Art. 21(2) (urgent reply requested, at least one week) was read in the RO text.',
      },
    },
    {
      rule: 're_examination_request',
      legalSource: `${IR}, Art. 5(2)`,
      period: { weeks: 3 },
      from: ['rejectedOn'],
      metBy: ['reExaminationRequestedOn'],
      runsIn: ['rejected'],
      consequence: 'Art. 5(2): the option of asking for re-examination must be exercised within three weeks.',
      verification: { status: 'verified', checkedAgainst: 'OJ L 222, 5.9.2003, p. 5 (EN); DE text' },
    },
    {
      rule: 're_examination_reply',
      legalSource: `${IR}, Art. 5(2)`,
      period: { weeks: 2 },
      from: ['reExaminationRequestedOn'],
      metBy: ['reExaminationReplyOn'],
      runsIn: ['re_examination'],
      consequence:
        'CJEU C-47/17 and C-48/17: without a reply within two weeks the re-examination procedure ends and the requesting state is responsible, unless the Art. 21(1) / 23(2) limits still allow a new request.',
      verification: { status: 'verified', checkedAgainst: 'OJ L 222, 5.9.2003, p. 5 (EN); CJEU C-47/17' },
    },
    {
      rule: 'transfer',
      legalSource: `${D3}, Art. 29(1)`,
      period: { months: 6 },
      from: ['appealDecidedOn', 'acceptedOn'],
      metBy: ['transferredOn'],
      runsIn: AWAITING_TRANSFER,
      when: { transferExtension: 'none' },
      consequence:
        'Art. 29(2): the responsible state is relieved of its obligation; responsibility passes to the requesting state.',
      verification: { status: 'verified', checkedAgainst: 'doctrine.fr, Art. 29 (FR text in force)' },
    },
    {
      rule: 'transfer_extended_imprisonment',
      legalSource: `${D3}, Art. 29(2)`,
      period: { months: 12 },
      from: ['appealDecidedOn', 'acceptedOn'],
      metBy: ['transferredOn'],
      runsIn: AWAITING_TRANSFER,
      when: { transferExtension: 'imprisonment' },
      consequence: 'Art. 29(2): after one year at most the responsible state is relieved of its obligation.',
      verification: { status: 'verified', checkedAgainst: 'doctrine.fr, Art. 29(2) (FR text in force)' },
    },
    {
      rule: 'transfer_extended_absconding',
      legalSource: `${D3}, Art. 29(2)`,
      period: { months: 18 },
      from: ['appealDecidedOn', 'acceptedOn'],
      metBy: ['transferredOn'],
      runsIn: AWAITING_TRANSFER,
      when: { transferExtension: 'absconding' },
      consequence:
        'Art. 29(2): after eighteen months at most the responsible state is relieved of its obligation.',
      verification: {
        status: 'secondary',
        checkedAgainst:
          'The FR text read stops before the absconding limb; 18 months from ASH (commentary of Art. 29) and CAA Lyon, 27 May 2021, n° 20LY03219',
      },
    },
  ],
  notComputed: [
    'Take back requests and replies (Art. 23-25): reunification cases are take charge requests.',
    'Weekends and public holidays do not move a deadline: Art. 42 (recalled as counting them, not re-read) — the earlier date is the safe one.',
  ],
};

/**
 * AMMR. Checked against the English text (fantasticsearch.net, CELEX 32024R1351): Art. 39(1),
 * 40(1)-(2), 42(1), 46(1) and 84(1)-(2).
 */
const AMMR_SET: RuleSet = {
  id: 'ammr',
  instrument: AMMR,
  effectiveFrom: '2026-07-01',
  effectiveUntil: null,
  bases: DUBLIN,
  effectiveDateSource: `${AMMR}, Art. 84(1)-(2) (verified): applications registered from 1 July 2026. DOMAIN.md says 12 June 2026; the regulation's text says 1 July 2026.`,
  rules: [
    {
      rule: 'take_charge_request',
      legalSource: `${AMMR}, Art. 39(1), first subparagraph`,
      period: { months: 2 },
      from: ['applicationLodgedOn'],
      metBy: ['requestSentOn'],
      runsIn: BEFORE_REQUEST,
      consequence:
        'Art. 39(1), third subparagraph: responsibility lies with the Member State where the application was registered.',
      verification: { status: 'verified', checkedAgainst: 'CELEX 32024R1351, Art. 39 (EN)' },
    },
    {
      rule: 'take_charge_request_eurodac',
      legalSource: `${AMMR}, Art. 39(1), second subparagraph`,
      period: { months: 1 },
      from: ['eurodacHitOn'],
      metBy: ['requestSentOn'],
      runsIn: BEFORE_REQUEST,
      when: { eurodacHit: true },
      consequence: 'Art. 39(1), third subparagraph.',
      verification: { status: 'verified', checkedAgainst: 'CELEX 32024R1351, Art. 39 (EN)' },
    },
    {
      rule: 'take_charge_reply',
      legalSource: `${AMMR}, Art. 40(1)`,
      period: { months: 1 },
      from: ['requestSentOn'],
      metBy: ['replyOn'],
      runsIn: ['request_sent'],
      when: { eurodacHit: false },
      consequence: 'Deemed acceptance on silence: the paragraph saying so was not read during the check.',
      verification: { status: 'verified', checkedAgainst: 'CELEX 32024R1351, Art. 40(1) (EN)' },
    },
    {
      rule: 'take_charge_reply_eurodac',
      legalSource: `${AMMR}, Art. 40(2)`,
      period: { weeks: 2 },
      from: ['requestSentOn'],
      metBy: ['replyOn'],
      runsIn: ['request_sent'],
      when: { eurodacHit: true },
      consequence: 'Deemed acceptance on silence: the paragraph saying so was not read during the check.',
      verification: { status: 'verified', checkedAgainst: 'CELEX 32024R1351, Art. 40(2) (EN)' },
    },
    {
      rule: 'transfer_decision',
      legalSource: `${AMMR}, Art. 42(1)`,
      period: { weeks: 2 },
      from: ['acceptedOn'],
      metBy: ['transferredOn'],
      runsIn: ['accepted'],
      consequence: 'The determining state takes the transfer decision within two weeks of the acceptance.',
      verification: { status: 'verified', checkedAgainst: 'CELEX 32024R1351, Art. 42(1) (EN)' },
    },
    {
      rule: 'transfer',
      legalSource: `${AMMR}, Art. 46(1)`,
      period: { months: 6 },
      from: ['appealDecidedOn', 'acceptedOn'],
      metBy: ['transferredOn'],
      runsIn: AWAITING_TRANSFER,
      consequence: 'Art. 46(2): consequences of a missed transfer were not read during the check.',
      verification: { status: 'verified', checkedAgainst: 'CELEX 32024R1351, Art. 46(1) (EN)' },
    },
  ],
  notComputed: [
    'Urgent take charge requests: no AMMR limit was verified.',
    'Re-examination after a negative reply: no AMMR or implementing-act limit was verified.',
    'Extensions of the transfer period (Art. 46(2)): the text was not read; only the six-month limit is computed, whatever the extension recorded.',
    'Detained applicants (Art. 45: two weeks to request, one week to reply): detention is not recorded by Passerelle.',
  ],
};

/** National family reunion (the United Kingdom since 1 January 2021) and other routes: no EU clocks. */
const NATIONAL: RuleSet = {
  id: 'national',
  instrument: 'National immigration rules (e.g. UK refugee family reunion)',
  effectiveFrom: '1900-01-01',
  effectiveUntil: null,
  bases: ['national_family_reunion', 'other'],
  effectiveDateSource: 'Not an EU instrument: no statutory time limits are computed.',
  rules: [],
  notComputed: ['National rules set no time limit that Passerelle computes; record the dates for the file.'],
};

export const RULE_SETS: readonly RuleSet[] = [DUBLIN_III, AMMR_SET, NATIONAL];

/** The rule set of a case: its legal basis and the date its application was lodged, for life. */
export function ruleSetFor(basis: LegalBasis, lodgedOn: LocalDate): RuleSet | undefined {
  return RULE_SETS.find(
    (set) =>
      set.bases.includes(basis) &&
      set.effectiveFrom <= lodgedOn &&
      (set.effectiveUntil === null || lodgedOn <= set.effectiveUntil),
  );
}

export function ruleSetById(id: string): RuleSet | undefined {
  return RULE_SETS.find((set) => set.id === id);
}
