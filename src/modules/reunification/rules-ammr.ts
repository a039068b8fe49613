import type { RuleSet } from './rule-types.js';
import { AWAITING_TRANSFER, BEFORE_REQUEST, DUBLIN } from './rules-dublin-iii.js';

const AMMR = 'Regulation (EU) 2024/1351 (AMMR)';

/**
 * AMMR. Checked against the English text (fantasticsearch.net, CELEX 32024R1351): Art. 39(1),
 * 40(1)-(2), 42(1), 46(1) and 84(1)-(2).
 */
export const AMMR_SET: RuleSet = {
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
