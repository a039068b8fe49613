import { randomId } from '../../../crypto/index.js';
import type { DB } from '../../../db/engine.js';
import type { RelocationStatus } from '../../reception/reception.tables.js';

/*
 * Rows written straight into the tables, so every count in the reporting tests can be worked out
 * by hand. Reports read plain columns only (sex, birth year, site, codes, states, dates), so the
 * people here carry a placeholder where the encrypted identity would be: nothing decrypts it.
 */

export interface World {
  orgA: string;
  orgB: string;
  camp: string;
  zoneN: string;
  zoneS: string;
  centre: string;
  counsellor: string;
  year: number;
}

const OLD = '2020-01-01T10:00:00.000Z';

export async function insertSite(
  db: DB,
  orgId: string,
  input: { name: string; kind: string; parentId?: string; region?: string },
) {
  const id = randomId();
  await db
    .insertInto('sites')
    .values({
      id,
      org_id: orgId,
      name: input.name,
      kind: input.kind as 'camp_zone',
      status: 'open',
      parent_id: input.parentId ?? null,
      region: input.region ?? null,
      latitude: null,
      longitude: null,
      outline: null,
      contact: null,
      managed_by: null,
      opened_on: null,
      closed_on: null,
      is_demo: 0,
      created_by: null,
      created_at: OLD,
      updated_at: OLD,
    })
    .execute();
  return id;
}

export interface PersonSpec {
  org: string;
  site: string | null;
  sex: 'female' | 'male' | 'other' | 'unknown';
  age: number | null;
  nationality?: string | null;
  needs?: string[];
  status?: 'active' | 'merged' | 'erased';
  createdAt?: string;
}

/** Inserts `count` people alike; returns their ids. */
export async function insertPeople(db: DB, world: Pick<World, 'year'>, count: number, spec: PersonSpec) {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomId();
    ids.push(id);
    const at = spec.createdAt ?? OLD;
    await db
      .insertInto('people')
      .values({
        id,
        code: `R${id.slice(0, 9).toUpperCase()}`,
        org_id: spec.org,
        sex: spec.sex,
        birth_year: spec.age === null ? null : world.year - spec.age,
        age_estimated: 1,
        nationality: spec.nationality === undefined ? null : spec.nationality,
        languages: '[]',
        site_id: spec.site,
        household_id: null,
        status: spec.status ?? 'active',
        merged_into: null,
        identity: 'placeholder: reports never decrypt',
        photo: null,
        version: 1,
        is_demo: 0,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const code of spec.needs ?? []) {
      await db
        .insertInto('specific_needs')
        .values({
          id: randomId(),
          person_id: id,
          org_id: spec.org,
          code,
          category: code.slice(0, 2),
          noted_by: null,
          noted_at: at,
          removed_by: null,
          removed_at: null,
        })
        .execute();
    }
  }
  return ids;
}

export async function insertCase(
  db: DB,
  input: {
    org: string;
    personId: string;
    type: string;
    risk: string;
    status: string;
    overdue?: number;
    escalated?: number;
  },
) {
  const id = randomId();
  await db
    .insertInto('cases')
    .values({
      id,
      org_id: input.org,
      person_id: input.personId,
      household_id: null,
      type: input.type as 'general_protection',
      risk: input.risk as 'low',
      risk_reason: null,
      status: input.status as 'open',
      assigned_user_id: null,
      unaccompanied: 0,
      opened_by: null,
      opened_at: OLD,
      cycle_started_at: OLD,
      status_changed_at: OLD,
      assessed_at: null,
      bia_at: null,
      plan_created_at: null,
      plan_approved_at: null,
      implementation_started_at: null,
      last_follow_up_at: null,
      last_activity_at: OLD,
      closed_at: null,
      closure_reason: null,
      version: 1,
      is_demo: 0,
      created_at: OLD,
      updated_at: OLD,
    })
    .execute();
  const states = [
    ...Array.from({ length: input.overdue ?? 0 }, () => 'overdue' as const),
    ...Array.from({ length: input.escalated ?? 0 }, () => 'escalated' as const),
  ];
  for (const state of states) {
    await db
      .insertInto('alerts')
      .values({
        id: randomId(),
        org_id: input.org,
        rule: 'cases.follow_up_due',
        entity: 'case',
        entity_id: id,
        person_id: input.personId,
        assigned_role: 'caseworker',
        assigned_user_id: null,
        severity: 'warning',
        state: 'open',
        due_at: OLD,
        details: null,
        dedupe_key: null,
        created_at: OLD,
        resolved_at: null,
        resolved_by: null,
        subject_id: null,
        deadline_state: state,
        escalate_at: null,
        visible_from: null,
        managed_by: 'cases',
      })
      .execute();
  }
  return id;
}

/** A relocation of `people` people with its events on the given days (YYYY-MM-DD). */
export async function insertRelocation(
  db: DB,
  input: {
    org: string;
    from: string;
    to: string;
    people: number;
    status: RelocationStatus;
    events: Partial<Record<RelocationStatus, string>>;
  },
) {
  const id = randomId();
  await db
    .insertInto('relocations')
    .values({
      id,
      org_id: input.org,
      from_site_id: input.from,
      to_site_id: input.to,
      category: 'single_men',
      people_count: input.people,
      status: input.status,
      convoy_id: null,
      return_reason: input.status === 'returned' ? 'family_in_uk' : null,
      plan_id: null,
      is_demo: 0,
      created_by: null,
      created_at: OLD,
      updated_at: OLD,
    })
    .execute();
  for (const [status, day] of Object.entries(input.events)) {
    await db
      .insertInto('relocation_events')
      .values({
        id: randomId(),
        relocation_id: id,
        from_status: null,
        to_status: status as RelocationStatus,
        occurred_at: `${day}T09:00:00.000Z`,
        recorded_at: `${day}T09:00:00.000Z`,
        actor_id: null,
        reason: null,
        return_reason: null,
        site_id: status === 'returned' ? input.from : null,
      })
      .execute();
  }
  return id;
}

export async function insertSession(
  db: DB,
  input: {
    org: string;
    counsellor: string;
    personId?: string;
    day: string;
    language: string;
    topics: string[];
  },
) {
  await db
    .insertInto('counselling_sessions')
    .values({
      id: randomId(),
      org_id: input.org,
      person_id: input.personId ?? null,
      held_on: input.day,
      counsellor_id: input.counsellor,
      language: input.language,
      interpreter_used: 0,
      topics: JSON.stringify(input.topics),
      options_discussed: '[]',
      stated_intention: 'undecided',
      referrals: '[]',
      follow_up_on: null,
      follow_up_done_at: null,
      follow_up_done_by: null,
      notes: null,
      wrapped_key: 'placeholder',
      is_demo: 0,
      created_by: null,
      created_at: OLD,
      updated_at: OLD,
    })
    .execute();
}

export async function insertStay(
  db: DB,
  input: { org: string; personId: string; site: string; category: string },
) {
  await db
    .insertInto('stays')
    .values({
      id: randomId(),
      person_id: input.personId,
      org_id: input.org,
      site_id: input.site,
      category: input.category,
      relocation_id: null,
      admitted_at: OLD,
      discharged_at: null,
      discharge_reason: null,
      is_demo: 0,
    })
    .execute();
}

export async function insertCapacity(
  db: DB,
  site: string,
  category: string,
  places: number,
  blocked: number,
) {
  await db
    .insertInto('capacities')
    .values({ id: randomId(), site_id: site, category, places, blocked, updated_by: null, updated_at: OLD })
    .execute();
}
