import { timeOrderedId } from '../../crypto/index.js';
import type { DemoModuleSeeder, DemoSeedContext } from '../../db/seed/demo-modules.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../access/actor.js';
import { permissionsOf } from '../access/permissions.js';
import { insertShares } from '../cases/referrals.repository.js';
import { type DemoSites, findDemoSites } from '../sites/sites.seed.js';
import { setCapacity } from './capacity.service.js';
import { insertStays } from './reception.repository.js';
import { ageFromBirthYear, categoryOf } from './reception.rules.js';
import type { ReturnReason } from './reception.tables.js';
import { proposeRelocation } from './relocations.service.js';
import { transitionInTransaction } from './transitions.service.js';

const DAY = 86_400_000;
const COORDINATOR = 'reception@demo.passerelle.example';
/** The temporary reception centre of the scenario: 1,500 places in heated containers. */
const RECEPTION_PLACES = { family: 400, single_men: 900, single_women: 120, unaccompanied_minors: 80 };
/** Relocations start with the first orientation centres (late October 2015), for six months. */
const FIRST_DEPARTURE = Date.UTC(2015, 9, 27);
const MONTHS = 6;
const MAX_GROUPS = 160;
const RETURN_REASONS: ReturnReason[] = [
  'family_in_uk',
  'family_in_uk',
  'family_in_uk',
  'centre_conditions',
  'centre_conditions',
  'asylum_outcome',
  'other',
];

/**
 * Places of an orientation centre: 20–60 places (as the centres of 2015–2016), mostly for single
 * men or for families; one in six takes unaccompanied minors, with child protection staff.
 */
function orientationProfile(index: number) {
  const places = 30 + ((index * 7) % 31);
  const minors = index % 6 === 3;
  const families = index % 2 === 0;
  const byCategory: Record<string, number> = minors
    ? { unaccompanied_minors: places }
    : families
      ? { family: Math.round(places * 0.6), single_women: places - Math.round(places * 0.6) }
      : { single_men: places - (index % 2 ? 6 : 0), ...(index % 2 ? { single_women: 6 } : {}) };
  const first = Object.keys(byCategory)[0]!;
  return {
    places: byCategory,
    blocked: index % 9 === 4 ? { [first]: 2 } : {},
    services: {
      medicalCare: index % 4 === 1,
      childProtection: minors,
      accessible: index % 3 !== 2,
      languages: ['fr', 'en', ...(index % 3 === 0 ? ['ar'] : []), ...(index % 4 === 2 ? ['ti', 'am'] : [])],
    },
  };
}

/** The NGO refers the camp's population to the UN agency's relocation programme (scope shares). */
async function shareWithCoordinator(ctx: ServiceContext, unOrg: string, siteIds: string[]) {
  const people = await ctx.db
    .selectFrom('people')
    .select(['id', 'site_id', 'household_id', 'sex', 'birth_year'])
    .where('site_id', 'in', siteIds)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const at = ctx.now().toISOString();
  for (let i = 0; i < people.length; i += 500)
    await insertShares(
      ctx.db,
      people.slice(i, i + 500).map((p) => ({
        id: timeOrderedId(),
        record_type: 'person',
        record_id: p.id,
        org_id: unOrg,
        granted_by: 'referral' as const,
        source_id: null,
        granted_at: at,
        revoked_at: null,
      })),
    );
  return people;
}

type Row = Awaited<ReturnType<typeof shareWithCoordinator>>[number];

function groupsOf(rows: Row[]): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row.household_id ?? row.id;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/** Residents of the reception centre get their stay in the ledger, within its places. */
async function admitResidents(ctx: ServiceContext, sites: DemoSites, unOrg: string, rows: Row[]) {
  const now = ctx.now();
  const left: Record<string, number> = { ...RECEPTION_PLACES };
  const stays = [];
  for (const group of groupsOf(rows.filter((r) => r.site_id === sites.receptionCentre))) {
    const category = categoryOf(
      group.map((p) => ({ sex: p.sex, age: ageFromBirthYear(p.birth_year, now), needCodes: [] })),
    );
    if ((left[category] ?? 0) < group.length) continue;
    left[category]! -= group.length;
    for (const p of group)
      stays.push({
        id: timeOrderedId(),
        person_id: p.id,
        org_id: unOrg,
        site_id: sites.receptionCentre,
        category,
        relocation_id: null,
        admitted_at: '2016-01-11T10:00:00.000Z',
        discharged_at: null,
        discharge_reason: null,
        is_demo: 1,
      });
  }
  for (let i = 0; i < stays.length; i += 500) await insertStays(ctx.db, stays.slice(i, i + 500));
}

