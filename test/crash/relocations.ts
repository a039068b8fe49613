import type { DB } from '../../src/db/engine.js';
import { RESERVING } from '../../src/modules/reception/reception.policy.js';

/** What the relocation client saw acknowledged before the kill. */
export interface RelocationLedger {
  /** Relocations answered 201, with their person. */
  proposed: Map<string, string>;
  /** Relocations whose `accepted` transition answered 200 (a place was reserved). */
  accepted: Set<string>;
  /** Accepts refused with 409 because the centre was full. */
  refusedFull: number;
}

export const newLedger = (): RelocationLedger => ({
  proposed: new Map(),
  accepted: new Set(),
  refusedFull: 0,
});

/**
 * A coordinator proposing a relocation for each newly registered person and accepting it at once
 * (acceptance is the reservation of a place), until `stopped()` or the server dies.
 */
export async function relocationClient(options: {
  url: string;
  token: string;
  centreId: string;
  waiting: string[];
  ledger: RelocationLedger;
  stopped: () => boolean;
}): Promise<void> {
  const { url, token, centreId, waiting, ledger, stopped } = options;
  const post = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  while (!stopped()) {
    const personId = waiting.shift();
    if (!personId) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    try {
      const created = await post('/api/relocations', { personIds: [personId], toSiteId: centreId });
      if (created.status !== 201) continue;
      const { id } = (await created.json()) as { id: string };
      ledger.proposed.set(id, personId);
      const accepted = await post(`/api/relocations/${id}/transitions`, { to: 'accepted' });
      if (accepted.status === 200) ledger.accepted.add(id);
      else if (accepted.status === 409) ledger.refusedFull += 1;
      else await accepted.body?.cancel();
    } catch {
      return; // the server died mid-request
    }
  }
}

/**
 * Everything that must hold for relocations after a crash: each acknowledged one is there in the
 * state it was acknowledged in; each row has its people, its unbroken event chain ending in its
 * status, and one audit entry per event; reservations never exceed the centre's places.
 */
export async function relocationProblems(
  db: DB,
  ledger: RelocationLedger,
  centreId: string,
  places: number,
): Promise<string[]> {
  const problems: string[] = [];
  const rows = await db.selectFrom('relocations').selectAll().execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id] of ledger.proposed) {
    const row = byId.get(id);
    if (!row) problems.push(`acknowledged relocation ${id} is missing`);
    else if (ledger.accepted.has(id) && row.status !== 'accepted')
      problems.push(`relocation ${id} was acknowledged accepted, is ${row.status}`);
    else if (!['proposed', 'accepted'].includes(row.status))
      problems.push(`relocation ${id} is ${row.status}, nobody moved it there`);
  }
  const people = await db.selectFrom('relocation_people').select(['relocation_id']).execute();
  const events = await db
    .selectFrom('relocation_events')
    .select(['relocation_id', 'from_status', 'to_status', 'recorded_at', 'id'])
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  const audits = await db
    .selectFrom('audit_log')
    .select(['entity_id', 'action'])
    .where('entity', '=', 'relocation')
    .execute();
  for (const row of rows) {
    const members = people.filter((p) => p.relocation_id === row.id).length;
    if (members !== row.people_count || members === 0)
      problems.push(`relocation ${row.id}: ${members} people rows for people_count ${row.people_count}`);
    const chain = events.filter((e) => e.relocation_id === row.id);
    let previous: string | null = null;
    for (const event of chain) {
      if (event.from_status !== previous)
        problems.push(
          `relocation ${row.id}: event ${event.from_status}→${event.to_status} after ${previous}`,
        );
      previous = event.to_status;
    }
    if (previous !== row.status)
      problems.push(`relocation ${row.id}: status ${row.status}, last event ${previous}`);
    const mine = audits.filter((a) => a.entity_id === row.id);
    const created = mine.filter((a) => a.action === 'relocation.create').length;
    const moved = mine.filter((a) => a.action === 'relocation.transition').length;
    if (created !== 1 || moved !== chain.length - 1)
      problems.push(
        `relocation ${row.id}: ${created} create and ${moved} transition audit entries for ${chain.length} events`,
      );
  }
  const reserved = rows
    .filter((r) => r.to_site_id === centreId && (RESERVING as readonly string[]).includes(r.status))
    .reduce((sum, r) => sum + r.people_count, 0);
  if (reserved > places) problems.push(`${reserved} places reserved at a centre of ${places}`);
  return problems;
}
