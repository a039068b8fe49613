import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCliProcess } from './helpers/cli.js';

const HEADER = 'id,given_name,family_name,original_script_name,sex,birth_date,birth_year,nationality';

it('passerelle match link and dedupe write left_id,right_id,score without a database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-match-'));
  const left = join(dir, 'left.csv');
  const right = join(dir, 'right.csv');
  writeFileSync(
    left,
    `${HEADER}\na1,Mohammed,Abdullah,,male,1999-03-04,,SDN\na2,Tesfay,Haile,,male,,1997,ERI\na3,Fatima,Zahra,,female,1985-11-02,,SYR\n`,
  );
  writeFileSync(
    right,
    `${HEADER}\nb1,Muhammad,Abdallah,محمد عبدالله,male,1999-03-04,,SDN\nb2,Tesfai,Hayle,,male,,1998,ERI\nb3,Mahmoud,Abbas,,male,1970-01-20,,SYR\n`,
  );
  const out = join(dir, 'out.csv');
  const linked = await runCliProcess(['match', 'link', left, right, '--out', out], {});
  expect(linked.code, linked.stderr).toBe(0);
  expect(linked.stderr).toMatch(/pairs at or above/);
  const rows = readFileSync(out, 'utf8').trim().split('\n');
  expect(rows[0]).toBe('left_id,right_id,score');
  const pairs = rows.slice(1).map((row) => row.split(',').slice(0, 2).join('-'));
  expect(pairs).toContain('a1-b1');
  expect(pairs).not.toContain('a3-b3');

  const both = join(dir, 'both.csv');
  writeFileSync(
    both,
    `${readFileSync(left, 'utf8')}${readFileSync(right, 'utf8').split('\n').slice(1).join('\n')}`,
  );
  const deduped = await runCliProcess(['match', 'dedupe', both, '--out', out, '--threshold', '0.5'], {});
  expect(deduped.code, deduped.stderr).toBe(0);
  expect(readFileSync(out, 'utf8')).toMatch(/a1,b1,|b1,a1,/);

  const bad = await runCliProcess(['match', 'dedupe', both, '--out', out, '--threshold', '7'], {});
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toMatch(/--threshold must be a match probability/);
}, 60_000);
