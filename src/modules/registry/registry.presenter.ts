import type { Actor } from '../access/actor.js';
import type { Identity } from './person-identity.js';
import { type PersonFieldGroup, personActions, readableGroups } from './registry.policy.js';
import type { ConsentsTable, PeopleTable, SpecificNeedsTable } from './registry.tables.js';
import { findNeed } from './specific-needs.js';

export function ageOf(
  birthYear: number | null,
  birthDate: string | null | undefined,
  now: Date,
): number | null {
  if (birthDate) {
    const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
    let age = now.getUTCFullYear() - y;
    if (now.getUTCMonth() + 1 < m || (now.getUTCMonth() + 1 === m && now.getUTCDate() < d)) age -= 1;
    return age;
  }
  return birthYear === null ? null : now.getUTCFullYear() - birthYear;
}

export interface PersonView {
  row: PeopleTable;
  identity: Identity | null;
  needs: SpecificNeedsTable[];
  consents: ConsentsTable[];
}

/** Whitelists what leaves the server, field group by field group, for this actor. */
export function presentPerson(view: PersonView, actor: Actor, now: Date) {
  const groups = readableGroups(actor);
  const sees = (group: PersonFieldGroup) => groups.has(group);
  const { row, identity } = view;
  const isChild = (() => {
    const age = ageOf(row.birth_year, sees('birth') ? identity?.birthDate : null, now);
    return age !== null && age < 18;
  })();
  const unaccompanied = isChild && view.needs.some((n) => n.category === 'SC');
  const out: Record<string, unknown> = {
    id: row.id,
    code: row.code,
    orgId: row.org_id,
    sex: row.sex,
    birthYear: row.birth_year,
    ageEstimated: row.age_estimated === 1,
    age: ageOf(row.birth_year, identity?.birthDate, now),
    nationality: row.nationality,
    languages: JSON.parse(row.languages) as string[],
    siteId: row.site_id,
    householdId: row.household_id,
    status: row.status,
    unaccompanied,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowed: personActions(actor),
  };
  if (identity && sees('names')) {
    out.givenName = identity.givenName;
    out.familyName = identity.familyName ?? null;
    out.fathersName = identity.fathersName ?? null;
    out.originalScriptName = identity.originalScriptName ?? null;
    out.otherNames = identity.otherNames;
  }
  if (identity && sees('birth')) {
    out.birthDate = identity.birthDate ?? null;
    out.placeOfOrigin = identity.placeOfOrigin ?? null;
  }
  if (identity && sees('contact')) out.phone = identity.phone ?? null;
  if (identity && sees('documents')) out.documents = identity.documents;
  if (identity && sees('notes')) out.notes = identity.notes ?? null;
  if (sees('needs')) {
    out.specificNeeds = view.needs.map((n) => ({
      code: n.code,
      category: n.category,
      label: findNeed(n.code)?.label ?? n.code,
      notedAt: n.noted_at,
    }));
  }
  if (sees('needCategories')) out.needCategories = [...new Set(view.needs.map((n) => n.category))].sort();
  if (sees('consent')) {
    out.consent = view.consents.map((c) => ({
      purpose: c.purpose,
      basis: c.basis,
      recordedAt: c.recorded_at,
      recordedBy: c.recorded_by,
      withdrawnAt: c.withdrawn_at,
    }));
  }
  return out as PresentedPerson;
}

export interface PresentedPerson {
  id: string;
  code: string;
  orgId: string;
  sex: string;
  birthYear: number | null;
  ageEstimated: boolean;
  age: number | null;
  nationality: string | null;
  languages: string[];
  siteId: string | null;
  householdId: string | null;
  status: string;
  unaccompanied: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  allowed: string[];
  givenName?: string;
  familyName?: string | null;
  [key: string]: unknown;
}
