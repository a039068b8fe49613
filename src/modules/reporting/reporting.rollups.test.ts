import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { eraseWithTwoOfficers } from '../../../test/helpers/erasure.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { type DB, isPostgres } from '../../db/engine.js';
import { permissionsOf } from '../access/permissions.js';
import type { Role } from '../access/roles.js';
import { drainMatchingJobs } from '../matching/testing/registry.fixture.js';
import { bulkRegister } from '../registry/bulk-registration.js';
import { generatePopulation, seededRandom } from '../registry/population-generator.js';
import { movePeopleToSite } from '../registry/registry.repository.js';
import { getOverview, type PeopleCounts } from './overview.service.js';
import type { ReportQuery } from './reporting.schema.js';
import { ROLLUP_KEYS } from './rollups.repository.js';
import { checkReportRollups, foldReportRollups, rebuildReportRollups } from './rollups.service.js';
import {
  scanCountChildrenAloneBySite,
  scanCountNeedsBySite,
  scanCountPeopleByNationalityAndSite,
  scanCountPeopleBySiteSexAge,
} from './testing/population-scan.repository.js';
import { insertSite } from './testing/reporting.fixture.js';

/*
 * The rollups against the base tables, through the real writers: a seeded random sequence of
 * registrations, edits, need changes, merges and unmerges, erasures, bulk registrations and moves
 * between sites. After every step each rollup must equal a fresh GROUP BY of people and needs, and
 * every few steps the overview must equal the overview counted by scanning people.
 */

const SCAN: PeopleCounts = {
  bySiteSexAge: scanCountPeopleBySiteSexAge,
  byNationalityAndSite: scanCountPeopleByNationalityAndSite,
  needsBySite: scanCountNeedsBySite,
  childrenAloneBySite: scanCountChildrenAloneBySite,
};
const DAY = 86_400_000;
const NEEDS = ['SC-UC', 'SC-SC', 'SC-CH', 'SC-FC', 'DS-PM', 'DS-BD', 'SM-MI', 'WR-WR', 'ER-NF', 'LP-AN'];
const NATIONALITIES = ['AFG', 'ERI', 'SDN', 'SYR'];
const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/** Rows beyond one per key in the rollups: PostgreSQL's appended changes not yet folded. */
async function unfoldedRollupRows(db: DB): Promise<number> {
  let extra = 0;
  for (const [table, keys] of Object.entries(ROLLUP_KEYS)) {
    const { rows } = await sql<{ n: number; distinctKeys: number }>`select count(*) as n,
      count(distinct (${sql.raw(keys.join(', '))})) as "distinctKeys" from ${sql.table(table)}`.execute(db);
    extra += Number(rows[0]!.n) - Number(rows[0]!.distinctKeys);
  }
  return extra;
}

