import type { Executor } from '../../db/engine.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import { findActiveNeeds } from '../registry/registry.repository.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { loadCentres } from './capacity.service.js';
import type { PlanCentre, PlanHousehold, PlanPerson } from './placement/model.js';
import { findPreferences } from './preferences.service.js';
import { ageFromBirthYear } from './reception.rules.js';

/** People to plan for: in scope, active, and not already in a relocation under way. */
export async function loadWaitingPeople(
  db: Executor,
  actor: Actor,
  input: { siteId?: string; personIds?: string[] },
): Promise<PeopleTable[]> {
  let query = scopeToActor(db.selectFrom('people').selectAll(), actor, 'people', 'person')
    .where('people.status', '=', 'active')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('relocation_people as rp')
            .select('rp.person_id')
            .whereRef('rp.person_id', '=', 'people.id')
            .where('rp.is_open', '=', 1),
        ),
      ),
    );
  if (input.siteId) query = query.where('people.site_id', '=', input.siteId);
  if (input.personIds) {
    // A household travels whole: naming one member plans the members waiting with them too.
    const listed = input.personIds;
    const households = await scopeToActor(
      db.selectFrom('people').select('people.household_id'),
      actor,
      'people',
      'person',
    )
      .where('people.id', 'in', listed)
      .where('people.household_id', 'is not', null)
      .execute();
    const householdIds = [...new Set(households.map((r) => r.household_id!))];
    query = query.where((eb) =>
      householdIds.length === 0
        ? eb('people.id', 'in', listed)
        : eb.or([eb('people.id', 'in', listed), eb('people.household_id', 'in', householdIds)]),
    );
  }
  const rows = await query.orderBy('people.id').execute();
  input.personIds?.forEach((id, i) => {
    if (!rows.some((r) => r.id === id))
      throw AppError.validation(
        `personIds.${i}`,
        'no person with this id waiting (unknown, or already in a relocation)',
      );
  });
  return rows;
}

/** Households among the people (members planned together), and everyone else alone. */
export async function toPlanHouseholds(
  db: Executor,
  rows: PeopleTable[],
  now: Date,
): Promise<PlanHousehold[]> {
  const ids = rows.map((r) => r.id);
  const needs = new Map<string, string[]>();
  const preferences = new Map<string, Awaited<ReturnType<typeof findPreferences>>[number]>();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    for (const n of await findActiveNeeds(db, chunk))
      needs.set(n.person_id, [...(needs.get(n.person_id) ?? []), n.code]);
    for (const p of await findPreferences(db, chunk)) preferences.set(p.person_id, p);
  }
  const groups = new Map<string, PlanHousehold>();
  for (const row of rows) {
    const pref = preferences.get(row.id);
    const person: PlanPerson = {
      id: row.id,
      sex: row.sex,
      age: ageFromBirthYear(row.birth_year, now),
      needCodes: needs.get(row.id) ?? [],
      nationality: row.nationality,
      languages: JSON.parse(row.languages) as string[],
      preferredRegions: pref ? (JSON.parse(pref.preferred_regions) as string[]) : [],
      preferredSiteIds: pref ? (JSON.parse(pref.preferred_site_ids) as string[]) : [],
      relativesRegions: pref ? (JSON.parse(pref.relatives_regions) as string[]) : [],
    };
    const key = row.household_id ?? row.id;
    const group = groups.get(key) ?? { key, householdId: row.household_id, people: [] };
    group.people.push(person);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Open centres with their free places, services and history of returns by nationality. */
export async function loadPlanCentres(db: Executor, centreIds?: string[]): Promise<PlanCentre[]> {
  const centres = (await loadCentres(db, {})).filter(
    (c) => (c.status === 'open' || c.status === 'closing') && (!centreIds || centreIds.includes(c.siteId)),
  );
  centreIds?.forEach((id, i) => {
    if (!centres.some((c) => c.siteId === id))
      throw AppError.validation(`centreIds.${i}`, 'is not an open centre');
  });
  const history = await db
    .selectFrom('relocations')
    .innerJoin('relocation_people', 'relocation_people.relocation_id', 'relocations.id')
    .innerJoin('people', 'people.id', 'relocation_people.person_id')
    .select([
      'relocations.to_site_id',
      'people.nationality',
      (eb) => eb.fn.countAll<number>().as('departed'),
      (eb) =>
        eb.fn
          .sum<number>(eb.case().when('relocations.status', '=', 'returned').then(1).else(0).end())
          .as('returned'),
    ])
    .where('relocations.status', 'in', ['departed', 'arrived', 'left', 'returned'])
    .groupBy(['relocations.to_site_id', 'people.nationality'])
    .execute();
  return centres.map((c) => {
    const rows = history.filter((h) => h.to_site_id === c.siteId);
    const byNationality: PlanCentre['history']['byNationality'] = {};
    let departed = 0;
    let returned = 0;
    for (const h of rows) {
      departed += Number(h.departed);
      returned += Number(h.returned);
      if (h.nationality)
        byNationality[h.nationality] = { departed: Number(h.departed), returned: Number(h.returned) };
    }
    return {
      siteId: c.siteId,
      name: c.name,
      region: c.region,
      ...c.services,
      free: Object.fromEntries(c.categories.map((k) => [k.category, k.free])),
      history: { all: { departed, returned }, byNationality },
    };
  });
}
