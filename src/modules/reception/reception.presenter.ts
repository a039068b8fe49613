import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { openIdentities } from '../registry/people-read.js';
import { readableGroups } from '../registry/registry.policy.js';
import { allowedRelocationActions } from './reception.policy.js';
import { ageFromBirthYear } from './reception.rules.js';
import type { LoadedRelocation } from './relocations.service.js';

/**
 * Whitelists what leaves the server about relocations. Names are decrypted only for roles that
 * read the registry's `names` field group; nothing else of the person record goes out here.
 */
export async function presentRelocations(
  db: Executor,
  keys: KeyRing,
  actor: Actor,
  now: Date,
  relocations: LoadedRelocation[],
) {
  const seesNames = readableGroups(actor).has('names');
  const rows = relocations.flatMap((r) => r.people);
  const identities = seesNames ? await openIdentities(db, keys, rows) : new Map();
  return relocations.map(({ row, toSiteName, people, events }) => ({
    id: row.id,
    status: row.status,
    category: row.category,
    peopleCount: row.people_count,
    fromSiteId: row.from_site_id,
    toSiteId: row.to_site_id,
    toSiteName,
    convoyId: row.convoy_id,
    returnReason: row.return_reason,
    planId: row.plan_id,
    people: people.map((p) => {
      const identity = identities.get(p.id);
      return {
        id: p.id,
        code: p.code,
        sex: p.sex,
        age: ageFromBirthYear(p.birth_year, now),
        nationality: p.nationality,
        ...(seesNames
          ? { givenName: identity?.givenName ?? '(erased)', familyName: identity?.familyName ?? null }
          : {}),
      };
    }),
    events: events.map((e) => ({
      from: e.from_status,
      to: e.to_status,
      at: e.occurred_at,
      recordedAt: e.recorded_at,
      actorId: e.actor_id,
      reason: e.reason,
      returnReason: e.return_reason,
      siteId: e.site_id,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    allowed: allowedRelocationActions(actor, row.status),
  }));
}
