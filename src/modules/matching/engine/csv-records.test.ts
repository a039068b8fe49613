import { describe, expect, it } from 'vitest';
import { csvCell, MatchFileError, readMatchFile } from './csv-records.js';

describe('batch matching files', () => {
  it('reads the contract columns and keeps other columns as extras', () => {
    const file = readMatchFile(
      'id,given_name,family_name,original_script_name,sex,birth_date,birth_year,nationality,passport\n1,Mohammed,Abdullah,محمد عبدالله,m,1999-03-04,,SDN,P123\n2,Tesfay,,,f,,1998,ERI,\n',
    );
    expect(file.extraColumns).toEqual(['passport']);
    expect(file.inputs[0]).toMatchObject({
      id: '1',
      givenName: 'Mohammed',
      originalScriptName: 'محمد عبدالله',
      birthDate: '1999-03-04',
      extras: { passport: 'P123' },
    });
    expect(file.inputs[1]).toMatchObject({ id: '2', familyName: null, birthYear: 1998 });
  });

  it('refuses a file without ids or with a repeated id, saying where', () => {
    expect(() => readMatchFile('given_name\nA\n')).toThrow(MatchFileError);
    expect(() => readMatchFile('id,given_name\n1,A\n1,B\n')).toThrow(/line 3: id "1" appears twice/);
  });

  it('neutralises spreadsheet formulas in output cells', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('plain')).toBe('plain');
  });
});