describeEngines('reporting rollups follow every writer of people and needs', (h) => {
  let officerA: TestUser;
  let officerB: TestUser;
  let dpo1: TestUser;
  let dpo2: TestUser;
  const sites: string[] = [];
  let camp = '';
  let zone = '';
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    const orgA = (await h.createOrg()).id;
    const orgB = (await h.createOrg()).id;
    officerA = await h.createUser(['registration_officer'], orgA);
    officerB = await h.createUser(['registration_officer'], orgB);
    dpo1 = await h.createUser(['data_protection_officer'], orgA);
    dpo2 = await h.createUser(['data_protection_officer'], orgA);
    camp = await insertSite(h.db, orgA, { name: 'Camp', kind: 'informal_settlement' });
    zone = await insertSite(h.db, orgA, { name: 'Zone', kind: 'camp_zone', parentId: camp });
    const centre = await insertSite(h.db, orgA, { name: 'Centre', kind: 'orientation_centre' });
    sites.push(camp, zone, centre);
  }, 60_000);

  const contextOf = (user: TestUser, roles: Role[]) => ({
    ...h.systemContext(),
    actor: {
      userId: user.id,
      orgId: user.orgId,
      roles,
      permissions: permissionsOf(roles),
      via: 'token' as const,
      secondFactorSatisfied: true,
    },
  });

  async function expectNoDrift(step: string) {
    expect(await checkReportRollups(h.db), `after ${step}`).toEqual([]);
  }

  async function expectOverviewsEqual(step: string) {
    const today = h.clock.now().toISOString().slice(0, 10);
    const weekAgo = new Date(h.clock.now().getTime() - 7 * DAY).toISOString().slice(0, 10);
    const viewers = [
      { ctx: contextOf(officerA, ['analyst']), scope: 'all' as const },
      { ctx: contextOf(officerB, ['case_supervisor']), scope: 'organisation' as const },
      { ctx: contextOf(officerA, ['case_supervisor']), scope: 'organisation' as const },
    ];
    const queries: Partial<ReportQuery>[] = [
      {},
      { siteId: camp },
      { siteId: zone },
      { from: weekAgo, to: today },
      { siteId: camp, from: today, to: today },
    ];
    for (const { ctx, scope } of viewers)
      for (const query of queries) {
        const full: ReportQuery = { scope, ...query };
        const [fromRollups, fromScan] = [await getOverview(ctx, full), await getOverview(ctx, full, SCAN)];
        expect({ ...fromRollups, generatedAt: '' }, `${step}: ${scope} ${JSON.stringify(query)}`).toEqual({
          ...fromScan,
          generatedAt: '',
        });
      }
  }

  it('keeps every rollup equal to a fresh count through a random sequence of changes', async () => {
    const rng = seededRandom(20250310);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
    const maybe = <T>(value: T): T | undefined => (rng() < 0.2 ? undefined : value);
    const people: Array<{ id: string; user: TestUser }> = [];
    const needsOf = () => NEEDS.filter(() => rng() < 0.25);
    const register = async (user: TestUser, overrides: Parameters<typeof buildPerson>[0] = {}) => {
      const response = await user.api.post(
        '/api/people',
        buildPerson({
          givenName: `Person${people.length}`,
          fathersName: `Father${Math.floor(rng() * 1e6)}`,
          sex: pick(SEXES),
          birthYear: maybe(year - Math.floor(rng() * 70)),
          nationality: maybe(pick(NATIONALITIES)),
          siteId: maybe(pick(sites)),
          specificNeeds: needsOf(),
          ...overrides,
        }),
      );
      expect(response.status).toBe(201);
      people.push({ id: response.body.person.id, user });
      return response.body.person.id as string;
    };
    const someone = () => pick(people);

    const steps: Record<string, () => Promise<unknown>> = {
      register: () => register(rng() < 0.7 ? officerA : officerB),
      edit: async () => {
        const { id, user } = someone();
        const changes: Record<string, unknown> = {};
        if (rng() < 0.5) changes.sex = pick(SEXES);
        if (rng() < 0.5) changes.birthYear = rng() < 0.2 ? null : year - Math.floor(rng() * 70);
        if (rng() < 0.4) changes.nationality = rng() < 0.2 ? null : pick(NATIONALITIES);
        if (rng() < 0.5) changes.siteId = rng() < 0.2 ? null : pick(sites);
        const response = await user.api.patch(`/api/people/${id}`, changes);
        expect([200, 404], JSON.stringify(response.body)).toContain(response.status);
      },
      needs: async () => {
        const { id, user } = someone();
        const response = await user.api.post(`/api/people/${id}/needs`, {
          add: needsOf(),
          remove: needsOf(),
        });
        expect([200, 404], JSON.stringify(response.body)).toContain(response.status);
      },
      erase: async () => {
        const { id, user } = someone();
        if (user !== officerA) return;
        const person = await h.db
          .selectFrom('people')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirst();
        if (person?.status !== 'active') return;
        await eraseWithTwoOfficers(dpo1, dpo2, id);
        // No +1/-1 rows of the erased person's profile are left standing apart (storage-hygiene.ts).
        if (isPostgres(h.db)) expect(await unfoldedRollupRows(h.db)).toBe(0);
      },
      bulk: () =>
        bulkRegister(
          contextOf(officerB, ['registration_officer']),
          generatePopulation(3 + Math.floor(rng() * 25), {
            seed: Math.floor(rng() * 1e9),
            year,
            siteIds: sites,
          }),
          { batchSize: 7 },
        ),
      relocate: () =>
        movePeopleToSite(
          h.db,
          people.filter(() => rng() < 0.3).map((p) => p.id),
          maybe(pick(sites)) ?? null,
          h.clock.now().toISOString(),
        ),
      nextDay: async () => h.clock.advance(DAY + Math.floor(rng() * DAY)),
      fold: () => foldReportRollups(h.db),
    };
    const kinds = Object.keys(steps);
    for (let i = 0; i < 8; i += 1) await register(officerA);
    await expectNoDrift('the first registrations');
    for (let i = 0; i < 60; i += 1) {
      const kind = i % 3 === 0 ? 'register' : pick(kinds);
      await steps[kind]!();
      await expectNoDrift(`step ${i} (${kind})`);
      if (i % 15 === 14) await expectOverviewsEqual(`step ${i}`);
    }
    await expectOverviewsEqual('the end of the sequence');
    // The sequence did reach every kind of change (a seed that skipped one would prove less).
    const statuses = await h.db.selectFrom('people').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['active', 'erased']);
    const removed = await h.db
      .selectFrom('specific_needs')
      .select('id')
      .where('removed_at', 'is not', null)
      .execute();
    expect(removed.length).toBeGreaterThan(0);
  }, 300_000);

  it('follows merges and unmerges of duplicates, needs moving to the survivor', async () => {
    const twin = { givenName: 'Mohammed', familyName: 'Abdullah', birthYear: 1995, nationality: 'SDN' };
    const reg = async (body: Parameters<typeof buildPerson>[0]) => {
      const response = await officerA.api.post(
        '/api/people',
        buildPerson({ fathersName: undefined, ...body }),
      );
      expect(response.status).toBe(201);
      return response.body.person.id as string;
    };
    const older = await reg({ ...twin, siteId: camp, specificNeeds: ['SC-SC'] });
    const newer = await reg({
      ...twin,
      givenName: 'Muhammad',
      familyName: 'Abdalla',
      siteId: zone,
      sex: 'male',
      specificNeeds: ['SC-UC', 'DS-PM'],
    });
    await officerA.api.post('/api/matching/runs', {});
    await drainMatchingJobs(h);
    const items = (await officerA.api.get('/api/duplicates')).body.items as Array<{
      id: string;
      older: { personId: string };
      newer: { personId: string };
    }>;
    const pair = items.find(
      (p) => [p.older.personId, p.newer.personId].sort().join() === [older, newer].sort().join(),
    );
    expect(pair).toBeDefined();
    expect(
      (await officerA.api.post(`/api/duplicates/${pair!.id}/decision`, { decision: 'same' })).status,
    ).toBe(200);
    await expectNoDrift('the merge');
    await expectOverviewsEqual('the merge');
    expect((await officerA.api.post(`/api/duplicates/${pair!.id}/unmerge`, {})).status).toBe(200);
    await expectNoDrift('the unmerge');
    await expectOverviewsEqual('the unmerge');
  }, 120_000);

  it('reports drift, and a rebuild repairs it', async () => {
    const ids = (await h.db.selectFrom('people').select('id').where('status', '=', 'active').execute()).map(
      (r) => r.id,
    );
    expect(ids.length).toBeGreaterThan(0);
    // A writer the triggers did not see: the person's site changes behind them.
    const triggers = isPostgres(h.db)
      ? sql`alter table people disable trigger report_people_update`
      : sql`drop trigger report_people_update`;
    await triggers.execute(h.db);
    const elsewhere = await insertSite(h.db, officerA.orgId, { name: 'Elsewhere', kind: 'transit_point' });
    await h.db.updateTable('people').set({ site_id: elsewhere }).where('id', '=', ids[0]!).execute();
    const drift = await checkReportRollups(h.db);
    expect(drift.length).toBeGreaterThan(0);
    await rebuildReportRollups(h.db);
    expect(await checkReportRollups(h.db)).toEqual([]);
    if (isPostgres(h.db)) await sql`alter table people enable trigger report_people_update`.execute(h.db);
  });
});
