import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../server/errors.js';
import { detectTarget, missingFields, resolveMapping } from './column-mapping.js';

describe('detectTarget', () => {
  it('recognises KoBo and ODK export headers', () => {
    const cases: Array<[string, string | null]> = [
      ['given_name', 'givenName'],
      ['first_name', 'givenName'],
      ['Name/given', 'givenName'],
      ['group_x/family_name', 'familyName'],
      ['Surname', 'familyName'],
      ["Father's name", 'fathersName'],
      ['name_arabic', 'originalScriptName'],
      ['gender', 'sex'],
      ['Sexe', 'sex'],
      ['dob', 'birthDate'],
      ['date_of_birth', 'birthDate'],
      ['personal/birth_date', 'birthDate'],
      ['age', 'age'],
      ['Nationalité', 'nationality'],
      ['phone_number', 'phone'],
      ['consent', 'consentBasis'],
      ['consent_basis', 'consentBasis'],
      ['needs', 'specificNeeds'],
      ['hh_id', 'household'],
      ['relationship_to_head', 'relationship'],
      ['site_name', 'site'],
    ];
    for (const [header, target] of cases) expect(detectTarget(header), header).toBe(target);
  });

  it('turns split select_multiple columns into one code each', () => {
    expect(detectTarget('needs/sc_uc')).toBe('specificNeeds:SC-UC');
    expect(detectTarget('group_p/specific_needs/DS-PM')).toBe('specificNeeds:DS-PM');
    expect(detectTarget('consent_purposes/information_sharing')).toBe('consentPurposes:information_sharing');
    expect(detectTarget('needs/not_a_code')).toBeNull();
  });

  it('ignores KoBo/ODK bookkeeping columns, including the device’s phone number', () => {
    for (const header of [
      '_id',
      '_uuid',
      '_submission_time',
      'meta/instanceID',
      'start',
      'phonenumber',
      '_notes',
    ])
      expect(detectTarget(header), header).toBeNull();
    expect(detectTarget('favourite_colour')).toBeNull();
  });
});

describe('resolveMapping', () => {
  const header = ['first_name', 'prenom', 'gender', 'Q7', '_uuid'];

  it('keeps the first column detected for a field and leaves the others unmapped', () => {
    expect([...resolveMapping(header)]).toEqual([
      ['first_name', 'givenName'],
      ['prenom', null],
      ['gender', 'sex'],
      ['Q7', null],
      ['_uuid', null],
    ]);
  });

  it('applies the user’s choices over detection, moving a field to the chosen column', () => {
    const mapping = resolveMapping(header, { prenom: 'givenName', Q7: 'consentBasis', gender: null });
    expect(mapping.get('prenom')).toBe('givenName');
    expect(mapping.get('first_name')).toBeNull();
    expect(mapping.get('Q7')).toBe('consentBasis');
    expect(mapping.get('gender')).toBeNull();
    expect(missingFields(mapping)).toEqual(['sex']);
  });

  it('refuses an unknown column, an unknown field and one field mapped twice, naming the column', () => {
    const fieldOf = (overrides: Record<string, string | null>) => {
      try {
        resolveMapping(header, overrides);
        return 'accepted';
      } catch (error) {
        return (error as AppError).details[0]?.field;
      }
    };
    expect(fieldOf({ nope: 'givenName' })).toBe('mapping.nope');
    expect(fieldOf({ Q7: 'shoeSize' })).toBe('mapping.Q7');
    expect(fieldOf({ Q7: 'specificNeeds:XX-YY' })).toBe('mapping.Q7');
    expect(fieldOf({ first_name: 'sex', gender: 'sex' })).toBe('mapping.gender');
    expect(fieldOf({ Q7: 'specificNeeds:SC-UC' })).toBe('accepted');
  });

  it('lists required fields that no column feeds', () => {
    expect(missingFields(resolveMapping(['given_name', 'sex', 'consent']))).toEqual([]);
    expect(missingFields(resolveMapping(['family_name']))).toEqual(['givenName', 'sex', 'consentBasis']);
  });

  it('treats header names as data, never as object keys', () => {
    const mapping = resolveMapping(['__proto__', 'constructor', 'given_name']);
    expect(mapping.get('__proto__')).toBeNull();
    expect(mapping.get('given_name')).toBe('givenName');
  });
});
