import { describe, expect, it } from 'vitest';
import { resolveMapping } from './column-mapping.js';
import { parseCsv } from './csv-parser.js';
import { convertRow } from './row-conversion.js';
import {
  parseConsentBasis,
  parseCountry,
  parseDate,
  parseLanguages,
  parsePurposes,
  parseSex,
} from './value-parsers.js';

const NOW = new Date('2016-03-01T12:00:00Z');

function convert(csv: string, overrides: Record<string, string | null> = {}) {
  const table = parseCsv(csv);
  const mapping = resolveMapping(table.header, overrides);
  return table.records.map((record) => convertRow(record, table.header, mapping, NOW));
}

describe('value parsers', () => {
  it('reads sex as KoBo forms and people write it', () => {
    const values = [
      'male',
      'M',
      '1',
      'Homme',
      'female',
      'f',
      '2',
      'Femme',
      'أنثى',
      'ذكر',
      'other',
      'unknown',
    ];
    expect(values.map((v) => (parseSex(v) as { value: string }).value)).toEqual([
      'male',
      'male',
      'male',
      'male',
      'female',
      'female',
      'female',
      'female',
      'female',
      'male',
      'other',
      'unknown',
    ]);
    expect(parseSex('yes').ok).toBe(false);
  });

  it('reads ISO dates, ODK date-times and day-first dates', () => {
    expect(parseDate('2001-3-9')).toEqual({ ok: true, value: '2001-03-09' });
    expect(parseDate('2001-03-09T00:00:00.000+01:00')).toEqual({ ok: true, value: '2001-03-09' });
    expect(parseDate('09/03/2001')).toEqual({ ok: true, value: '2001-03-09' });
    expect(parseDate('9.3.2001')).toEqual({ ok: true, value: '2001-03-09' });
    expect(parseDate('March 2001').ok).toBe(false);
  });

  it('reads nationalities as ISO3 codes, English or French names and demonyms', () => {
    const codes = ['afg', 'Afghanistan', 'Soudan', 'Eritrean', 'Syrian Arab Republic', 'Érythrée', 'Congo'];
    expect(codes.map((v) => (parseCountry(v) as { value: string }).value)).toEqual([
      'AFG',
      'AFG',
      'SDN',
      'ERI',
      'SYR',
      'ERI',
      'COG',
    ]);
    expect(parseCountry('Atlantis')).toEqual({
      ok: false,
      message: '"Atlantis" is not a country code (ISO 3166-1 alpha-3, e.g. SYR) or name',
    });
  });

  it('reads languages by tag or name, and consent and purposes by KoBo choice names', () => {
    expect(parseLanguages('ar ps fa_AF, Tigrinya')).toEqual(['ar', 'ps', 'fa-AF', 'ti']);
    expect(parseConsentBasis('yes')).toEqual({ ok: true, value: 'consent' });
    expect(parseConsentBasis('Vital interest')).toEqual({ ok: true, value: 'vital_interest' });
    expect(parseConsentBasis('no').ok).toBe(false);
    expect(parsePurposes('services referral')).toEqual(['services', 'referral']);
    expect(parsePurposes('services, information sharing')).toEqual(['services', 'information_sharing']);
    expect(parsePurposes('all')).toEqual(['services', 'referral', 'tracing', 'information_sharing']);
  });
});

describe('convertRow', () => {
  it('turns a KoBo export row into the body POST /api/people takes', () => {
    const [row] = convert(
      [
        'group_id/given_name;group_id/family_name;name_arabic;gender;age;nationality;needs;consent;consent_purposes;languages',
        'Mohammed;Abdullah;محمد عبدالله;m;16;Sudan;fu_tr sc_sc;yes;services referral;ar',
      ].join('\n'),
    );
    expect(row!.issues).toEqual([]);
    expect(row!.input).toEqual({
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      originalScriptName: 'محمد عبدالله',
      sex: 'male',
      birthYear: 2000,
      ageEstimated: true,
      nationality: 'SDN',
      specificNeeds: ['FU-TR', 'SC-SC'],
      consent: { basis: 'consent', purposes: ['services', 'referral'] },
      languages: ['ar'],
    });
  });

  it('records consent for services only when no column gives purposes', () => {
    const [row] = convert('given_name,sex,consent\nYonas,m,yes\n');
    expect(row!.input?.consent).toEqual({ basis: 'consent', purposes: ['services'] });
  });

  it('collects every problem of a row with its field and column, using the registration schema’s rules', () => {
    const [row] = convert(
      'first_name,sex,dob,nationality,needs,consent,phone\n,yes,2999-01-01,Atlantis,SC-UC XX-YY,maybe,call me\n',
    );
    expect(row!.input).toBeNull();
    const byField = Object.fromEntries(row!.issues.map((i) => [i.field, [i.column, i.message]]));
    expect(byField).toMatchObject({
      givenName: ['first_name', 'Required'],
      sex: ['sex', expect.stringMatching(/male, female/)],
      birthDate: ['dob', 'must not be in the future'],
      nationality: ['nationality', expect.stringMatching(/Atlantis/)],
      'specificNeeds.1': ['needs', expect.stringMatching(/UNHCR specific-needs code/)],
      consentBasis: ['consent', expect.stringMatching(/yes\/no/)],
      phone: ['phone', expect.stringMatching(/phone number/)],
    });
    expect(row!.line).toBe(2);
  });

  it('reads split yes/no need columns and a household with relationships', () => {
    const rows = convert(
      'given_name,sex,age,consent,needs/sc_uc,needs/ds_pm,hh_id,relationship\nAmina,f,34,yes,0,1,H1,head\nSara,f,9,yes,,,H1,daughter\n',
    );
    expect(rows[0]!.input?.specificNeeds).toEqual(['DS-PM']);
    expect(rows[0]!.household).toBe('H1');
    expect(rows[0]!.relationship).toBe('head');
    expect(rows[1]!.relationship).toBe('child');
    expect(rows[1]!.input?.specificNeeds).toBeUndefined();
  });

  it('refuses a row with more fields than the header (a misplaced delimiter)', () => {
    const [row] = convert('given_name,sex,consent\nAli,m,yes,extra\n');
    expect(row!.issues).toEqual([
      expect.objectContaining({
        field: 'row',
        message: expect.stringMatching(/has 4 fields but the header has 3/),
      }),
    ]);
  });

  it('reports a missing consent basis once, under consent.basis', () => {
    const [row] = convert('given_name,sex,consent\nAli,m,\n');
    expect(row!.issues).toEqual([
      { line: 2, row: 2, column: 'consent', field: 'consent.basis', message: 'Required' },
    ]);
  });

  it('refuses an impossible age and an age that contradicts nothing else gives a year', () => {
    const [old, word] = convert('given_name,sex,consent,age\nAli,m,yes,300\nOmar,m,yes,about twenty\n');
    expect(old!.issues.map((i) => [i.field, i.message])).toEqual([['age', 'must be at most 120']]);
    expect(word!.issues.map((i) => i.field)).toEqual(['age']);
  });
});