/**
 * Demo reception: the reception centre's 1,500 places and the orientation centres' places, then
 * relocations from the north zone over six months, replayed through the services with a clock
 * set to each step: most arrive, about one in six comes back to the camp with a reason, some
 * leave their centre, a few decline or miss the bus, and the latest are still accepted (places
 * reserved). Acts as the demo reception coordinator of the UN agency.
 */
async function seedReception({ ctx, orgIds, userIds, progress }: DemoSeedContext): Promise<void> {
  const sites = await findDemoSites(ctx.db);
  const unOrg = orgIds['demo-un'];
  if (!sites || !unOrg) return;
  let clock = ctx.now();
  const actor: Actor = {
    userId: userIds[COORDINATOR] ?? null,
    orgId: unOrg,
    roles: ['reception_coordinator'],
    permissions: permissionsOf(['reception_coordinator']),
    via: 'token',
    secondFactorSatisfied: true,
  };
  const as: ServiceContext = { ...ctx, now: () => clock, actor };

  progress('reception: places');
  await setCapacity(as, sites.receptionCentre, {
    places: RECEPTION_PLACES,
    blocked: { single_men: 40 },
    services: {
      medicalCare: true,
      childProtection: true,
      accessible: true,
      languages: ['fr', 'en', 'ar', 'ps', 'fa', 'ti'],
    },
  });
  for (const [index, centre] of sites.orientationCentres.entries())
    await setCapacity(as, centre.id, orientationProfile(index));

  const rows = await shareWithCoordinator(as, unOrg, [sites.northZone, sites.receptionCentre]);
  await admitResidents(as, sites, unOrg, rows);

  // About one household for three people alone, as in the camp's relocations.
  const all = groupsOf(rows.filter((r) => r.site_id === sites.northZone));
  const households = all.filter((g) => g.length > 1).slice(0, MAX_GROUPS / 4);
  const alone = all.filter((g) => g.length === 1).slice(0, MAX_GROUPS - households.length);
  const groups = alone.flatMap((g, i) => (i % 3 === 0 && households[i / 3] ? [households[i / 3]!, g] : [g]));
  const centres = sites.orientationCentres.map((c) => c.id);
  for (const [i, group] of groups.entries()) {
    progress('reception: relocations', i + 1, groups.length);
    const month = i % MONTHS;
    const start = FIRST_DEPARTURE + month * 30 * DAY + ((i * 5) % 25) * DAY;
    const h = (i * 37) % 100;
    const step = async (
      offsetDays: number,
      run: (trx: Parameters<typeof proposeRelocation>[0]) => Promise<unknown>,
    ) => {
      clock = new Date(start + offsetDays * DAY);
      await ctx.db.transaction().execute(run);
    };
    let id: string | null = null;
    for (let k = 0; k < centres.length && !id; k++) {
      const toSiteId = centres[(i + k) % centres.length]!;
      try {
        await step(-2, async (trx) => {
          id = await proposeRelocation(trx, as, {
            personIds: group.map((p) => p.id),
            toSiteId,
            isDemo: true,
          });
          await transitionInTransaction(trx, as, id, { to: 'accepted' });
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        id = null;
      }
    }
    if (!id) continue;
    const move = (days: number, input: Parameters<typeof transitionInTransaction>[3]) =>
      step(days, (trx) => transitionInTransaction(trx, as, id!, input));
    // The latest month is still under way: places reserved, people waiting for the bus.
    if (month === MONTHS - 1 && h < 60) continue;
    if (h < 4) {
      await move(0, { to: 'declined', reason: 'Wants to stay near the port' });
      continue;
    }
    if (h < 7) {
      await move(0, { to: 'no_show', reason: 'Not at the meeting point' });
      continue;
    }
    await move(0, { to: 'departed' });
    await move(0.3, { to: 'arrived' });
    if (h < 25)
      await move(10 + (h % 30), {
        to: 'returned',
        returnReason: RETURN_REASONS[h % RETURN_REASONS.length]!,
        siteId: sites.northZone,
        reason: 'Seen again at the camp by the outreach team',
      });
    else if (h < 35) await move(40 + (h % 20), { to: 'left', reason: 'Moved to asylum seekers’ housing' });
  }
}

export const receptionDemoSeeder: DemoModuleSeeder = { name: 'reception', seed: seedReception };
