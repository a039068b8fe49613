import type { DB } from '../../../db/engine.js';
import type { Role } from '../../access/roles.js';
import {
  insertCapacity,
  insertCase,
  insertPeople,
  insertRelocation,
  insertSession,
  insertSite,
  insertStay,
  type World,
} from './reporting.fixture.js';

interface Harness {
  db: DB;
  createOrg(): Promise<{ id: string }>;
  createUser(roles: Role[], orgId?: string): Promise<{ id: string }>;
}

/** The period of the hand-counted flows: four whole ISO weeks, Monday 3 to Sunday 30 March 2025. */
export const PERIOD = { from: '2025-03-03', to: '2025-03-30' };
const IN_PERIOD = '2025-03-10T10:00:00.000Z';

/**
 * A camp (two zones) and a centre; organisation A and B's records. Every figure the tests expect
 * is counted by hand from this list (see the comments): 29 active people, 27 at a site.
 */
export async function buildWorld(h: Harness) {
  const orgA = (await h.createOrg()).id;
  const orgB = (await h.createOrg()).id;
  const counsellor = (await h.createUser(['information_officer'], orgA)).id;
  const db = h.db;
  const camp = await insertSite(db, orgA, {
    name: 'Camp',
    kind: 'informal_settlement',
    region: 'Hauts-de-France',
  });
  const zoneN = await insertSite(db, orgA, {
    name: 'North zone',
    kind: 'camp_zone',
    parentId: camp,
    region: 'Hauts-de-France',
  });
  const zoneS = await insertSite(db, orgA, {
    name: 'South zone',
    kind: 'camp_zone',
    parentId: camp,
    region: 'Hauts-de-France',
  });
  const centre = await insertSite(db, orgA, {
    name: '=Centre Rennes',
    kind: 'orientation_centre',
    region: 'Bretagne',
  });
  const world: World = {
    orgA,
    orgB,
    camp,
    zoneN,
    zoneS,
    centre,
    counsellor,
    year: new Date().getUTCFullYear(),
  };

  // North zone: A 6 men 25 ERI, 2 women 30 SYR (WR), 1 girl 3 SYR; B 4 men 25 ERI. (13)
  const menA = await insertPeople(db, world, 6, {
    org: orgA,
    site: zoneN,
    sex: 'male',
    age: 25,
    nationality: 'ERI',
  });
  const womenA = await insertPeople(db, world, 2, {
    org: orgA,
    site: zoneN,
    sex: 'female',
    age: 30,
    nationality: 'SYR',
    needs: ['WR-WR'],
  });
  await insertPeople(db, world, 1, { org: orgA, site: zoneN, sex: 'female', age: 3, nationality: 'SYR' });
  await insertPeople(db, world, 4, { org: orgB, site: zoneN, sex: 'male', age: 25, nationality: 'ERI' });
  await insertPeople(db, world, 1, {
    org: orgA,
    site: zoneN,
    sex: 'male',
    age: 25,
    nationality: 'ERI',
    status: 'merged',
  });
  // South zone, all B: 5 boys 16 AFG alone (SC-UC), 2 boys 16 AFG separated (SC-SC, registered
  // in the period), 1 man of unknown age and nationality, 1 woman 70 SDN. (9)
  const boys = await insertPeople(db, world, 5, {
    org: orgB,
    site: zoneS,
    sex: 'male',
    age: 16,
    nationality: 'AFG',
    needs: ['SC-UC'],
  });
  await insertPeople(db, world, 2, {
    org: orgB,
    site: zoneS,
    sex: 'male',
    age: 16,
    nationality: 'AFG',
    needs: ['SC-SC'],
    createdAt: IN_PERIOD,
  });
  await insertPeople(db, world, 1, { org: orgB, site: zoneS, sex: 'male', age: null, nationality: null });
  await insertPeople(db, world, 1, { org: orgB, site: zoneS, sex: 'female', age: 70, nationality: 'SDN' });
  // Centre: A 5 women 40 SYR with a serious medical condition, registered in the period. (5)
  const centreWomen = await insertPeople(db, world, 5, {
    org: orgA,
    site: centre,
    sex: 'female',
    age: 40,
    nationality: 'SYR',
    needs: ['SM-CI'],
    createdAt: IN_PERIOD,
  });
  // No current site: A 2 men 30 IRQ. (2)
  await insertPeople(db, world, 2, { org: orgA, site: null, sex: 'male', age: 30, nationality: 'IRQ' });

  // Cases: 5 general/medium open (A); 1 gbv/high in case plan with 2 overdue items (A);
  // 3 child protection/high in assessment (B), one with an overdue item, one escalated;
  // 1 closed child protection case with an overdue item that must not count.
  for (const id of menA.slice(0, 5))
    await insertCase(db, {
      org: orgA,
      personId: id,
      type: 'general_protection',
      risk: 'medium',
      status: 'open',
    });
  await insertCase(db, {
    org: orgA,
    personId: womenA[0]!,
    type: 'gbv',
    risk: 'high',
    status: 'case_plan',
    overdue: 2,
  });
  await insertCase(db, {
    org: orgB,
    personId: boys[0]!,
    type: 'child_protection',
    risk: 'high',
    status: 'assessment',
    overdue: 1,
  });
  await insertCase(db, {
    org: orgB,
    personId: boys[1]!,
    type: 'child_protection',
    risk: 'high',
    status: 'assessment',
    escalated: 1,
  });
  await insertCase(db, {
    org: orgB,
    personId: boys[2]!,
    type: 'child_protection',
    risk: 'high',
    status: 'assessment',
  });
  await insertCase(db, {
    org: orgB,
    personId: boys[3]!,
    type: 'child_protection',
    risk: 'critical',
    status: 'closed',
    overdue: 1,
  });

  // Relocations (people): departed 4 (w 3 Mar), 3 (w 10 Mar), 2 (w 24 Mar); arrived 4, 3;
  // returned 3 + 6 (w 17 Mar). Of the 9 who departed in the period, 3 are back.
  await insertRelocation(db, {
    org: orgA,
    from: zoneN,
    to: centre,
    people: 4,
    status: 'arrived',
    events: { departed: '2025-03-04', arrived: '2025-03-05' },
  });
  await insertRelocation(db, {
    org: orgA,
    from: zoneN,
    to: centre,
    people: 3,
    status: 'returned',
    events: { departed: '2025-03-11', arrived: '2025-03-12', returned: '2025-03-20' },
  });
  await insertRelocation(db, {
    org: orgB,
    from: zoneS,
    to: centre,
    people: 2,
    status: 'departed',
    events: { departed: '2025-03-25' },
  });
  await insertRelocation(db, {
    org: orgB,
    from: zoneS,
    to: centre,
    people: 6,
    status: 'returned',
    events: { departed: '2025-02-20', returned: '2025-03-18' },
  });

  // Places at the centre: single men 10 (1 blocked), 4 occupied, 2 reserved (the departed group); family 20.
  await insertCapacity(db, centre, 'single_men', 10, 1);
  await insertCapacity(db, centre, 'family', 20, 0);
  for (const id of centreWomen.slice(0, 4))
    await insertStay(db, { org: orgA, personId: id, site: centre, category: 'single_men' });

  // Counselling in the period: A 3 × ar (asylum, Dublin), 2 × ps (asylum); B 1 × ti (family
  // reunification); one more after the period.
  for (let i = 0; i < 3; i += 1)
    await insertSession(db, {
      org: orgA,
      counsellor,
      day: '2025-03-05',
      language: 'ar',
      topics: ['asylum_france', 'dublin'],
    });
  for (let i = 0; i < 2; i += 1)
    await insertSession(db, {
      org: orgA,
      counsellor,
      day: '2025-03-06',
      language: 'ps',
      topics: ['asylum_france'],
    });
  await insertSession(db, {
    org: orgB,
    counsellor,
    day: '2025-03-07',
    language: 'ti',
    topics: ['family_reunification'],
  });
  await insertSession(db, {
    org: orgA,
    counsellor,
    day: '2025-04-10',
    language: 'ar',
    topics: ['asylum_france'],
  });
  return world;
}
