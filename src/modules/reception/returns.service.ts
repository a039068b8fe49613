import type { z } from 'zod';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import type { RecordReturnBody, ReturnRatesQuery } from './reception.schema.js';
import { findLatestDeparture } from './relocations.repository.js';
import { transitionInTransaction } from './transitions.service.js';

/**
 * A person seen again at the camp after a relocation: their latest relocation that took them
 * away (departed, arrived or left) becomes `returned`, with the reason they gave.
 */
export async function recordReturn(ctx: ServiceContext, input: z.infer<typeof RecordReturnBody>) {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonInScope(trx, ctx.actor, input.personId);
    if (!person) throw AppError.validation('personId', 'no person with this id');
    const relocation = await findLatestDeparture(trx, input.personId);
    if (!relocation)
      throw new AppError('invalid_state', 'personId: this person has no relocation that took them away', [
        { field: 'personId', message: 'no departed relocation' },
      ]);
    await transitionInTransaction(trx, ctx, relocation.id, {
      to: 'returned',
      returnReason: input.returnReason,
      reason: input.reason,
      siteId: input.siteId,
      at: input.at,
    });
    return relocation.id;
  });
}

export const RATE_DEFINITION =
  'Return rate = people recorded as returned ÷ people who departed, counted per person; a relocation counts in the month it departed (cohort), at its destination centre and region, and by each person’s nationality.';

interface Tally {
  key: string;
  label: string;
  departed: number;
  returned: number;
  reasons: Record<string, number>;
}

/** Return rates by centre, region, nationality or month, with the counts behind each rate. */
export async function returnRates(ctx: ServiceContext, query: z.infer<typeof ReturnRatesQuery>) {
  let rows = ctx.db
    .selectFrom('relocations')
    .innerJoin('relocation_people', 'relocation_people.relocation_id', 'relocations.id')
    .innerJoin('people', 'people.id', 'relocation_people.person_id')
    .innerJoin('sites', 'sites.id', 'relocations.to_site_id')
    .innerJoin('relocation_events as departure', (join) =>
      join.onRef('departure.relocation_id', '=', 'relocations.id').on('departure.to_status', '=', 'departed'),
    )
    .select([
      'relocations.to_site_id',
      'sites.name as site_name',
      'sites.region',
      'people.nationality',
      'relocations.status',
      'relocations.return_reason',
      'departure.occurred_at as departed_at',
    ]);
  if (query.from) rows = rows.where('departure.occurred_at', '>=', query.from);
  if (query.to) rows = rows.where('departure.occurred_at', '<', `${query.to}T99`);
  const people = await rows.execute();
  const groups = new Map<string, Tally>();
  const totals = { departed: 0, returned: 0 };
  for (const p of people) {
    const [key, label] =
      query.by === 'centre'
        ? [p.to_site_id, p.site_name]
        : query.by === 'region'
          ? [p.region ?? 'unknown', p.region ?? 'Unknown region']
          : query.by === 'nationality'
            ? [p.nationality ?? 'unknown', p.nationality ?? 'Unknown']
            : [p.departed_at.slice(0, 7), p.departed_at.slice(0, 7)];
    const tally = groups.get(key) ?? { key, label, departed: 0, returned: 0, reasons: {} };
    tally.departed += 1;
    totals.departed += 1;
    if (p.status === 'returned') {
      tally.returned += 1;
      totals.returned += 1;
      const reason = p.return_reason ?? 'other';
      tally.reasons[reason] = (tally.reasons[reason] ?? 0) + 1;
    }
    groups.set(key, tally);
  }
  const rate = (returned: number, departed: number) => (departed === 0 ? null : returned / departed);
  return {
    by: query.by,
    definition: RATE_DEFINITION,
    groups: [...groups.values()]
      .sort((a, b) =>
        query.by === 'month'
          ? a.key.localeCompare(b.key)
          : b.departed - a.departed || a.key.localeCompare(b.key),
      )
      .map((g) => ({ ...g, rate: rate(g.returned, g.departed) })),
    totals: { ...totals, rate: rate(totals.returned, totals.departed) },
  };
}
