import { DUBLIN_BASES, type Stage } from './reunification.enums.js';
import type { RuleSet } from './rule-types.js';

export const DUBLIN = [...DUBLIN_BASES];
export const BEFORE_REQUEST: readonly Stage[] = ['intake', 'evidence'];
export const AWAITING_TRANSFER: readonly Stage[] = ['accepted', 'transfer_scheduled'];

const D3 = 'Regulation (EU) No 604/2013 (Dublin III)';
const IR = 'Commission Regulation (EC) No 1560/2003 as amended by Implementing Regulation (EU) No 118/2014';

/**
 * Dublin III. Checked against: Art. 21(1) in the English text published on legislation.gov.uk
 * (eur/2013/604/article/21, as adopted) and the Romanian and Bulgarian texts; Art. 22(1) in the
 * Spanish and French texts (iberley.es, europeanmigrationlaw.eu); Art. 29(1) and the first limb of
 * 29(2) in the French text (doctrine.fr); Art. 5(2) of Regulation 1560/2003 in OJ L 222, 5.9.2003,
 * p. 5, and the CJEU's reading of it in X and X (C-47/17 and C-48/17, 13 November 2018).
 */
export const DUBLIN_III: RuleSet = {
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
