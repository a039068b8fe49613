import type { ServiceContext } from '../../server/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { CasePermissions } from '../cases/cases.policy.js';
import { listCases } from '../cases/cases-query.service.js';
import { loadPersonViews } from '../registry/people-read.js';
import { presentPerson } from '../registry/registry.presenter.js';
import { findPeopleInScopeByIds } from '../registry/registry.repository.js';
import type { Known } from './change-runner.js';
import { replaceDevicePeople } from './sync.repository.js';
import { LOCAL_PREFIX } from './sync.schema.js';

/** Open cases are fetched per person: a device keeps tens of people, not thousands. */
const MAX_PEOPLE_WITH_CASES = 100;

/**
 * The current records of the people a device keeps for offline use, as the online API would
 * present them to this user (scope, field groups). Reading them is audited like any read, and the
 * set is remembered per device, so a lost device's exposure is known. People now out of scope,
 * merged or erased are listed in `gone` for the device to delete.
 */
export async function offlineCopies(
  ctx: ServiceContext,
  deviceId: string,
  requested: string[],
  known: Known,
) {
  const ids = new Set<string>();
  for (const ref of requested) {
    if (!ref.startsWith(LOCAL_PREFIX)) ids.add(ref);
    else {
      const entityId = known.get(ref.slice(LOCAL_PREFIX.length))?.entityId;
      if (entityId) ids.add(entityId);
    }
  }
  const { rows, people } = await ctx.db.transaction().execute(async (trx) => {
    const rows = await findPeopleInScopeByIds(trx, ctx.actor, [...ids]);
    const views = await loadPersonViews(trx, ctx.keys, rows);
    const people = views.map((view) => presentPerson(view, ctx.actor, ctx.now()));
    const found = new Set(rows.map((r) => r.id));
    await replaceDevicePeople(trx, deviceId, [...found], ctx.now().toISOString());
    if (rows.length > 0) {
      await recordAudit(trx, ctx, {
        action: 'person.offline_copy',
        entity: 'person',
        details: { deviceId, results: [...found] },
      });
    }
    return { rows, people };
  });
  // Each list is its own audited read (listCases), after the copy's transaction has ended.
  const cases = [];
  if (ctx.actor.permissions.has(CasePermissions['cases.read'])) {
    for (const row of rows.slice(0, MAX_PEOPLE_WITH_CASES)) {
      const items = await listCases(ctx, { filter: { personId: row.id, status: 'active' }, limit: 20 });
      for (const item of items) {
        cases.push({ id: item.id, personId: row.id, type: item.type, status: item.status, risk: item.risk });
      }
    }
  }
  const found = new Set(rows.map((r) => r.id));
  return { people, cases, gone: [...ids].filter((id) => !found.has(id)) };
}
