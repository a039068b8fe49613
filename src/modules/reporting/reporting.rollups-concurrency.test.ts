import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { randomId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { checkReportRollups } from './rollups.service.js';
import { insertSite } from './testing/reporting.fixture.js';

/*
 * Two transactions changing one person at the same time. On PostgreSQL each counts from what it
 * can see: without the need triggers' lock on the person, two needs of one category added side by
 * side would both count the person, and a need added while another transaction moves the person
 * would be counted at the old site. SQLite runs one writer at a time, so there the same steps only
 * check that the order does not matter.
 */
describeEngines('reporting rollups under concurrent writers', (h) => {
  let officer: TestUser;
  let site = '';

  beforeAll(async () => {
    const org = (await h.createOrg()).id;
    officer = await h.createUser(['registration_officer'], org);
    site = await insertSite(h.db, org, { name: 'Camp', kind: 'informal_settlement' });
  });

  const register = async () => {
    const response = await officer.api.post('/api/people', buildPerson({ birthYear: 1990, siteId: site }));
    expect(response.status).toBe(201);
    return response.body.person.id as string;
  };
  const addNeed = (db: Executor, personId: string, code: string) =>
    db
      .insertInto('specific_needs')
      .values({
        id: randomId(),
        person_id: personId,
        org_id: officer.orgId,
        code,
        category: code.slice(0, 2),
        noted_by: officer.id,
        noted_at: new Date().toISOString(),
      })
      .execute();

  /** `first` runs and holds its transaction open until `second` has started and waited a moment. */
  async function sideBySide(
    first: (trx: Executor) => Promise<unknown>,
    second: (trx: Executor) => Promise<unknown>,
  ) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started!: () => void;
    const firstDone = new Promise<void>((resolve) => {
      started = resolve;
    });
    const a = h.db.transaction().execute(async (trx) => {
      await first(trx);
      started();
      await gate;
    });
    await firstDone;
    const b = h.db.transaction().execute(second);
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await Promise.all([a, b]);
  }

  it('counts a person once when two transactions add needs of one category', async () => {
    const id = await register();
    await sideBySide(
      (trx) => addNeed(trx, id, 'DS-PM'),
      (trx) => addNeed(trx, id, 'DS-BD'),
    );
    expect(await checkReportRollups(h.db)).toEqual([]);
  });

  it('counts a need at the new site when the person moves meanwhile', async () => {
    const id = await register();
    const other = await insertSite(h.db, officer.orgId, { name: 'Centre', kind: 'orientation_centre' });
    await sideBySide(
      (trx) => trx.updateTable('people').set({ site_id: other }).where('id', '=', id).execute(),
      (trx) => addNeed(trx, id, 'SM-MI'),
    );
    expect(await checkReportRollups(h.db)).toEqual([]);
  });
});
